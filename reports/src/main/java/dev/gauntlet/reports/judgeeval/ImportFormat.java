package dev.gauntlet.reports.judgeeval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The trajectory formats of other harnesses that {@code judge-eval --import FORMAT=PATH} reads. */
public enum ImportFormat {

    /** Online-Mind2Web's result folders: one folder per task with {@code result.json} and {@code trajectory/}. */
    ONLINE_MIND2WEB("online-mind2web"),

    /** AgentRewardBench's cleaned trajectory JSON files ({@code <benchmark>.<task>.json}), a file or a folder tree. */
    AGENT_REWARD_BENCH("agentrewardbench");

    private final String label;

    ImportFormat(String label) {
        this.label = label;
    }

    /** Returns the name used on the command line. */
    public String label() {
        return label;
    }

    /** Returns the format named {@code name}; one line naming the allowed names otherwise. */
    public static ImportFormat of(String name) {
        for (ImportFormat f : values()) {
            if (f.label.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("--import format '" + name + "' is not one of "
                + Arrays.stream(values()).map(ImportFormat::label).toList());
    }

    List<ImportedEpisode> read(Path source) throws IOException {
        return switch (this) {
            case ONLINE_MIND2WEB -> OnlineMind2WebImport.read(source);
            case AGENT_REWARD_BENCH -> AgentRewardBenchImport.read(source);
        };
    }
}
