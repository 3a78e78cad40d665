package dev.gauntlet.agents;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Agent;
import dev.gauntlet.api.ConfigException;
import dev.gauntlet.api.Element;
import dev.gauntlet.api.EpisodeStart;
import dev.gauntlet.api.Observation;
import dev.gauntlet.api.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lower bound: picks uniformly among the visible interactive elements and acts on it with a plausible input
 * (a word from the instruction for text fields, one of the offered options for selects). Seeded by the episode's
 * seed (and {@code random:seed=N}), so a run is repeatable.
 */
public final class RandomAgent implements Agent {

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+");

    private long extraSeed;
    private Random random = new Random(0);

    @Override
    public String name() {
        return "random";
    }

    @Override
    public void configure(Map<String, String> args) {
        for (Map.Entry<String, String> e : args.entrySet()) {
            if (!e.getKey().equals("seed")) {
                throw new ConfigException("agent 'random' takes only 'seed', got '" + e.getKey() + "'");
            }
            try {
                extraSeed = Long.parseLong(e.getValue());
            } catch (NumberFormatException ex) {
                throw new ConfigException("agent 'random': seed '" + e.getValue() + "' is not a number");
            }
        }
    }

    @Override
    public void begin(EpisodeStart start) {
        random = new Random(start.seed() * 1_000_003L + start.task().id().hashCode() + extraSeed);
    }

    @Override
    public Action act(Observation observation, List<Step> history) {
        List<Element> candidates = new ArrayList<>();
        List<Element> options = new ArrayList<>();
        for (Element e : observation.elements()) {
            if (e.role().equals("option")) {
                options.add(e);
            } else if (e.interactive() && e.box().width() > 0 && e.box().height() > 0) {
                candidates.add(e);
            }
        }
        if (candidates.isEmpty()) {
            return new Action.Noop(0);
        }
        Element e = candidates.get(random.nextInt(candidates.size()));
        if (e.isTextEntry()) {
            return new Action.Fill(e.id(), plausibleText(observation.instruction()));
        }
        if (e.tag().equals("select") && !options.isEmpty()) {
            return new Action.Select(e.id(), List.of(options.get(random.nextInt(options.size())).name()));
        }
        return new Action.Click(e.id());
    }

    private String plausibleText(String instruction) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(instruction);
        while (m.find()) {
            words.add(m.group());
        }
        return words.isEmpty() ? "text" : words.get(random.nextInt(words.size()));
    }
}
