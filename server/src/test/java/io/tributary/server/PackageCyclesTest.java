package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The server's packages depend one way, in the order its package-info writes down. */
class PackageCyclesTest {

    private static final String ROOT = "io.tributary.server";
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void noPackageOfTheServerDependsOnItselfThroughOthers() {
        PackageGraph graph = PackageGraph.read(SOURCES, ROOT);
        assertThat(graph.dependencies()).containsKeys(ROOT + ".core", ROOT + ".mirror", ROOT + ".db");
        assertThat(graph.cycles()).as("package cycles").isEmpty();
    }

    @Test
    void everyDependencyGoesDownTheOrderThePackageInfoWritesDown() throws IOException {
        Map<String, Integer> order = order(Files.readString(SOURCES.resolve("io/tributary/server/package-info.java")));
        List<String> upward = new ArrayList<>();
        PackageGraph.read(SOURCES, ROOT).dependencies().forEach((from, uses) -> {
            assertThat(order).as("the package-info's list places every package").containsKey(from);
            for (String to : uses) {
                if (order.get(to) < order.get(from)) {
                    upward.add(from + " -> " + to);
                }
            }
        });
        assertThat(upward).as("dependencies on a package listed before").isEmpty();
    }

    @Test
    void aCycleIsFoundAndNamedWithAFileForEachStep() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("x/a/A.java", "package x.a;\nimport x.b.B;\nclass A { }\n");
        files.put("x/b/B.java", "package x.b;\nclass B { x.c.C c; }\n");
        files.put("x/c/C.java", "package x.c;\nimport static x.a.A.run;\nclass C { }\n");
        files.put("x/d/D.java", "package x.d;\nimport x.a.*;\nclass D { }\n");
        PackageGraph graph = PackageGraph.of(files, "x");
        assertThat(graph.cycles()).containsExactly("a -> b (x/a/A.java) -> c (x/b/B.java) -> a (x/c/C.java)");
        assertThat(graph.dependencies().get("x.d")).containsExactly("x.a");
    }

    @Test
    void namesInCommentsAndStringsAreNoDependency() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("x/a/A.java", "package x.a;\nimport x.b.B;\nclass A { }\n");
        files.put("x/b/B.java", "package x.b;\n/** Unlike {@link x.a.A}. */\nclass B {\n    // x.a.A too\n"
                + "    String name = \"x.a.A\";\n    char quote = '\"';\n    String more = \"x.a.A\";\n}\n");
        PackageGraph graph = PackageGraph.of(files, "x");
        assertThat(graph.cycles()).isEmpty();
        assertThat(graph.dependencies().get("x.b")).isEmpty();
    }

    /** Each package's place in the package-info's list: the root by its name, the others by their last segment. */
    private static Map<String, Integer> order(String packageInfo) {
        Map<String, Integer> order = new LinkedHashMap<>();
        Matcher item = Pattern.compile("<li>(.*?)</li>", Pattern.DOTALL).matcher(packageInfo);
        for (int place = 0; item.find(); place++) {
            Matcher name = Pattern.compile("\\{@code ([\\w.]+)}").matcher(item.group(1));
            while (name.find()) {
                order.put(name.group(1).equals(ROOT) ? ROOT : ROOT + "." + name.group(1), place);
            }
        }
        return order;
    }
}
