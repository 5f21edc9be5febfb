package news.comments.imports;

import news.comments.web.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The moved addresses of an import: pairs in order, the longest matching start wins, the rest stays. */
class UrlMapTest {

    private static UrlMap map(List<String> from, List<String> to, List<Problem.Violation> violations) {
        return UrlMap.parse(from, to, violations);
    }

    @Test
    void shouldReplaceTheLongestMatchingStartAndLeaveOtherAddresses() {
        List<Problem.Violation> violations = new ArrayList<>();
        UrlMap map = map(List.of("http://old.example/", "http://old.example/blog/"),
                List.of("https://www.new.example/", "https://blog.new.example/"), violations);

        assertTrue(violations.isEmpty(), violations.toString());
        assertEquals("https://blog.new.example/2020/ünïcode/", map.apply("http://old.example/blog/2020/ünïcode/"));
        assertEquals("https://www.new.example/about/", map.apply("http://old.example/about/"));
        assertEquals("https://other.example/x", map.apply("https://other.example/x"));
        assertEquals(null, map.apply(null));
        assertEquals("https://news.example/2023/11/bridge/", map(List.of("/"), List.of("https://news.example/"),
                violations).apply("/2023/11/bridge/"), "an Isso thread path becomes an address");
    }

    @Test
    void shouldRefuseUnpairedBlankOrTooManyRules() {
        List<Problem.Violation> violations = new ArrayList<>();
        map(List.of("http://a.example/"), List.of(), violations);
        assertEquals("urlTo", violations.get(0).field());

        violations.clear();
        map(List.of(" "), List.of("https://b.example/"), violations);
        assertEquals("urlFrom", violations.get(0).field());

        violations.clear();
        map(List.of("http://a.example/"), List.of("x".repeat(UrlMap.MAX_LENGTH + 1)), violations);
        assertEquals("urlTo", violations.get(0).field());

        violations.clear();
        List<String> many = java.util.Collections.nCopies(UrlMap.MAX_RULES + 1, "http://a.example/");
        map(many, many, violations);
        assertEquals(1, violations.size());
    }
}
