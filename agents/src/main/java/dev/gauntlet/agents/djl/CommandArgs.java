package dev.gauntlet.agents.djl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one command; an option a command does not know is an error naming it. */
final class CommandArgs {

    private final String command;
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    CommandArgs(String command, List<String> args, Set<String> known) {
        this.command = command;
        String current = null;
        for (String a : args) {
            if (a.startsWith("--")) {
                current = a.substring(2);
                if (!known.contains(current)) {
                    throw new IllegalArgumentException(command + ": unknown option --" + current + "; known: --"
                            + String.join(", --", known));
                }
                values.computeIfAbsent(current, k -> new ArrayList<>());
            } else if (current == null) {
                throw new IllegalArgumentException(command + ": '" + a + "' is not an option (--name value)");
            } else {
                values.get(current).add(a);
            }
        }
    }

    String text(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? fallback : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    Path path(String name, String fallback) {
        String v = text(name, fallback);
        if (v == null) {
            throw new IllegalArgumentException(command + ": option --" + name + " is required");
        }
        return Path.of(v);
    }

    int integer(String name, int fallback, int min) {
        String v = text(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(command + ": option --" + name + " is '" + v
                    + "' but must be an integer >= " + min);
        }
    }

    double decimal(String name, double fallback) {
        String v = text(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(command + ": option --" + name + " is '" + v + "' but must be a number");
        }
    }

    boolean bool(String name, boolean fallback) {
        String v = text(name, null);
        if (v == null) {
            return fallback;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(command + ": option --" + name + " is '" + v
                    + "' but must be true or false");
        }
        return Boolean.parseBoolean(v);
    }
}
