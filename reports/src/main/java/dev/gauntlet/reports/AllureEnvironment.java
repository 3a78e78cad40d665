package dev.gauntlet.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.api.RunFolder;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.reports.store.StoredRun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Allure's run-level files: {@code environment.properties} (versions, suite sources, agents, seeds) and
 * {@code executor.json} (run id as build name, numbered among earlier runs of the same suites and agents, so the
 * report's trend charts line up). Also finds that earlier run, whose report history the next report carries on.
 */
final class AllureEnvironment {

    private AllureEnvironment() {}

    static void write(RunInfo run, Path results, List<JudgeAgreement.Row> judges) throws IOException {
        Map<String, String> env = new TreeMap<>();
        JsonNode manifest = readManifest(run.dir());
        env.put("gauntlet", RuntimeFacts.gauntletVersion() + " " + manifest.path("gauntlet").path("git").path("commit").asText(""));
        env.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        env.put("playwright", manifest.path("runtime").path("playwright").asText(RuntimeFacts.playwrightVersion()));
        env.put("chromium", manifest.path("runtime").path("chromium").asText(""));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        run.suites().forEach((suite, source) -> env.put("suite." + suite, source));
        env.put("agents", String.join("; ", run.agents().stream().map(RunManifest::redactAgent).toList()));
        env.put("seeds", run.seeds().toString());
        env.put("workers", Integer.toString(run.workers()));
        // each judge's agreement with the oracle, shown on the report's overview
        for (JudgeAgreement.Row j : judges) {
            env.put("judge." + j.judge() + "." + j.suite(), JudgeAgreementReport.line(j).replaceFirst("^\\[gauntlet\\] judge \\S+ on \\S+: ", ""));
        }
        StringBuilder props = new StringBuilder();
        env.forEach((k, v) -> props.append(escape(k)).append(" = ").append(escape(v)).append('\n'));
        Files.writeString(results.resolve("environment.properties"), props, StandardCharsets.UTF_8);

        ObjectNode executor = Json.MAPPER.createObjectNode();
        executor.put("name", "Gauntlet");
        executor.put("type", "gauntlet");
        executor.put("buildName", run.id());
        executor.put("buildOrder", sameKind(run.dir()).size() + 1);
        executor.put("reportName", "Gauntlet " + String.join("+", new TreeMap<>(run.suites()).keySet()) + " — "
                + String.join(", ", run.agents()));
        Json.write(results.resolve("executor.json"), executor);
    }

    /** Returns the latest earlier run of the same suites and agents whose report has a history folder. */
    static Path previousHistory(Path runDir) {
        List<Path> earlier = sameKind(runDir);
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Path history = new RunFolder(earlier.get(i)).reportHistory();
            if (Files.isDirectory(history)) {
                return history;
            }
        }
        return null;
    }

    /** Returns earlier run folders (by id) beside {@code runDir} with the same suites and agents, oldest first. */
    static List<Path> sameKind(Path runDir) {
        List<Path> out = new ArrayList<>();
        String key = kind(readManifest(runDir));
        String id = runDir.getFileName().toString();
        try {
            for (Path p : StoredRun.list(runDir.toAbsolutePath().getParent())) {
                if (p.getFileName().toString().compareTo(id) < 0 && kind(readManifest(p)).equals(key)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static String kind(JsonNode manifest) {
        List<String> suites = new ArrayList<>();
        for (Iterator<String> it = manifest.path("suites").fieldNames(); it.hasNext(); ) {
            suites.add(it.next());
        }
        suites.sort(null);
        return suites + "|" + manifest.path("agents");
    }

    private static JsonNode readManifest(Path dir) {
        try {
            return Json.MAPPER.readTree(new RunFolder(dir).manifest().toFile());
        } catch (IOException | RuntimeException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=").replace(":", "\\:");
    }
}
