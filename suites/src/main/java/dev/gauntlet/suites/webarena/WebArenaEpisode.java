package dev.gauntlet.suites.webarena;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.BrowserEpisode;

import java.util.List;

/**
 * One WebArena episode in a 1280×720 context holding the task's tabs. It ends only by the agent's answer, the step
 * limit or an early stop (WebArena sites have no done flag). Its actions are all generic ({@code type} is an
 * {@link Action.TypeAtCaret}), so it performs no native one.
 */
final class WebArenaEpisode extends BrowserEpisode {

    private final List<String> gold;

    WebArenaEpisode(Task task, long seed, BrowserContext context, Page first, List<String> gold) {
        super(task, seed, context, first, true);
        this.gold = gold;
    }

    @Override
    public boolean done() {
        return false;
    }

    @Override
    public List<Action> demonstration() {
        // gold actions are written without a fence, so they are read leniently
        return gold.stream().map(ActionGrammar.named("webarena-lenient")::parse).toList();
    }
}
