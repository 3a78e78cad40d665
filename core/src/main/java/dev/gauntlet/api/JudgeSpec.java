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

    /**
     * Returns the judges of the given specs ({@code name} or {@code name:key=value,...}) found by {@code loader}, in
     * order, configured and prepared ({@link Judge#prepare}): an unknown name, a judge named twice, a bad argument or
     * a judge that cannot start is one {@link ConfigException} before any judging. The engine, re-scoring and
     * judge-eval's imports all load judges here.
     */
    public static List<Judge> load(List<String> specs, Config config, ClassLoader loader) {
        Map<String, java.util.ServiceLoader.Provider<Judge>> all = providers(loader);
        List<Judge> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String text : specs) {
            JudgeSpec spec = parse(text);
            java.util.ServiceLoader.Provider<Judge> p = all.get(spec.name());
            if (p == null) {
                throw new ConfigException("unknown judge '" + spec.name() + "' in " + Constants.JUDGE
                        + "; available: " + (all.isEmpty() ? "(none on the class path)" : String.join(", ", all.keySet())));
            }
            if (!seen.add(spec.name())) {
                throw new ConfigException("judge '" + spec.name() + "' is named twice in " + Constants.JUDGE
                        + " (its verdicts are kept by name)");
            }
            Judge j = p.get();
            j.configure(spec.args());
            try {
                j.prepare(config);
            } catch (ConfigException e) {
                throw e;
            } catch (Exception e) {
                throw new ConfigException("judge '" + spec.name() + "' cannot start: " + e.getMessage());
            }
            out.add(j);
        }
        return out;
    }

    /** Returns the names of the judges {@code loader} finds, sorted. */
    public static List<String> available(ClassLoader loader) {
        return List.copyOf(providers(loader).keySet());
    }

    private static Map<String, java.util.ServiceLoader.Provider<Judge>> providers(ClassLoader loader) {
        Map<String, java.util.ServiceLoader.Provider<Judge>> all = new java.util.TreeMap<>();
        for (java.util.ServiceLoader.Provider<Judge> p : java.util.ServiceLoader.load(Judge.class, loader).stream()
                .toList()) {
            all.put(p.get().name(), p);
        }
        return all;
    }

    /** Returns the judges' names of a {@code gauntlet.judge} value, in order. */
    public static List<String> names(String value) {
        return split(value).stream().map(s -> parse(s).name()).toList();
    }
}
