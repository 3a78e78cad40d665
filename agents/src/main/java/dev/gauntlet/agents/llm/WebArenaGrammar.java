package dev.gauntlet.agents.llm;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.WebArenaActions;

/**
 * WebArena's own action space ({@code click [12]}, {@code type [7] [text] [1]}, {@code stop [answer]}), parsed by
 * {@link WebArenaActions}: the grammar of the WebArena paper's agents. The action may stand after {@code Action:} or
 * in a {@code ```fenced```} block, as upstream's prompts ask.
 */
final class WebArenaGrammar implements ActionGrammar {

    static final String NAME = "webarena";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String instructions() {
        return """
                Actions (element ids are the numbers in [brackets] of the page text):
                click [12]                  click an element
                type [7] [text] [1]         click a field and type text at its cursor; the last flag presses Enter
                                            afterwards (1, the default) or not (0). Typing does not clear the field.
                hover [12]                  move the mouse over an element
                press [Control+a]           press a key combination on the page
                scroll [down]  scroll [up]  scroll the page by one screen
                new_tab                     open a new, empty tab
                tab_focus [1]               switch to the tab with this index
                close_tab                   close the current tab
                goto [http://...]           open a URL in the current tab
                go_back  go_forward         browser history
                stop [answer]               finish; put the answer in the brackets when the task asks for one,
                                            N/A when the task cannot be done, nothing otherwise""";
    }

    @Override
    public String example() {
        return "click [12]";
    }

    @Override
    public Action parse(String text) {
        return WebArenaActions.parseAction(text);
    }
}
