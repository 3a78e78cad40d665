package dev.gauntlet.engine;

import dev.gauntlet.api.EpisodeResult;

import java.util.Locale;

/**
 * Console progress: one line per finished episode with done/total, success so far, broken count and ETA. Lines,
 * not a redrawn bar, so CI logs stay readable.
 */
final class Progress {

    private final int total;
    private final long startNanos = System.nanoTime();
    private int done;
    private int passed;
    private int broken;
    private int skipped;
    private int unscored;
    private int blocked;

    Progress(int total) {
        this.total = total;
    }

    void finished(EpisodeResult r) {
        done++;
        switch (r.status()) {
            case PASSED -> passed++;
            case BROKEN -> broken++;
            case BLOCKED -> blocked++;
            case SKIPPED -> {
                // a skipped episode with verdicts ran, but its oracle could not score it (e.g. needs a judge)
                skipped++;
                unscored += r.verdicts().isEmpty() ? 0 : 1;
            }
            default -> { }
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double eta = done == 0 ? 0 : elapsed / done * (total - done);
        String detail = r.status() == EpisodeResult.Status.PASSED ? ""
                : " — " + abbreviate(r.message());
        System.out.printf(Locale.ROOT, "[gauntlet] %d/%d %s seed=%d %s: %s (score %s, %d steps, %d ms)%s | success %s, broken %d, ETA %s%n",
                done, total, r.task().qualifiedId(), r.seed(), r.agent(), r.status().label(),
                Double.isNaN(r.score()) ? "-" : String.format(Locale.ROOT, "%.2f", r.score()), r.steps(),
                r.durationMillis(), detail, rate(), broken, duration(eta));
    }

    String summary() {
        return String.format(Locale.ROOT, "%d episodes: %d passed, %d failed, %d broken, %d skipped%s%s; success %s;"
                        + " infra errors %s (broken / all, apart from the agent's failures)",
                done, passed, done - passed - broken - skipped - blocked, broken, skipped,
                unscored == 0 ? "" : " (" + unscored + " of them unscored)",
                blocked == 0 ? "" : ", " + blocked + " blocked by their site", rate(),
                done == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * broken / done));
    }

    private String rate() {
        int scored = done - skipped - broken - blocked;
        return scored == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * passed / scored);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 120 ? one.substring(0, 117) + "..." : one;
    }
}
