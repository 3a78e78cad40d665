package dev.gauntlet.engine;

import dev.gauntlet.api.ScreenshotFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Screenshots are stored by content: the same image once, a different one in a file of its own. */
class ScreenshotStoreTests {

    @TempDir
    Path run;

    @Test
    void theSameImageIsOneFileAndADifferentImageAnother() throws IOException {
        ScreenshotStore store = new ScreenshotStore(run, ScreenshotFormat.PNG, 80);
        byte[] red = png(0xFF0000);
        byte[] blue = png(0x0000FF);
        String first = store.save(red);
        assertEquals(first, store.save(red.clone()));
        String other = store.save(blue);
        assertNotEquals(first, other);
        assertArrayEquals(red, Files.readAllBytes(run.resolve(first)), "PNG is stored as captured");
        assertArrayEquals(blue, Files.readAllBytes(run.resolve(other)));
        try (Stream<Path> files = Files.list(run.resolve("screenshots"))) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void jpegReEncodesTheCapturedImageKeepingItsSizeAndColour() throws IOException {
        String name = new ScreenshotStore(run, ScreenshotFormat.JPEG, 90).save(png(0x00FF00));
        assertEquals(true, name.endsWith(".jpg"), name);
        BufferedImage back = ImageIO.read(run.resolve(name).toFile());
        assertEquals(40, back.getWidth());
        assertEquals(30, back.getHeight());
        int g = back.getRGB(20, 15) >> 8 & 0xFF;
        assertEquals(true, g > 240, "green stays green: " + Integer.toHexString(back.getRGB(20, 15)));
    }

    private static byte[] png(int rgb) throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 30; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
