package dev.gauntlet.reports;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.gauntlet.api.Constants;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.RunListener;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Regenerates {@code leaderboard.md} from every run's {@code results.csv}: one table per suite, one row per agent
 * (its latest run), sorted by success rate. Same runs give the same file.
 */
public final class Leaderboard implements RunListener {

    @Override
    public void runFinished(RunInfo run, List<EpisodeResult> results) throws IOException {
        String target = run.config().get(Constants.LEADERBOARD, Constants.LEADERBOARD_DEFAULT);
        if (target.isBlank()) {
            return;
        }
        Path runs = run.dir().getParent();
        Path out = Path.of(target);
        Files.writeString(out, render(runs, out.toAbsolutePath().getParent()));
        System.out.println("[gauntlet] leaderboard: " + out.toAbsolutePath());
    }

    /** One row of the leaderboard: an agent's latest run of a suite. */
    record Row(String suite, String agent, String run, int episodes, int scored, int passed, double meanScore,
               double meanSteps, long medianMillis) {
        double rate() {
            return scored == 0 ? 0 : (double) passed / scored;
        }

        double stderr() {
            return scored == 0 ? 0 : Math.sqrt(rate() * (1 - rate()) / scored);
        }
    }

    static String render(Path runs, Path relativeTo) throws IOException {
        Map<String, Map<String, Row>> bySuite = new TreeMap<>();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(runs)) {
            dirs = s.filter(Files::isDirectory).filter(p -> !Files.isSymbolicLink(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        for (Path dir : dirs) {
            Path csv = dir.resolve("results.csv");
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            try {
                for (Row row : rows(dir, csv)) {
                    bySuite.computeIfAbsent(row.suite(), k -> new TreeMap<>()).put(row.agent(), row); // later run wins
                }
            } catch (IOException | CsvException | RuntimeException e) {
                System.err.println("[gauntlet] leaderboard: skipping " + csv + ": " + e.getMessage());
            }
        }
        StringBuilder md = new StringBuilder("# Gauntlet leaderboard\n\n");
        md.append("Generated from the runs in `").append(relativeTo == null ? runs : relativeTo.relativize(runs.toAbsolutePath()))
                .append("`; one row per agent (its latest run), sorted by success rate.\n");
        for (Map.Entry<String, Map<String, Row>> suite : bySuite.entrySet()) {
            md.append("\n## ").append(suite.getKey()).append("\n\n");
            md.append("| agent | success | score | episodes | mean steps | median s | run |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            List<Row> rows = new ArrayList<>(suite.getValue().values());
            rows.sort(Comparator.comparingDouble(Row::rate).reversed().thenComparing(Row::agent));
            for (Row r : rows) {
                md.append(String.format(Locale.ROOT, "| %s | %.1f%% ± %.1f | %.3f | %d | %.1f | %.2f | %s |%n",
                        r.agent(), 100 * r.rate(), 100 * r.stderr(), r.meanScore(), r.episodes(), r.meanSteps(),
                        r.medianMillis() / 1000.0, r.run()));
            }
        }
        return md.toString();
    }

    private static List<Row> rows(Path dir, Path csv) throws IOException, CsvException {
        List<String[]> lines;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVReader r = new CSVReader(reader)) {
            lines = r.readAll();
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = List.of(lines.get(0));
        int suite = col(header, "suite"), agent = col(header, "agent"), status = col(header, "status"),
                reward = col(header, "reward"), steps = col(header, "steps"), ms = col(header, "duration_ms");
        Map<String, List<String[]>> groups = new TreeMap<>();
        for (String[] line : lines.subList(1, lines.size())) {
            if (line.length < header.size()) {
                throw new IOException("row with " + line.length + " of " + header.size() + " columns");
            }
            groups.computeIfAbsent(line[suite] + "\u0000" + line[agent], k -> new ArrayList<>()).add(line);
        }
        List<Row> out = new ArrayList<>();
        for (List<String[]> g : groups.values()) {
            int scored = 0, passed = 0;
            double scoreSum = 0, stepSum = 0;
            int scoreCount = 0;
            List<Long> times = new ArrayList<>();
            for (String[] l : g) {
                if (l[status].equals("passed") || l[status].equals("failed")) {
                    scored++;
                }
                if (l[status].equals("passed")) {
                    passed++;
                }
                if (!l[reward].isEmpty()) {
                    scoreSum += Double.parseDouble(l[reward]);
                    scoreCount++;
                }
                stepSum += Integer.parseInt(l[steps]);
                times.add(Long.parseLong(l[ms]));
            }
            times.sort(null);
            out.add(new Row(g.get(0)[suite], g.get(0)[agent], dir.getFileName().toString(), g.size(), scored, passed,
                    scoreCount == 0 ? 0 : scoreSum / scoreCount, stepSum / g.size(), times.get(times.size() / 2)));
        }
        return out;
    }

    private static int col(List<String> header, String name) throws IOException {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IOException("no '" + name + "' column");
        }
        return i;
    }
}
