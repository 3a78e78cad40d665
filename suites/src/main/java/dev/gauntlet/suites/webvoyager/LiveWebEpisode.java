package dev.gauntlet.suites.webvoyager;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.BrowserEpisode;

import java.util.ArrayList;
import java.util.List;

/**
 * An episode on a live (or built-in) website: the page as WebVoyager's script sets it up (1024×768), WebVoyager's
 * {@code Type} performed as it does (clear, type, Enter), ending only when the agent answers or runs out of steps.
 */
final class LiveWebEpisode extends BrowserEpisode {

    private final List<String> gold;

    LiveWebEpisode(Task task, long seed, BrowserContext context, Page page, List<String> gold) {
        super(task, seed, context, page, true);
        this.gold = gold;
    }

    @Override
    public boolean done() {
        return false;
    }

    @Override
    public List<Action> demonstration() {
        List<Action> out = new ArrayList<>();
        for (String g : gold) {
            out.add(ActionGrammar.browserGym().parse(g));
        }
        return out;
    }

    @Override
    protected String performNative(Action.Native action) throws Exception {
        String[] typing = action.grammar().equals("webvoyager") ? WebVoyagerGrammar.typing(action) : null;
        if (typing == null) {
            return super.performNative(action);
        }
        String error = executor.perform(new Action.Fill(typing[0], typing[1]));
        return error != null ? error : executor.perform(new Action.Press(typing[0], "Enter"));
    }
}
