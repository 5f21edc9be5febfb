package news.comments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The ES modules of a folder of pages and the local modules each imports ({@link ModuleImports}), named by their path
 * under the folder ({@code moderation/queue.js}) as the browser resolves them: {@code ./} and {@code ../} against the
 * importing file, {@code /} against the folder, which is the site's root. Anything else (another host, a bare name) is
 * not a module of ours and is left out.
 * <p>
 * {@code PageModulesTest} holds the pages to it, and {@code PageModulesRulesTest} shows it failing on a fixture.
 */
final class PageModules {

    private final Map<String, Set<String>> imports = new TreeMap<>();
    private final List<String> missing = new ArrayList<>();

    private PageModules() {
    }

    /** Reads every {@code .js} and {@code .mjs} file under {@code root}. */
    static PageModules read(Path root) {
        PageModules modules = new PageModules();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(PageModules::isModule).sorted().toList()) {
                modules.add(root, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    private static boolean isModule(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".js") || name.endsWith(".mjs"));
    }

    private void add(Path root, Path file) throws IOException {
        String name = name(root, file);
        Set<String> named = imports.computeIfAbsent(name, key -> new TreeSet<>());
        for (String specifier : ModuleImports.of(Files.readString(file, StandardCharsets.UTF_8))) {
            Path target = resolve(root, file, specifier);
            if (target == null) {
                continue;
            }
            if (!target.startsWith(root) || !Files.isRegularFile(target)) {
                missing.add(name + " imports " + specifier + ", which is not there");
            } else {
                named.add(name(root, target));
            }
        }
    }

    /** The file a specifier names, or null when it is not a local module. */
    private static Path resolve(Path root, Path file, String specifier) {
        String path = specifier.replaceFirst("[?#].*$", "");
        if (path.startsWith("./") || path.startsWith("../")) {
            return file.getParent().resolve(path).normalize();
        }
        if (path.startsWith("/") && !path.startsWith("//")) {
            return root.resolve(path.substring(1)).normalize();
        }
        return null;
    }

    private static String name(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Every module read, with the local modules it imports. */
    Map<String, Set<String>> imports() {
        return imports;
    }

    /** What {@code module} imports; nothing for a file that is no module of ours (JSON, say). */
    private Set<String> importsOf(String module) {
        return imports.getOrDefault(module, Set.of());
    }

    /** Imports of local modules that are not there (or lie outside the folder). */
    List<String> missing() {
        return missing;
    }

    /**
     * One circle for every knot of modules that import each other, the shortest through the knot's first module by
     * name: {@code a.js → b.js → a.js}. Breaking it shows the next one, if the knot holds more.
     */
    List<String> circles() {
        List<String> circles = new ArrayList<>();
        for (Set<String> knot : knots()) {
            String first = knot.iterator().next();
            if (knot.size() > 1 || importsOf(first).contains(first)) {
                circles.add(String.join(" → ", shortestCircle(first, knot)));
            }
        }
        return circles;
    }

    /** Strongly connected components (Tarjan), each sorted by name. */
    private List<Set<String>> knots() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> knots = new ArrayList<>();
        for (String module : imports.keySet()) {
            if (!index.containsKey(module)) {
                connect(module, index, low, stack, knots);
            }
        }
        return knots;
    }

    private void connect(String module, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            List<Set<String>> knots) {
        index.put(module, index.size());
        low.put(module, index.get(module));
        stack.push(module);
        for (String next : importsOf(module)) {
            if (!index.containsKey(next)) {
                connect(next, index, low, stack, knots);
                low.put(module, Math.min(low.get(module), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(module, Math.min(low.get(module), index.get(next)));
            }
        }
        if (low.get(module).equals(index.get(module))) {
            Set<String> knot = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                knot.add(member);
            } while (!member.equals(module));
            knots.add(knot);
        }
    }

    /** The shortest way from {@code start} back to itself inside {@code knot} (breadth first). */
    private List<String> shortestCircle(String start, Set<String> knot) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String module = queue.poll();
            for (String next : importsOf(module)) {
                if (next.equals(start)) {
                    List<String> circle = new ArrayList<>();
                    for (String back = module; back != null; back = cameFrom.get(back)) {
                        circle.add(0, back);
                    }
                    circle.add(start);
                    return circle;
                }
                if (knot.contains(next) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, module);
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("no circle through " + start);
    }
}
