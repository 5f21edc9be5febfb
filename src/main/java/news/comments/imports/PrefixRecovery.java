package news.comments.imports;

import javax.xml.stream.XMLStreamException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one fault of real exports that the importer repairs: a namespace prefix used without being declared, as old
 * WordPress.com exports write {@code <atom:link rel="search" …/>} in the channel without {@code xmlns:atom}.
 * WordPress's own importer reads such files (libxml reports an undeclared prefix as a namespace error, not a fatal
 * one), so a newsroom expects them to import. The repair declares each such prefix in the root element's start tag
 * (no line moves; only the columns after the root's name on its line), in a namespace of its own
 * ({@code urn:x-undeclared-prefix:atom}) that no reader looks for. Nothing else is repaired: a file that is not well-formed XML, or declares entities, is still
 * refused.
 */
record PrefixRecovery(List<String> prefixes, ImportSink.Position firstAt) {

    static final PrefixRecovery NONE = new PrefixRecovery(List.of(), null);
    /** A file with more undeclared prefixes than this is not a WordPress.com export with its known fault. */
    static final int MAX_PREFIXES = 8;
    static final String NAMESPACE = "urn:x-undeclared-prefix:";
    /** How far into the file the root element may start (comments of WordPress's header come before it). */
    private static final int HEAD = 1 << 20;
    /**
     * The JDK's parser and Woodstox say it in these words; without its message bundle, the JDK's parser gives the
     * message's key and arguments ({@code …#ElementPrefixUnbound?atom&atom:link}, for an attribute the prefix last).
     */
    private static final Pattern UNBOUND = Pattern.compile(
            "[Pp]refix \"([^\"\\s]+)\" for (?:element|attribute) [^\\n]*?is not bound"
                    + "|[Uu]ndeclared namespace prefix \"([^\"\\s]+)\""
                    + "|#ElementPrefixUnbound\\?([^&\\s]+)&"
                    + "|#AttributePrefixUnbound\\?[^&\\s]*&[^&\\s]*&([^&\\s]+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");

    boolean isEmpty() {
        return prefixes.isEmpty();
    }

    /** The prefix a parser's error says is undeclared, or null for any other error. */
    static String unboundPrefix(XMLStreamException e) {
        if (e.getMessage() == null) {
            return null;
        }
        Matcher matcher = UNBOUND.matcher(e.getMessage());
        if (!matcher.find()) {
            return null;
        }
        String prefix = null;
        for (int group = 1; group <= matcher.groupCount() && prefix == null; group++) {
            prefix = matcher.group(group);
        }
        return NAME.matcher(prefix).matches() && !prefix.toLowerCase(java.util.Locale.ROOT).startsWith("xml")
                ? prefix : null;
    }

    /** This recovery and one more prefix, first met at {@code at} if it is the first. */
    PrefixRecovery and(String prefix, ImportSink.Position at) {
        List<String> more = new ArrayList<>(prefixes);
        more.add(prefix);
        return new PrefixRecovery(Collections.unmodifiableList(more), firstAt == null ? at : firstAt);
    }

    /** What the job's result says of it. */
    String describe() {
        return "undeclared namespace prefix" + (prefixes.size() > 1 ? "es " : " ") + String.join(", ", prefixes)
                + " (first at line " + firstAt.line() + ", column " + firstAt.column() + "): declared on the root "
                + "element and read as WordPress's importer reads such a file";
    }

    /**
     * The file's bytes with the prefixes declared on its root element, right after the element's name; the file as
     * it is when nothing is to be declared or the root element cannot be found near the start (then the parser
     * reports the undeclared prefix again, and the file is refused).
     */
    InputStream declaredIn(InputStream in) throws IOException {
        if (prefixes.isEmpty()) {
            return in;
        }
        byte[] head = in.readNBytes(HEAD);
        int at = rootNameEnd(head);
        if (at < 0) {
            return new SequenceInputStream(new ByteArrayInputStream(head), in);
        }
        StringBuilder declarations = new StringBuilder();
        for (String prefix : prefixes) {
            declarations.append(" xmlns:").append(prefix).append("=\"").append(NAMESPACE).append(prefix).append('"');
        }
        List<InputStream> parts = List.of(new ByteArrayInputStream(head, 0, at),
                new ByteArrayInputStream(declarations.toString().getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayInputStream(head, at, head.length - at), in);
        return new SequenceInputStream(Collections.enumeration(parts));
    }

    /** Where the root element's name ends in the head of the file: after the declaration, comments and space. */
    static int rootNameEnd(byte[] head) {
        int i = 0;
        while (i < head.length) {
            if (head[i] != '<') {
                i++;
                continue;
            }
            if (i + 1 < head.length && (head[i + 1] == '?' || head[i + 1] == '!')) {
                String closing = head[i + 1] == '?' ? "?>" : startsWith(head, i, "<!--") ? "-->" : ">";
                int end = indexOf(head, closing, i + 2);
                if (end < 0) {
                    return -1;
                }
                i = end + closing.length();
                continue;
            }
            int j = i + 1;
            while (j < head.length && !Character.isWhitespace(head[j]) && head[j] != '>' && head[j] != '/') {
                j++;
            }
            return j > i + 1 && j < head.length ? j : -1;
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int from, String text) {
        return indexOf(bytes, text, from) == from;
    }

    private static int indexOf(byte[] bytes, String text, int from) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = from; i <= bytes.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (bytes[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
