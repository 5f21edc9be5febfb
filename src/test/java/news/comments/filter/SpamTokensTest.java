package news.comments.filter;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learned filter's features: folded words in any script, domains, shapes, and never an address. */
class SpamTokensTest {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    @Test
    void shouldFoldCaseAccentsAndFullWidthFormsIntoOneWord() {
        assertTrue(body("Cheap CASINO").contains("casino"));
        assertTrue(body("Cheap Cásino").contains("casino"));
        assertTrue(body("ｃａｓｉｎｏ ｎｏｗ").contains("casino"));
        assertTrue(body("Ça coûte très cher").containsAll(List.of("ca", "coute", "tres", "cher")));
    }

    @Test
    void shouldSplitWordsInManyLanguagesInOneComment() {
        List<String> tokens = body("Die Straße ist gesperrt. Дешёвые таблетки! 東京都の天気 서울 날씨 ราคาถูก");
        assertTrue(tokens.containsAll(List.of("die", "strasse", "gesperrt")), tokens::toString);
        assertTrue(tokens.contains("таблетки"), tokens::toString);
        assertTrue(tokens.contains("東京"), "Chinese and Japanese are cut into pairs: " + tokens);
        assertTrue(tokens.contains("天気"), tokens::toString);
        assertTrue(tokens.contains("서울"), tokens::toString);
        assertTrue(tokens.stream().anyMatch(t -> t.startsWith("ราคา")), "Thai words are found: " + tokens);
    }

    @Test
    void shouldPairNeighbouringWordsOfTheBodyOnly() {
        List<String> tokens = SpamTokens.of("Free Speech", "a@b.example", null,
                "FREE shipping on pills, see http://pills.example today 12345678 offer 東京都");
        assertTrue(tokens.containsAll(List.of("free shipping", "shipping on", "on pills", "pills see")),
                tokens::toString);
        assertFalse(tokens.contains("see today"), "a link between two words breaks the pair: " + tokens);
        assertFalse(tokens.stream().anyMatch(t -> t.contains("shape:") && t.contains(" ")),
                "a shape pairs with nothing: " + tokens);
        assertFalse(tokens.contains("name:free speech") || tokens.contains("free speech"),
                "the name's words do not pair: " + tokens);
        assertFalse(tokens.stream().anyMatch(t -> t.contains(" ") && t.contains("東")),
                "Chinese and Japanese are already pairs of characters: " + tokens);
    }

    @Test
    void shouldKeepTheEmailsDomainOnlyAndTheNamesWords() {
        List<String> tokens = SpamTokens.of("Jane Doe", "jane.doe@mail.example", null, "Hello there");
        assertTrue(tokens.containsAll(List.of("from:mail.example", "name:jane", "name:doe")), tokens::toString);
        assertTrue(tokens.stream().noneMatch(t -> t.contains("jane.doe")), tokens::toString);
    }

    @Test
    void shouldNeverMakeAnAddressOrAnIpIntoAToken() {
        List<String> tokens = SpamTokens.of("bob@evil.example", "bob@evil.example", null,
                "Write to sales.team@pills.example or <info@pills.example>, from 203.0.113.7 or 2001:db8::1 "
                        + "or fe80::1ff:fe23:4567:890a, see http://198.51.100.3/buy");
        assertTrue(tokens.contains("mail:pills.example"), tokens::toString);
        assertTrue(tokens.contains("shape:ip"), tokens::toString);
        assertTrue(tokens.contains("link:ip"), tokens::toString);
        for (String token : tokens) {
            assertFalse(token.contains("@"), token);
            assertFalse(IPV4.matcher(token).find(), token);
            assertFalse(token.contains("sales.team") || token.contains("2001:db8") || token.contains("fe23:"), token);
        }
    }

    @Test
    void shouldTakeLinkDomainsFromTheBodyAndTheWebsite() {
        List<String> tokens = SpamTokens.of("A", "a@b.example", "https://www.shop.pills.example/x",
                "Buy at https://cheap.pills.example/now and www.other.example today");
        assertTrue(tokens.containsAll(List.of("link:cheap.pills.example", "link:pills.example",
                "link:other.example", "site:shop.pills.example", "site:pills.example", "shape:links:2")),
                tokens::toString);
    }

    @Test
    void shouldDescribeTheShapeInBands() {
        List<String> tokens = body("THIS IS ALL IN CAPITALS, READ IT NOW");
        assertTrue(tokens.containsAll(List.of("shape:capitals:60%+", "shape:length:0-39", "shape:links:0")),
                tokens::toString);
        assertTrue(body("x".repeat(41)).contains("shape:long-word"));
        assertTrue(body("call 5551234567").contains("shape:number"));
    }

    @Test
    void shouldCountEachTokenOnceAndBoundTheirNumber() {
        assertEquals(1, body("spam spam SPAM Spam").stream().filter("spam"::equals).count());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            many.append("w").append(Integer.toString(i, 26).replaceAll("\\d", "q")).append(i % 7 == 0 ? "x " : " ");
        }
        assertTrue(body(many.toString()).size() <= SpamTokens.MAX);
    }

    private static List<String> body(String text) {
        return SpamTokens.of(null, null, null, text);
    }
}
