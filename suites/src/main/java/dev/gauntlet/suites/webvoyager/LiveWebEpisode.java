package dev.gauntlet.suites.webvoyager;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import dev.gauntlet.api.ActionGrammar;
import dev.gauntlet.api.Task;
import dev.gauntlet.browser.OpenEndedEpisode;

import java.util.List;

/**
 * An episode on a live (or built-in) website, ending only when the agent answers or runs out of steps, with
 * WebVoyager's {@code Type} performed as its script does (clear, type, Enter).
 */
final class LiveWebEpisode extends OpenEndedEpisode {

    /** @param gold the built-in sample's demonstration, in BrowserGym calls (empty for real tasks) */
    LiveWebEpisode(Task task, long seed, BrowserContext context, Page page, List<String> gold) {
        super(task, seed, context, page, gold.stream().map(ActionGrammar.browserGym()::parse).toList());
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
