package dev.gauntlet.agents.llm;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.BrowserGymActions;

/** BrowserGym's function-call action space ({@code click('12')}), parsed by {@link BrowserGymActions}. */
final class BrowserGymGrammar implements ActionGrammar {

    static final String NAME = "browsergym";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String instructions() {
        return """
                Actions (element ids are the numbers in [brackets] of the page text):
                click('12')                      click an element
                dblclick('12')                   double-click an element
                hover('12')                      move the mouse over an element
                fill('7', 'text')                replace the text of an input
                type('7', 'text')                type text key by key
                select_option('3', 'option')     choose an option of a select
                press('7', 'Enter')              press keys in an element (Control+a, Tab, ...)
                keyboard_press('Enter')          press keys on the page
                scroll(0, 300)                   scroll the page by pixels (dx, dy)
                mouse_click(120, 300)            click at viewport coordinates
                goto('http://...')               open a URL
                go_back()  go_forward()          browser history
                new_tab()  tab_focus(1)  tab_close()
                noop()                           wait
                send_msg_to_user('answer')       finish, with the answer when the task asks for one
                report_infeasible('reason')      finish: the task cannot be done""";
    }

    @Override
    public Action parse(String text) {
        return BrowserGymActions.parseAction(text);
    }
}
