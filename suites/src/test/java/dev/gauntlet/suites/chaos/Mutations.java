package dev.gauntlet.suites.chaos;

import java.util.List;
import java.util.Random;

/** Malformed variants of a valid input, from a seeded random source so that a failing input can be reproduced. */
final class Mutations {

    private static final List<String> VALUES = List.of("null", "1e999", "-1", "\"\"", "[]", "{}", "true", "0.5",
            "\"" + "x".repeat(5000) + "\"", "[".repeat(2000) + "]".repeat(2000), "\"\\ud800\"", "\"\\u0000\"", "NaN");
    private static final String NOISE = "{}[]\",:\\\n\t\u0000\u00e9\u4e2d\ud83d\ude00 ";

    private final Random random;

    Mutations(long seed) {
        random = new Random(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Returns {@code valid} with one to three random faults. */
    String mutate(String valid) {
        String s = valid;
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            s = once(s);
        }
        return s;
    }

    private String once(String s) {
        int at = s.isEmpty() ? 0 : random.nextInt(s.length());
        switch (random.nextInt(9)) {
            case 0:
                return s.substring(0, at); // truncated
            case 1: {
                int end = Math.min(s.length(), at + 1 + random.nextInt(20));
                return s.substring(0, at) + s.substring(end); // a span deleted
            }
            case 2:
                return s.substring(0, at) + NOISE.charAt(random.nextInt(NOISE.length())) + s.substring(at);
            case 3: { // a value replaced: after a ':' up to the next ',' or '}'
                int colon = s.indexOf(':', at);
                if (colon < 0) {
                    return s + VALUES.get(random.nextInt(VALUES.size()));
                }
                int end = colon + 1;
                while (end < s.length() && ",}\n".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                return s.substring(0, colon + 1) + " " + VALUES.get(random.nextInt(VALUES.size())) + s.substring(end);
            }
            case 4: { // a key renamed
                int quote = s.indexOf('"', at);
                return quote < 0 ? s : s.substring(0, quote + 1) + "zz" + s.substring(quote + 1);
            }
            case 5:
                return s + s; // duplicated
            case 6:
                return random.nextBoolean() ? "" : " \n\t ";
            case 7:
                return "\ufeff" + s; // a byte-order mark
            default:
                return VALUES.get(random.nextInt(VALUES.size()));
        }
    }
}
