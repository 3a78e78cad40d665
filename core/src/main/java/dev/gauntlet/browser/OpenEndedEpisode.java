package dev.gauntlet.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.Task;

import java.util.List;

/**
 * A browser episode that only the agent's answer, the step limit or a suite's early stop ends: sites with no done
 * flag (WebArena's, live websites). It owns its context and plays back the gold demonstration it was given.
 */
public class OpenEndedEpisode extends BrowserEpisode {

    private final List<Action> demonstration;

    public OpenEndedEpisode(Task task, long seed, BrowserContext context, Page page, List<Action> demonstration) {
        super(task, seed, context, page, true);
        this.demonstration = List.copyOf(demonstration);
    }

    @Override
    public final boolean done() {
        return false;
    }

    @Override
    public final List<Action> demonstration() {
        return demonstration;
    }
}
