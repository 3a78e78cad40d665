package dev.gauntlet.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.gauntlet.api.Action;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Performs generic {@link Action}s in a browser context through Playwright's input APIs only (no page scripts), and
 * tracks which tab is active.
 */
public final class ActionExecutor {

    private static final Pattern ELEMENT_ID = Pattern.compile("[A-Za-z0-9_.-]+");

    private final BrowserContext context;
    private final java.util.function.Consumer<Page> onPage = p -> this.active = p;
    private Page active;

    public ActionExecutor(BrowserContext context, Page active) {
        this.context = context;
        this.active = active;
        // a page opened by the site (target=_blank) becomes the active tab, as for a user
        context.onPage(onPage);
    }

    /**
     * Stops following new tabs; an episode on a context that outlives it (MiniWoB's reused page) calls this, so its
     * listeners do not pile up on the context, one per episode.
     */
    public void release() {
        try {
            context.offPage(onPage);
        } catch (RuntimeException ignored) {
            // the context or its browser is already gone
        }
    }

    /** Returns the active tab. */
    public Page page() {
        if (active.isClosed()) {
            List<Page> pages = context.pages();
            active = pages.isEmpty() ? context.newPage() : pages.get(pages.size() - 1);
        }
        return active;
    }

    /**
     * Performs the action.
     *
     * @return {@code null} on success, else the error for the agent
     * @throws UnsupportedOperationException for actions this executor does not perform (native, answer)
     * @throws PlaywrightException when the page or browser is gone (a harness problem, not the agent's)
     */
    public String perform(Action action) {
        Page page = page();
        try {
            if (action instanceof Action.Click a) {
                locate(page, a.target()).click();
            } else if (action instanceof Action.DoubleClick a) {
                locate(page, a.target()).dblclick();
            } else if (action instanceof Action.Hover a) {
                locate(page, a.target()).hover();
            } else if (action instanceof Action.Fill a) {
                locate(page, a.target()).fill(a.text());
            } else if (action instanceof Action.Type a) {
                locate(page, a.target()).pressSequentially(a.text());
            } else if (action instanceof Action.TypeAtCaret a) {
                Locator field = locate(page, a.target());
                field.click();
                page.keyboard().type(a.text()); // at the caret, as upstream: appended, the field is not cleared
                if (a.pressEnter()) {
                    field.press("Enter"); // the same key, but Playwright waits for a navigation it starts
                }
            } else if (action instanceof Action.Select a) {
                locate(page, a.target()).selectOption(a.options().toArray(String[]::new));
            } else if (action instanceof Action.Press a) {
                if (a.target() == null) {
                    page.keyboard().press(a.key());
                } else {
                    locate(page, a.target()).press(a.key());
                }
            } else if (action instanceof Action.Scroll a) {
                if (a.target() != null) {
                    locate(page, a.target()).hover();
                }
                page.mouse().wheel(a.dx(), a.dy());
            } else if (action instanceof Action.ClickAt a) {
                page.mouse().click(a.x(), a.y());
            } else if (action instanceof Action.Goto a) {
                page.navigate(a.url());
            } else if (action instanceof Action.Back) {
                page.goBack();
            } else if (action instanceof Action.Forward) {
                page.goForward();
            } else if (action instanceof Action.NewTab a) {
                Page tab = context.newPage();
                if (a.url() != null) {
                    tab.navigate(a.url());
                }
                active = tab;
            } else if (action instanceof Action.FocusTab a) {
                List<Page> pages = context.pages();
                if (a.index() < 0 || a.index() >= pages.size()) {
                    return "no tab " + a.index() + " (open tabs: " + pages.size() + ")";
                }
                active = pages.get(a.index());
                active.bringToFront();
            } else if (action instanceof Action.CloseTab) {
                page.close();
                page();
            } else if (action instanceof Action.Noop a) {
                if (a.millis() > 0) {
                    page.waitForTimeout(a.millis());
                }
            } else if (action instanceof Action.Invalid a) {
                return "invalid action: " + a.reason();
            } else if (action instanceof Action.Answer) {
                throw new UnsupportedOperationException("answer ends the episode");
            } else if (action instanceof Action.Native a) {
                throw new UnsupportedOperationException("native action '" + a.text()
                        + "' (grammar " + a.grammar() + ") is not understood here");
            }
            return null;
        } catch (PlaywrightException e) {
            return agentError(page, e);
        }
    }

    /** An action's failure is the agent's (returned as its error) unless the page or the browser is gone. */
    private String agentError(Page page, PlaywrightException e) {
        if (page.isClosed() || !context.browser().isConnected()) {
            throw e;
        }
        String line = BrowserSession.firstLine(e.getMessage());
        return line.contains("ERR_BLOCKED_BY_CLIENT") ? "blocked by the fence: the task's browser may reach only the "
                + "task's origins (" + line + ")" : line;
    }

    /** Returns a locator for an element id ({@code 12}) or a prefixed Playwright selector ({@code css=#x}). */
    /**
     * Tells whether an action may name an element by its observation id ({@code data-gid}): a target written as an
     * id, or a suite's native action (which reads ids itself). Selectors, coordinates and navigation need no ids.
     */
    static boolean namesElementId(Action action) {
        String target;
        if (action instanceof Action.Click a) {
            target = a.target();
        } else if (action instanceof Action.DoubleClick a) {
            target = a.target();
        } else if (action instanceof Action.Hover a) {
            target = a.target();
        } else if (action instanceof Action.Fill a) {
            target = a.target();
        } else if (action instanceof Action.Type a) {
            target = a.target();
        } else if (action instanceof Action.TypeAtCaret a) {
            target = a.target();
        } else if (action instanceof Action.Select a) {
            target = a.target();
        } else if (action instanceof Action.Press a) {
            target = a.target();
        } else if (action instanceof Action.Scroll a) {
            target = a.target();
        } else {
            return action instanceof Action.Native;
        }
        return target != null && ELEMENT_ID.matcher(target).matches();
    }

    public static Locator locate(Page page, String target) {
        if (target == null || target.isBlank()) {
            throw new PlaywrightException("no target element given");
        }
        String selector = ELEMENT_ID.matcher(target).matches() ? "[data-gid=\"" + target + "\"]" : target;
        return page.locator(selector).first();
    }
}
