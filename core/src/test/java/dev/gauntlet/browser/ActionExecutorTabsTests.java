package dev.gauntlet.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A tab the site opens becomes the active one; an executor released at its episode's end stops following the
 * context's tabs, so episodes on a context that outlives them (MiniWoB's reused page) leave no listener behind.
 */
class ActionExecutorTabsTests {

    @RegisterExtension
    static final SharedBrowser BROWSER = new SharedBrowser();

    @Test
    void aNewTabBecomesActiveUntilTheExecutorIsReleased() throws Exception {
        BrowserContext context = BROWSER.session().newContext(null, Set.of("*"));
        try {
            Page first = context.newPage();
            ActionExecutor earlier = new ActionExecutor(context, first);
            earlier.release();
            ActionExecutor current = new ActionExecutor(context, first);
            Page opened = context.newPage();
            assertSame(opened, current.page(), "the tab opened during the episode is the active one");
            assertSame(first, earlier.page(), "a released executor no longer follows the context's tabs");
        } finally {
            context.close();
        }
    }
}
