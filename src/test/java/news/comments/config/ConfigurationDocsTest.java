package news.comments.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps {@code docs/configuration.md} true to the service's {@code @ConfigMapping} interfaces, one beside each feature:
 * they are found by scanning the service's classes (not listed by hand, so a new feature's mapping cannot be left
 * out), their keys, defaults and environment variables are read by reflection, as SmallRye Config names them, and
 * compared with the doc's table whose header is exactly {@code | Key | Default | Environment variable | Meaning |}.
 * Other tables of the page (the Quarkus keys the service sets) are not checked, but must not hold a
 * {@code comments.*} key.
 */
class ConfigurationDocsTest {

    private static final Path DOC = Path.of(System.getProperty("basedir", "."), "docs", "configuration.md");
    private static final List<String> CHECKED_HEADER = List.of("Key", "Default", "Environment variable", "Meaning");
    /** How the doc writes "no default"; both spellings are accepted. */
    private static final List<String> NO_DEFAULT = List.of("none", "—");
    private static final Pattern ONE_KEY = Pattern.compile("`([^`\\s]+)`");

    /** A key of a mapping; {@code defaultValue} is null when the mapping declares none. */
    record MappedKey(String key, String defaultValue, String mapping) {
    }

    /** A row of the checked table; {@code defaultValue} is null for "none" or "—". */
    record DocRow(String key, String defaultValue, String envVar, String meaning, int line) {
    }

    /** The checked rows of a page, and what is wrong with its tables whatever the mapping says. */
    record Doc(Map<String, DocRow> rows, List<String> problems) {
    }

    /** The service's mappings: every {@code @ConfigMapping} among its classes (the folder that holds this one's). */
    private static final List<Class<?>> SERVICE_MAPPINGS = mappingsIn(classesOf(ClockProducer.class), "news.comments");

    static List<Class<?>> serviceMappings() {
        return SERVICE_MAPPINGS;
    }

    @Test
    void shouldDocumentEveryKeyOfTheMappings() throws IOException {
        Map<String, MappedKey> mapped = keysOf(SERVICE_MAPPINGS);
        Doc doc = readDoc(DOC);
        List<String> problems = new ArrayList<>();
        for (MappedKey key : mapped.values()) {
            if (!doc.rows().containsKey(key.key())) {
                problems.add(key.key() + ": in " + key.mapping() + " (default " + shown(key.defaultValue())
                        + ") but missing from the table");
            }
        }
        assertNoProblems(problems);
    }

    /** The checked table holds {@code comments.*} keys only, so a mapping under another prefix would go unchecked. */
    @Test
    void shouldKeepEveryMappingUnderComments() {
        List<String> problems = new ArrayList<>();
        for (Class<?> mapping : SERVICE_MAPPINGS) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            if (!prefix.equals("comments") && !prefix.startsWith("comments.")) {
                problems.add(mapping.getName() + ": prefix " + prefix + " is not comments or under it");
            }
        }
        assertNoProblems(problems);
    }

    /**
     * A default lives in the mapping only: {@code application.properties} sets a {@code comments.*} key only for a
     * profile ({@code %test.}, {@code %dev.}), or the shipped service would run on a value the docs do not show.
     */
    @Test
    void shouldWriteEachDefaultOnlyInTheMapping() throws IOException {
        Path properties = Path.of(System.getProperty("basedir", "."), "src", "main", "resources",
                "application.properties");
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(properties);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("comments.")) {
                problems.add("application.properties line " + (i + 1) + " sets " + line.split("=", 2)[0]
                        + " for every profile; its default belongs in its feature's @ConfigMapping");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void shouldDocumentNoKeyTheMappingsLack() throws IOException {
        Map<String, MappedKey> mapped = keysOf(SERVICE_MAPPINGS);
        Doc doc = readDoc(DOC);
        List<String> problems = new ArrayList<>(doc.problems());
        for (DocRow row : doc.rows().values()) {
            if (!mapped.containsKey(row.key())) {
                problems.add(row.key() + " (line " + row.line() + "): documented (default "
                        + shown(row.defaultValue()) + ") but no mapping has such a key");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void shouldDocumentEveryDefaultAsTheMappingDeclaresIt() throws IOException {
        Map<String, MappedKey> mapped = keysOf(SERVICE_MAPPINGS);
        Doc doc = readDoc(DOC);
        List<String> problems = new ArrayList<>();
        for (DocRow row : doc.rows().values()) {
            MappedKey key = mapped.get(row.key());
            if (key != null && !Objects.equals(key.defaultValue(), row.defaultValue())) {
                problems.add(row.key() + " (line " + row.line() + "): default " + shown(key.defaultValue())
                        + " in " + key.mapping() + ", " + shown(row.defaultValue()) + " in the doc");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void shouldNameTheEnvironmentVariableAndMeaningOfEveryKey() throws IOException {
        Doc doc = readDoc(DOC);
        List<String> problems = new ArrayList<>();
        for (DocRow row : doc.rows().values()) {
            String expected = envVarOf(row.key());
            if (!expected.equals(row.envVar())) {
                problems.add(row.key() + " (line " + row.line() + "): environment variable `" + expected
                        + "`, the doc says `" + row.envVar() + "`");
            }
            if (row.meaning().isBlank()) {
                problems.add(row.key() + " (line " + row.line() + "): no meaning given");
            }
        }
        assertNoProblems(problems);
    }

    // The readers checked on small inputs, so that a pass above means something.

    @ConfigMapping(prefix = "sample")
    interface Sample {
        @WithDefault("7")
        int maxLength();

        @WithName("size-limit")
        @WithDefault("1M")
        String limit();

        Optional<List<String>> blockIps();

        Nested nested();

        @WithParentName
        Flat flat();

        Optional<Nested> maybe();

        default int derived() {
            return maxLength() * 2;
        }

        interface Nested {
            @WithDefault("5S")
            Duration expireAfterWrite();
        }

        interface Flat {
            boolean enabled();
        }
    }

    /** A second mapping under the same prefix: it may add keys, but not declare one of {@link Sample}'s again. */
    @ConfigMapping(prefix = "sample")
    interface Twin {
        @WithDefault("8")
        int maxLength();

        @WithDefault("2")
        int minLength();
    }

    @Test
    void shouldReadAMappingAsSmallRyeNamesItsKeys() {
        Map<String, MappedKey> keys = keysOf(Sample.class);
        String sample = "config/ConfigurationDocsTest.Sample";
        assertEquals(List.of(
                new MappedKey("sample.block-ips", null, sample),
                new MappedKey("sample.enabled", null, sample),
                new MappedKey("sample.max-length", "7", sample),
                new MappedKey("sample.maybe.expire-after-write", "5S", sample),
                new MappedKey("sample.nested.expire-after-write", "5S", sample),
                new MappedKey("sample.size-limit", "1M", sample)), List.copyOf(keys.values()));
        assertEquals("SAMPLE_NESTED_EXPIRE_AFTER_WRITE", envVarOf("sample.nested.expire-after-write"));
    }

    @Test
    void shouldFindEveryMappingByScanningNestedOnesToo() {
        assertEquals(List.of(Sample.class, Twin.class),
                mappingsIn(classesOf(ConfigurationDocsTest.class), getClass().getPackageName()));
    }

    @Test
    void shouldRefuseAKeyThatTwoMappingsDeclare() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> keysOf(List.of(Sample.class, Twin.class)));
        assertEquals("sample.max-length: declared by both config/ConfigurationDocsTest.Sample and "
                + "config/ConfigurationDocsTest.Twin; one feature owns each key", refused.getMessage());
    }

    @Test
    void shouldReadOnlyTheCheckedTable() throws IOException {
        Path page = Files.createTempFile("configuration", ".md");
        try {
            Files.writeString(page, String.join("\n",
                    "# Sample",
                    "",
                    "| Key | Default | Environment variable | Meaning |",
                    "|---|---|---|---|",
                    "| `comments.a.max-length` | `5000` | `COMMENTS_A_MAX_LENGTH` | Longest \\| widest |",
                    "| `comments.b.secret` | none | `COMMENTS_B_SECRET` | A secret |",
                    "| `comments.c.list` | — | `COMMENTS_C_LIST` |  |",
                    "",
                    "| Quarkus key | Value | Environment variable | Why |",
                    "|---|---|---|---|",
                    "| `quarkus.http.cors.origins` | `${comments.cors.origins:}` | `QUARKUS_HTTP_CORS_ORIGINS` | x |",
                    "| `comments.d.stray` | `1` | `COMMENTS_D_STRAY` | in the wrong table |",
                    ""), StandardCharsets.UTF_8);
            Doc doc = readDoc(page);
            assertEquals(List.of(
                    new DocRow("comments.a.max-length", "5000", "COMMENTS_A_MAX_LENGTH", "Longest | widest", 5),
                    new DocRow("comments.b.secret", null, "COMMENTS_B_SECRET", "A secret", 6),
                    new DocRow("comments.c.list", null, "COMMENTS_C_LIST", "", 7)), List.copyOf(doc.rows().values()));
            assertEquals(1, doc.problems().size(), doc.problems()::toString);
            assertTrue(doc.problems().get(0).startsWith("comments.d.stray (line 12)"), doc.problems()::toString);
        } finally {
            Files.delete(page);
        }
    }

    // Reading the mapping

    /**
     * Every interface annotated {@code @ConfigMapping} in a package and those under it, nested ones included, sorted
     * by name: each class file under {@code classes} is loaded (not initialized) and asked, as Quarkus finds them in
     * its index, so that none is missed.
     */
    static List<Class<?>> mappingsIn(Path classes, String basePackage) {
        Path folder = classes.resolve(basePackage.replace('.', '/'));
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(file -> classes.relativize(file).toString())
                    .filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class"))
                    .<Class<?>>map(name -> load(name.substring(0, name.length() - ".class".length()).replace('/', '.')
                            .replace('\\', '.')))
                    .filter(type -> type.isInterface() && type.isAnnotationPresent(ConfigMapping.class))
                    .sorted(Comparator.comparing(Class::getName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder (or archive) a class was loaded from: {@code target/classes} for the service's. */
    static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ConfigurationDocsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every key of several mappings, sorted. SmallRye lets mappings share a prefix (the service's several
     * {@code comments} mappings do), but a key declared twice could carry two defaults, so it is refused.
     */
    static Map<String, MappedKey> keysOf(Collection<Class<?>> mappings) {
        Map<String, MappedKey> keys = new TreeMap<>();
        for (Class<?> mapping : mappings) {
            for (MappedKey key : keysOf(mapping).values()) {
                MappedKey previous = keys.put(key.key(), key);
                if (previous != null) {
                    throw new IllegalStateException(key.key() + ": declared by both " + previous.mapping() + " and "
                            + key.mapping() + "; one feature owns each key");
                }
            }
        }
        return keys;
    }

    /** Every key of a {@code @ConfigMapping} interface, sorted, with its {@code @WithDefault} value or null. */
    static Map<String, MappedKey> keysOf(Class<?> mapping) {
        ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
        if (annotation == null) {
            throw new IllegalArgumentException(mapping.getName() + " has no @ConfigMapping");
        }
        Map<String, MappedKey> keys = new TreeMap<>();
        collect(mapping, annotation.prefix(), annotation.namingStrategy(), nameOf(mapping), keys);
        return keys;
    }

    /** A mapping as the docs name it: its package under the service's, and its name ({@code comment/CommentConfig}). */
    private static String nameOf(Class<?> mapping) {
        String pkg = mapping.getPackageName().replaceFirst("^news\\.comments\\.?", "").replace('.', '/');
        String name = mapping.getName().substring(mapping.getPackageName().length() + 1).replace('$', '.');
        return pkg.isEmpty() ? name : pkg + "/" + name;
    }

    private static void collect(Class<?> group, String prefix, Function<String, String> naming, String mapping,
            Map<String, MappedKey> keys) {
        Method[] methods = group.getMethods();
        Arrays.sort(methods, (a, b) -> a.getName().compareTo(b.getName()));
        for (Method method : methods) {
            if (method.isDefault() || method.isSynthetic() || Modifier.isStatic(method.getModifiers())
                    || method.getParameterCount() > 0) {
                continue;
            }
            String key = method.isAnnotationPresent(WithParentName.class) ? prefix
                    : join(prefix, nameOf(method, naming));
            Type type = method.getGenericReturnType();
            Class<?> raw = method.getReturnType();
            if (raw == Optional.class) {
                type = typeArgument(type, 0);
                raw = rawType(type);
            }
            if (Map.class.isAssignableFrom(raw)) {
                throw new IllegalStateException(key + ": a Map in the mapping; teach ConfigurationDocsTest how to "
                        + "document its keys");
            }
            if (isGroup(raw)) {
                collect(raw, key, naming, mapping, keys);
                continue;
            }
            WithDefault withDefault = method.getAnnotation(WithDefault.class);
            MappedKey previous = keys.put(key, new MappedKey(key, withDefault == null ? null : withDefault.value(),
                    mapping));
            if (previous != null) {
                throw new IllegalStateException(key + ": two methods of the mapping name the same key");
            }
        }
    }

    private static String nameOf(Method method, Function<String, String> naming) {
        WithName withName = method.getAnnotation(WithName.class);
        return withName != null ? withName.value() : naming.apply(method.getName());
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** A config group is an interface of ours; {@code String}, {@code Duration}, {@code MemorySize} … are values. */
    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.") && !type.isAnnotation();
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType parameterized) {
            return parameterized.getActualTypeArguments()[index];
        }
        throw new IllegalStateException("no type argument in " + type);
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        throw new IllegalStateException("cannot read the type " + type);
    }

    /** MicroProfile Config's rule: every character but letters, digits and {@code _} becomes {@code _}, upper-cased. */
    static String envVarOf(String key) {
        return key.replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
    }

    // Reading the page

    static Doc readDoc(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        Map<String, DocRow> rows = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> header = null;
        boolean checked = false;
        boolean seenChecked = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            int number = i + 1;
            if (!line.startsWith("|")) {
                header = null;
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                checked = cells.equals(CHECKED_HEADER);
                seenChecked |= checked;
                continue;
            }
            if (cells.stream().allMatch(cell -> cell.matches(":?-+:?"))) {
                continue;
            }
            String key = keyOf(cells.get(0));
            if (!checked) {
                if (key != null && key.startsWith("comments.")) {
                    problems.add(key + " (line " + number + "): a comments.* key outside the table headed "
                            + CHECKED_HEADER + ", so it is not checked; move it there");
                }
                continue;
            }
            if (cells.size() != CHECKED_HEADER.size()) {
                problems.add("line " + number + ": " + cells.size() + " cells, the table has "
                        + CHECKED_HEADER.size());
                continue;
            }
            if (key == null || !key.startsWith("comments.")) {
                problems.add("line " + number + ": the checked table holds one `comments.*` key a row, not "
                        + cells.get(0));
                continue;
            }
            DocRow row = new DocRow(key, defaultOf(cells.get(1)), unquote(cells.get(2)), cells.get(3), number);
            DocRow previous = rows.putIfAbsent(key, row);
            if (previous != null) {
                problems.add(key + " (line " + number + "): documented twice, first on line " + previous.line());
            }
        }
        if (!seenChecked) {
            problems.add(page + ": no table headed " + CHECKED_HEADER);
        }
        return new Doc(rows, problems);
    }

    /** The cells of a table row; {@code \|} is a pipe inside a cell. */
    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && !row.endsWith("\\|") ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.replace("\\|", "|").trim());
        }
        return cells;
    }

    private static String keyOf(String cell) {
        var matcher = ONE_KEY.matcher(cell);
        return matcher.matches() ? matcher.group(1) : null;
    }

    private static String defaultOf(String cell) {
        return NO_DEFAULT.contains(cell) ? null : unquote(cell);
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`")
                ? cell.substring(1, cell.length() - 1)
                : cell;
    }

    private static String shown(String value) {
        return value == null ? "none" : "`" + value + "`";
    }

    private static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(),
                () -> DOC + " disagrees with the configuration mappings:\n  " + String.join("\n  ", problems));
    }
}
