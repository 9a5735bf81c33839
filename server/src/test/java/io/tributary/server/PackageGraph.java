package io.tributary.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages under a root package use which, read from the sources: their imports and the
 * fully qualified names in their code (comments and strings left out, so a javadoc link is no
 * dependency). Each edge remembers a file that makes it, so a cycle can be named with the files
 * to look at.
 */
final class PackageGraph {

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** Comments, text blocks, strings and characters, in one scan so that each hides the others' delimiters. */
    private static final Pattern NOT_CODE = Pattern.compile(
            "/\\*(?s:.*?)\\*/|//[^\\n]*|\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\])'");
    private static final Pattern WILDCARD_IMPORT = Pattern.compile("^import ([\\w.]+)\\.\\*;", Pattern.MULTILINE);

    private final String root;
    private final Map<String, Map<String, String>> edges = new TreeMap<>();

    private PackageGraph(String root) {
        this.root = root;
    }

    /** The graph of the {@code .java} files under {@code sources}. */
    static PackageGraph read(Path sources, String root) {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(sources)) {
            for (Path path : paths.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                files.put(sources.relativize(path).toString(), Files.readString(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(files, root);
    }

    /** The graph of sources given by file name. */
    static PackageGraph of(Map<String, String> files, String root) {
        PackageGraph graph = new PackageGraph(root);
        // A reference: the root, then lower-case segments (the package), up to the first type name.
        Pattern reference = Pattern.compile("(?<![\\w.])" + Pattern.quote(root) + "((?:\\.[a-z_][\\w]*)*)\\.[A-Z]");
        files.forEach((file, text) -> {
            Matcher declared = PACKAGE.matcher(text);
            if (!declared.find() || !graph.inside(declared.group(1))) {
                return;
            }
            String from = declared.group(1);
            graph.edges.computeIfAbsent(from, key -> new TreeMap<>());
            String code = NOT_CODE.matcher(text).replaceAll(" ");
            Matcher used = reference.matcher(code);
            while (used.find()) {
                graph.add(from, root + used.group(1), file);
            }
            Matcher wildcard = WILDCARD_IMPORT.matcher(code);
            while (wildcard.find()) {
                if (graph.inside(wildcard.group(1))) {
                    graph.add(from, wildcard.group(1), file);
                }
            }
        });
        return graph;
    }

    private void add(String from, String to, String file) {
        if (!to.equals(from)) {
            edges.get(from).putIfAbsent(to, file);
            edges.computeIfAbsent(to, key -> new TreeMap<>());
        }
    }

    private boolean inside(String packageName) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    /** The packages each package uses. */
    Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        edges.forEach((from, to) -> dependencies.put(from, new TreeSet<>(to.keySet())));
        return dependencies;
    }

    /**
     * Every cycle, one per strongly connected component of more than one package (Tarjan), each
     * written as {@code a -> b (File.java) -> a (Other.java)}: one closed path through the component.
     */
    List<String> cycles() {
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : new Tarjan().components()) {
            if (component.size() > 1) {
                cycles.add(describe(pathThrough(component)));
            }
        }
        return cycles;
    }

    /** The shortest closed path from the component's first package back to it, inside the component. */
    private List<String> pathThrough(Set<String> component) {
        String start = component.iterator().next();
        Map<String, String> previous = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            for (String next : edges.get(at).keySet()) {
                if (!component.contains(next)) {
                    continue;
                }
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String step = at; !step.equals(start); step = previous.get(step)) {
                        path.add(1, step);
                    }
                    path.add(start);
                    return path;
                }
                if (!previous.containsKey(next)) {
                    previous.put(next, at);
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalStateException("A strongly connected component always has a cycle: " + component);
    }

    private String describe(List<String> path) {
        StringBuilder text = new StringBuilder(shortName(path.get(0)));
        for (int i = 1; i < path.size(); i++) {
            text.append(" -> ").append(shortName(path.get(i))).append(" (").append(edges.get(path.get(i - 1)).get(path.get(i))).append(")");
        }
        return text.toString();
    }

    private String shortName(String packageName) {
        return packageName.equals(root) ? "(root)" : packageName.substring(root.length() + 1);
    }

    /** Tarjan's strongly connected components, over packages in name order. */
    private final class Tarjan {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> lowLink = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        List<Set<String>> components() {
            for (String node : edges.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            lowLink.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : edges.get(node).keySet()) {
                if (!index.containsKey(next)) {
                    visit(next);
                    lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(next)));
                } else if (onStack.contains(next)) {
                    lowLink.put(node, Math.min(lowLink.get(node), index.get(next)));
                }
            }
            if (lowLink.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                components.add(component);
            }
        }
    }
}
