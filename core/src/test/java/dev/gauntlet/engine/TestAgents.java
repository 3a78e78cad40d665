package dev.gauntlet.engine;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Agent;
import dev.gauntlet.api.EpisodeStart;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Step;

import java.util.List;
import java.util.Map;

/** Agents registered only on the test class path, the way a user registers their own. */
final class TestAgents {

    private TestAgents() {}

    /** Plays the gold demonstration (what the built-in replay agent does). */
    public static final class Gold implements Agent {
        private List<Action> plan = List.of();

        @Override
        public String name() {
            return "gold";
        }

        @Override
        public void begin(EpisodeStart start) throws Exception {
            plan = start.demonstration().call();
        }

        @Override
        public Action act(Observation observation, List<Step> history) {
            return history.size() < plan.size() ? plan.get(history.size()) : new Action.Answer("");
        }
    }

    /** Clicks element 1 a configurable number of times ({@code clicker:times=2}), then answers. */
    public static final class Clicker implements Agent {
        private int times = 1;

        @Override
        public String name() {
            return "clicker";
        }

        @Override
        public void configure(Map<String, String> args) {
            times = Integer.parseInt(args.getOrDefault("times", "1"));
        }

        @Override
        public Action act(Observation observation, List<Step> history) {
            return history.size() < times ? new Action.Click("1") : new Action.Answer("stopped");
        }

        /** The results the engine handed over at the ends of episodes, for the test of {@link Agent#end}. */
        static final java.util.Queue<String> HEARD = new java.util.concurrent.ConcurrentLinkedQueue<>();

        @Override
        public void end(dev.gauntlet.api.EpisodeResult result) {
            HEARD.add(result.task().id() + " " + result.seed() + " " + result.status().label());
        }

        /** Says why, so the engine's recording of stated reasoning can be checked. */
        @Override
        public String reasoning() {
            return "click number " + (times);
        }
    }

    /** Throws on every step. */
    public static final class Thrower implements Agent {
        private String refuse = "";

        @Override
        public String name() {
            return "thrower";
        }

        /** {@code thrower:refuse=why}: refuses in {@link #prepare}, at discovery. */
        @Override
        public void configure(java.util.Map<String, String> args) {
            refuse = args.getOrDefault("refuse", "");
        }

        @Override
        public void prepare(dev.gauntlet.api.Config config) {
            if (!refuse.isEmpty()) {
                throw new dev.gauntlet.api.ConfigException("agent 'thrower' cannot load its model: " + refuse);
            }
        }

        @Override
        public Action act(Observation observation, List<Step> history) {
            throw new IllegalArgumentException("model output was not JSON");
        }
    }

    /**
     * Plays the gold demonstration, taking {@code ms} milliseconds to decide each step ({@code slow:ms=200}); with
     * {@code hang=yes} it never answers (it waits until interrupted, then keeps waiting), to test time limits.
     */
    public static final class Slow implements Agent {
        private List<Action> plan = List.of();
        private long ms = 50;
        private boolean hang;

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public void configure(Map<String, String> args) {
            ms = Long.parseLong(args.getOrDefault("ms", "50"));
            hang = args.getOrDefault("hang", "no").equals("yes");
        }

        @Override
        public void begin(EpisodeStart start) throws Exception {
            plan = start.demonstration().call();
        }

        @Override
        public Action act(Observation observation, List<Step> history) throws InterruptedException {
            if (hang) {
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        // a hung model call that ignores interrupts
                    }
                }
            }
            Thread.sleep(ms);
            return history.size() < plan.size() ? plan.get(history.size()) : new Action.Answer("");
        }
    }
}
