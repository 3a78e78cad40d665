package dev.gauntlet.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An observation's screenshot (one DevTools capture, as BrowserGym's {@code extract_screenshot}) shows the page as it
 * is after the step's action: the same pixels as Playwright's own {@code page.screenshot()} taken at that moment.
 */
class ScreenCaptureTests {

    /** The caret is transparent so that its blinking cannot make two captures of one state differ. */
    private static final String PAGE = """
            <style>input { caret-color: transparent; font-size: 20px; }</style>
            <p id="count">0</p>
            <button id="add" onclick="count.textContent = +count.textContent + 1">Add</button>
            <input id="name" type="text">""";

    @RegisterExtension
    static final SharedBrowser BROWSER = new SharedBrowser();

    @Test
    void theScreenshotAfterAClickShowsTheClickedState() throws Exception {
        BrowserContext context = BROWSER.session().newContext(null, Set.of("*"));
        try {
            Page page = context.newPage();
            page.setContent(PAGE);
            ActionExecutor executor = new ActionExecutor(context, page);
            byte[] before = PageObserver.observe(page, "", "").screenshot().get();
            assertEquals(null, executor.perform(new Action.Click("css=#add")));
            byte[] after = PageObserver.observe(page, "", "").screenshot().get();
            assertFalse(samePixels(before, after), "the counter changed from 0 to 1");
            assertTrue(samePixels(after, page.screenshot()), "the same image as a synchronous page.screenshot()");
        } finally {
            context.close();
        }
    }

    @Test
    void theScreenshotAfterTypingShowsTheTypedText() throws Exception {
        BrowserContext context = BROWSER.session().newContext(null, Set.of("*"));
        try {
            Page page = context.newPage();
            page.setContent(PAGE);
            ActionExecutor executor = new ActionExecutor(context, page);
            byte[] before = PageObserver.observe(page, "", "").screenshot().get();
            assertEquals(null, executor.perform(new Action.Fill("css=#name", "typed text")));
            byte[] after = PageObserver.observe(page, "", "").screenshot().get();
            assertFalse(samePixels(before, after), "the field now holds the text");
            assertTrue(samePixels(after, page.screenshot()), "the same image as a synchronous page.screenshot()");
            page.fill("#name", "");
            assertFalse(samePixels(after, ScreenCapture.png(page)), "emptied again, the text is gone from the image");
        } finally {
            context.close();
        }
    }

    @Test
    void aPageTakesOneDevToolsSessionForAllItsCaptures() throws Exception {
        BrowserContext context = BROWSER.session().newContext(null, Set.of("*"));
        try {
            Page page = context.newPage();
            page.setContent(PAGE);
            byte[] first = ScreenCapture.png(page);
            byte[] second = ScreenCapture.png(page);
            assertTrue(samePixels(first, second), "nothing changed between the two captures");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(first));
            assertEquals(page.viewportSize().width, image.getWidth(), "the viewport, as page.screenshot() takes it");
            assertEquals(page.viewportSize().height, image.getHeight());
        } finally {
            context.close();
        }
    }

    @Test
    void theDriverRunsWithTheSmallYoungGeneration() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads the driver's environment from /proc (Linux)");
        BROWSER.session().browser();
        boolean found = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").endsWith("node"))
                .anyMatch(p -> environment(p.pid()).contains("NODE_OPTIONS=" + BrowserSession.DRIVER_NODE_OPTIONS));
        assertTrue(found, "a Playwright driver of this JVM has NODE_OPTIONS=" + BrowserSession.DRIVER_NODE_OPTIONS);
    }

    private static String environment(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean samePixels(byte[] a, byte[] b) throws IOException {
        BufferedImage x = ImageIO.read(new ByteArrayInputStream(a));
        BufferedImage y = ImageIO.read(new ByteArrayInputStream(b));
        return x.getWidth() == y.getWidth() && x.getHeight() == y.getHeight()
                && Arrays.equals(x.getRGB(0, 0, x.getWidth(), x.getHeight(), null, 0, x.getWidth()),
                y.getRGB(0, 0, y.getWidth(), y.getHeight(), null, 0, y.getWidth()));
    }
}
