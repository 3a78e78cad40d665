package dev.gauntlet.suites.mind2web;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * MindAct's operation F1: the F1 of the whitespace-separated token sets of the predicted and the gold
 * {@code "OP value"} strings, case-sensitive; two empty sets score 1, one empty set 0.
 */
final class OperationF1 {

    private OperationF1() {}

    static double of(String predicted, String gold) {
        Set<String> p = tokens(predicted);
        Set<String> g = tokens(gold);
        if (p.isEmpty() && g.isEmpty()) {
            return 1;
        }
        if (p.isEmpty() || g.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(p);
        common.retainAll(g);
        int tp = common.size();
        if (tp == 0) {
            return 0;
        }
        double precision = (double) tp / p.size();
        double recall = (double) tp / g.size();
        return 2 * precision * recall / (precision + recall);
    }

    private static Set<String> tokens(String s) {
        String t = s == null ? "" : s.strip();
        return t.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(t.split("(?U)\\s+")));
    }
}
