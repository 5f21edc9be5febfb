package news.comments.filter;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the learned filter learns from and scores on: the distinct tokens of a comment. Words of the body and of the
 * author's name come from Lucene: Unicode word breaking (UAX #29) in any script, full-width forms folded to ASCII,
 * lower case, accents folded ({@code Cásino} → {@code casino}), other scripts' digits made ASCII, and Chinese,
 * Japanese and Korean text cut into overlapping pairs of characters (their words are not separated by spaces); the
 * body also gives each two neighbouring words as one token ({@code "cheap pills"}). Other
 * features are prefixed: {@code link:} the domains linked in the body, {@code site:} the website field's domain,
 * {@code from:} the email's domain (never the address), {@code name:} the name's words, {@code shape:} the number of
 * links, the share of capitals and the length, each in bands.
 *
 * <p>No email address or IP address becomes a token: addresses in the body are cut to their domain
 * ({@code mail:example.org}), IP addresses (v4 and v6) become {@code shape:ip}, and a token holding {@code @} is
 * dropped. A comment yields at most {@link #MAX} tokens.
 */
final class SpamTokens {

    /** Most tokens taken from one comment: a 5000-character body has far fewer distinct words. */
    static final int MAX = 600;
    /** Longer runs are noise (base64, hashes); they count as one shape. */
    static final int WORD_MAX = 40;

    private static final Pattern IPV4 = Pattern.compile("(?<![\\w.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\w.])");
    private static final Pattern IPV6 = Pattern.compile(
            "(?i)(?<![\\w:])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|(?<=:):)(?![\\w:])");
    private static final Pattern EMAIL = Pattern.compile(
            "[^\\s@<>()\\[\\],;:\"']+@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final LinkExtractor LINKS = LinkExtractor.builder()
            .linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW)).build();

    /** Thread-safe: Lucene keeps one token stream per thread. */
    private static final Analyzer WORDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new UAX29URLEmailTokenizer();
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new DecimalDigitFilter(stream);
            stream = new CJKBigramFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    private SpamTokens() {
    }

    /** The tokens of a comment, in the order first found, without repeats. Any argument may be null. */
    static List<String> of(String name, String email, String website, String body) {
        Set<String> tokens = new LinkedHashSet<>();
        String text = body == null ? "" : body;
        int links = 0;
        for (var link : LINKS.extractLinks(text)) {
            links++;
            domain(text.substring(link.getBeginIndex(), link.getEndIndex())).ifPresent(d -> addDomain(tokens, "link:", d));
        }
        text = withoutAddresses(text, tokens);
        words(text, "", true, tokens);
        if (name != null) {
            words(withoutAddresses(name, tokens), "name:", false, tokens);
        }
        if (email != null) {
            int at = email.lastIndexOf('@');
            if (at >= 0 && at < email.length() - 1) {
                tokens.add("from:" + email.substring(at + 1).toLowerCase(Locale.ROOT));
            }
        }
        if (website != null && !website.isBlank()) {
            domain(website).ifPresent(d -> addDomain(tokens, "site:", d));
        }
        shapes(body == null ? "" : body, links, tokens);
        return tokens.stream().filter(SpamTokens::safe).limit(MAX).toList();
    }

    /** Email addresses become their domain, IP addresses a shape; both are blanked out of the text. */
    private static String withoutAddresses(String text, Set<String> tokens) {
        Matcher emails = EMAIL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (emails.find()) {
            tokens.add("mail:" + emails.group(1).toLowerCase(Locale.ROOT));
            emails.appendReplacement(out, " ");
        }
        emails.appendTail(out);
        String rest = out.toString();
        for (Pattern ip : List.of(IPV4, IPV6)) {
            Matcher found = ip.matcher(rest);
            if (found.find()) {
                tokens.add("shape:ip");
                rest = found.replaceAll(" ");
            }
        }
        return rest;
    }

    /**
     * The words of a text, and with {@code pairs} also each two neighbouring words ({@code "cheap pills"}): pairs
     * tell apart what single words share ("free" in "free speech" and "free shipping"), and caught 2.7 points more
     * spam at fewer false alarms on bench/filter-quality.sh's corpus, in each of its four folds. Only letters and
     * numbers pair (Chinese and Japanese are already cut into pairs of characters); a link or an address between two
     * words, or a shape, breaks the pair.
     */
    private static void words(String text, String prefix, boolean pairs, Set<String> tokens) {
        try (TokenStream stream = WORDS.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            String previous = null;
            while (stream.incrementToken() && tokens.size() < MAX * 2) {
                String word = term.toString();
                String pairable = null;
                switch (type.type()) {
                    case "<URL>" -> domain(word).ifPresent(d -> addDomain(tokens, "link:", d));
                    case "<EMAIL>" -> tokens.add("mail:" + word.substring(word.lastIndexOf('@') + 1));
                    default -> {
                        String plain = plain(word);
                        tokens.add(prefix + plain);
                        if (pairs && !plain.startsWith("shape:")
                                && (type.type().equals("<ALPHANUM>") || type.type().equals("<NUM>"))) {
                            pairable = plain;
                        }
                    }
                }
                if (previous != null && pairable != null) {
                    tokens.add(previous + " " + pairable);
                }
                previous = pairable;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
    }

    /** Long runs and long numbers are shapes: a word of 41 letters or a phone number is rarely seen twice. */
    private static String plain(String word) {
        if (word.length() > WORD_MAX) {
            return "shape:long-word";
        }
        if (DIGITS.matcher(word).matches() && word.length() > 4) {
            return "shape:number";
        }
        return word;
    }

    /** The host of a link or website, lower-cased, without {@code www.}; empty when it has none or is an IP. */
    static java.util.Optional<String> domain(String link) {
        String candidate = link.strip();
        if (!candidate.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
            candidate = "http://" + candidate;
        }
        try {
            String host = URI.create(candidate.replace(" ", "%20")).getHost();
            if (host == null) {
                return java.util.Optional.empty();
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            if (IPV4.matcher(host).matches() || host.startsWith("[")) {
                return java.util.Optional.of("ip");
            }
            return host.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(host);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The host, and its last two labels when it has more ({@code shop.pills.example} → {@code pills.example}). */
    private static void addDomain(Set<String> tokens, String prefix, String host) {
        tokens.add(prefix + host);
        String[] labels = host.split("\\.");
        if (labels.length > 2) {
            tokens.add(prefix + labels[labels.length - 2] + "." + labels[labels.length - 1]);
        }
    }

    private static void shapes(String body, int links, Set<String> tokens) {
        tokens.add("shape:links:" + (links <= 2 ? String.valueOf(links) : links <= 5 ? "3-5" : "6+"));
        int letters = 0;
        int capitals = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    capitals++;
                }
            }
        }
        if (letters >= 20) {
            int percent = capitals * 100 / letters;
            tokens.add("shape:capitals:" + (percent < 10 ? "0-9%" : percent < 30 ? "10-29%"
                    : percent < 60 ? "30-59%" : "60%+"));
        }
        int length = body.codePointCount(0, body.length());
        tokens.add("shape:length:" + (length < 40 ? "0-39" : length < 200 ? "40-199" : length < 1000 ? "200-999"
                : length < 3000 ? "1000-2999" : "3000+"));
    }

    /** The last guard: nothing that could be an address, and nothing longer than the column. */
    private static boolean safe(String token) {
        return !token.contains("@") && token.length() <= 200 && !IPV4.matcher(token).find();
    }
}
