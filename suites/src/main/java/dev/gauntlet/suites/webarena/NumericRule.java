package dev.gauntlet.suites.webarena;

/** WebArena-Lite's required_values: an integer answer compared with {@code "< 700"}, {@code ">= 3"}, {@code "== 24"}. */
final class NumericRule {

    private static final double TOL = 1e-8;
    private static final String[] OPS = {"<=", ">=", "==", "<", ">"};

    private NumericRule() {}

    /** Python's {@code int(s.strip().replace(",", ""))}, or null when that fails. */
    static Long toInt(String s) {
        String t = s.strip().replace(",", "").replace("_", "");
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Applies the first operator found in {@code rule}, in upstream's order. As upstream, the tolerance makes
     * {@code <} and {@code >} inclusive ({@code 5} satisfies {@code "< 5"}).
     */
    static boolean holds(double value, String rule) {
        for (String op : OPS) {
            int at = rule.indexOf(op);
            if (at >= 0) {
                double y = Double.parseDouble(rule.substring(at + op.length()).strip());
                return switch (op) {
                    case "<=", "<" -> value < y + TOL || op.equals("<=") && value <= y + TOL;
                    case ">=", ">" -> value > y - TOL || op.equals(">=") && value >= y - TOL;
                    default -> Math.abs(value - y) <= TOL;
                };
            }
        }
        throw new IllegalArgumentException("invalid inequality in required_values: '" + rule + "'");
    }
}
