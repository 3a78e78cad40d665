package dev.gauntlet.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One judge of {@code gauntlet.judge}: {@code name} or {@code name:key=value,key=value}, the agents' syntax. Judges
 * are separated by commas too, so a comma-separated part of the form {@code key=value} (no {@code :} before its
 * {@code =}) is one more argument of the judge before it: {@code learned-orm:model=/m,webvoyager} is two judges,
 * {@code my-judge:a=1,b=2,webvoyager} is two judges, the first with two arguments.
 *
 * @param name the judge's name ({@link Judge#name()})
 * @param args its arguments, in order
 * @param text the spec as written
 */
public record JudgeSpec(String name, Map<String, String> args, String text) {

    public JudgeSpec {
        args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** Returns each judge's spec text of a {@code gauntlet.judge} value, in order. */
    public static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value == null ? new String[0] : value.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            boolean argument = eq > 0 && p.substring(0, eq).indexOf(':') < 0;
            if (argument) {
                if (out.isEmpty()) {
                    throw new ConfigException(Constants.JUDGE, value, "judge names, each optionally followed by"
                            + " :key=value,... ('" + p + "' has no judge before it)");
                }
                out.set(out.size() - 1, out.get(out.size() - 1) + "," + p);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Parses one judge's spec text ({@link #split} gives them). */
    public static JudgeSpec parse(String text) {
        String name = SpecArguments.name(text);
        if (name.isEmpty()) {
            throw new ConfigException(Constants.JUDGE, text, "a judge name, optionally followed by :key=value,...");
        }
        return new JudgeSpec(name, SpecArguments.parse("judge", text), text.trim());
    }

    /** Returns the judges' names of a {@code gauntlet.judge} value, in order. */
    public static List<String> names(String value) {
        return split(value).stream().map(s -> parse(s).name()).toList();
    }
}
