package dev.gauntlet.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The screenshot format keys are checked before any episode runs, one line per bad value. */
class ScreenshotSettingsTests {

    @Test
    void theFormatIsPngOrJpegAndPngByDefault() {
        assertEquals(ScreenshotFormat.PNG, Settings.SCREENSHOTS_FORMAT.read(Config.of(Map.of())));
        assertEquals(ScreenshotFormat.JPEG, Settings.SCREENSHOTS_FORMAT.read(Config.of(Map.of(Constants.SCREENSHOTS_FORMAT, "jpeg"))));
        assertEquals(List.of("'gauntlet.screenshots.format' is 'gif' but must be one of png, jpeg"),
                Settings.validate(Config.of(Map.of(Constants.SCREENSHOTS_FORMAT, "gif")), Settings.ALL));
    }

    @Test
    void theQualityIsAWholeNumberFromOneToAHundred() {
        assertEquals(80, Settings.SCREENSHOTS_QUALITY.read(Config.of(Map.of())));
        assertEquals(List.of("'gauntlet.screenshots.quality' is '101' but must be a whole number from 1 to 100"),
                Settings.validate(Config.of(Map.of(Constants.SCREENSHOTS_QUALITY, "101")), Settings.ALL));
        assertEquals(List.of("'gauntlet.screenshots.quality' is '0' but must be 1 or more"),
                Settings.validate(Config.of(Map.of(Constants.SCREENSHOTS_QUALITY, "0")), Settings.ALL));
    }
}
