package news.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The modules one ES module names: {@code import ... from 'x'}, {@code import 'x'}, {@code export ... from 'x'} and
 * {@code import('x')} with a literal path. Comments, strings, template literals and regular expressions are read as
 * such, so an import written in one of them names nothing.
 * <p>
 * Hand-written because no JavaScript parser that runs on this project's Java 17 is served with module syntax: Closure
 * Compiler's current release is built for Java 21, Rhino and Nashorn reject {@code import} declarations or
 * {@code async} functions, and GraalJS is a whole engine whose parser is internal. The pages are our own small
 * modules; {@code ModuleImportsTest} holds the cases this reader must get right.
 */
final class ModuleImports {

    /** After these words a {@code /} starts a regular expression, not a division. */
    private static final Set<String> BEFORE_REGEX = Set.of("return", "typeof", "instanceof", "in", "of", "new",
            "delete", "void", "throw", "case", "do", "else", "yield", "await");

    private enum Kind { WORD, STRING, PUNCT }

    private record Token(Kind kind, String text) {
        boolean is(String punctOrWord) {
            return kind != Kind.STRING && text.equals(punctOrWord);
        }
    }

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    private ModuleImports(String source) {
        this.source = source;
    }

    /** The module specifiers {@code source} imports or re-exports, in the order written. */
    static List<String> of(String source) {
        ModuleImports reader = new ModuleImports(source);
        reader.code(false);
        return reader.specifiers();
    }

    /* ---------- Tokens: what the code says, without its comments ---------- */

    /** Reads code up to the end, or with {@code inTemplate} up to the {@code }} that closes a {@code ${}. */
    private void code(boolean inTemplate) {
        int depth = 0;
        while (at < source.length()) {
            char c = source.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (source.startsWith("//", at)) {
                at = lineEnd(at);
            } else if (source.startsWith("/*", at)) {
                int end = source.indexOf("*/", at + 2);
                at = end < 0 ? source.length() : end + 2;
            } else if (c == '\'' || c == '"') {
                tokens.add(new Token(Kind.STRING, quoted(c)));
            } else if (c == '`') {
                template();
            } else if (c == '/' && regexMayStart()) {
                skipRegex();
            } else if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
                // a name, a keyword or a number: after any of them but a few keywords, a / divides
                int start = at;
                while (at < source.length() && Character.isJavaIdentifierPart(source.charAt(at))) {
                    at++;
                }
                tokens.add(new Token(Kind.WORD, source.substring(start, at)));
            } else {
                at++;
                if (c == '{') {
                    depth++;
                } else if (c == '}' && inTemplate && depth-- == 0) {
                    return;
                }
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c)));
            }
        }
    }

    private int lineEnd(int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }

    /** A string in {@code quote}s, its escapes kept as written (a module path has none). */
    private String quoted(char quote) {
        int start = ++at;
        while (at < source.length() && source.charAt(at) != quote && source.charAt(at) != '\n') {
            at += source.charAt(at) == '\\' ? 2 : 1;
        }
        String text = source.substring(start, Math.min(at, source.length()));
        at++;
        return text;
    }

    /** A template literal: a string when it has no {@code ${}}, else its substitutions read as code. */
    private void template() {
        int start = ++at;
        boolean literal = true;
        while (at < source.length() && source.charAt(at) != '`') {
            if (source.charAt(at) == '\\') {
                at += 2;
            } else if (source.startsWith("${", at)) {
                literal = false;
                at += 2;
                tokens.add(new Token(Kind.PUNCT, "${"));
                code(true);
            } else {
                at++;
            }
        }
        tokens.add(literal ? new Token(Kind.STRING, source.substring(start, Math.min(at, source.length())))
                : new Token(Kind.PUNCT, "`"));
        at++;
    }

    /** Whether a {@code /} here starts a regular expression: after an operator or a keyword, not after a value. */
    private boolean regexMayStart() {
        if (tokens.isEmpty()) {
            return true;
        }
        Token last = tokens.get(tokens.size() - 1);
        return switch (last.kind()) {
            case STRING -> false;
            case WORD -> BEFORE_REGEX.contains(last.text());
            case PUNCT -> !last.is(")") && !last.is("]") && !last.is("}");
        };
    }

    private void skipRegex() {
        boolean inClass = false;
        at++;
        while (at < source.length() && source.charAt(at) != '\n') {
            char c = source.charAt(at);
            if (c == '\\') {
                at++;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                break;
            }
            at++;
        }
        at++;
        while (at < source.length() && Character.isLetter(source.charAt(at))) {
            at++; // flags
        }
        tokens.add(new Token(Kind.PUNCT, "regex"));
    }

    /* ---------- Imports: what the tokens name ---------- */

    private List<String> specifiers() {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean member = i > 0 && token(i - 1).is(".");
            if (member || token.kind() != Kind.WORD) {
                continue;
            }
            String specifier = null;
            if (token.is("import")) {
                specifier = dynamicImport(i + 1);
                if (specifier == null) {
                    specifier = token(i + 1).kind() == Kind.STRING ? token(i + 1).text() : fromClause(i + 1);
                }
            } else if (token.is("export") && (token(i + 1).is("*") || token(i + 1).is("{"))) {
                specifier = fromClause(i + 1);
            }
            if (specifier != null) {
                found.add(specifier);
            }
        }
        return found;
    }

    /** {@code ( 'x' )} or {@code ( 'x' , options )} from {@code i}: a dynamic import of a literal path. */
    private String dynamicImport(int i) {
        boolean literal = token(i).is("(") && token(i + 1).kind() == Kind.STRING
                && (token(i + 2).is(")") || token(i + 2).is(","));
        return literal ? token(i + 1).text() : null;
    }

    /**
     * The path after {@code from}, when the tokens from {@code i} are what an import or export clause may hold: names,
     * {@code *}, {@code as}, commas and one pair of braces.
     */
    private String fromClause(int i) {
        for (int j = i; j < tokens.size(); j++) {
            Token token = tokens.get(j);
            if (token.is("from") && token(j + 1).kind() == Kind.STRING) {
                return token(j + 1).text();
            }
            boolean clause = token.kind() == Kind.WORD || token.is("*") || token.is(",") || token.is("{")
                    || token.is("}");
            if (!clause) {
                return null;
            }
        }
        return null;
    }

    /** The token at {@code i}, or an empty one past the end. */
    private Token token(int i) {
        return i < tokens.size() ? tokens.get(i) : new Token(Kind.PUNCT, "");
    }
}
