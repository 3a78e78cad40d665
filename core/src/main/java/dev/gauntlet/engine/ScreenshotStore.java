package dev.gauntlet.engine;

import dev.gauntlet.api.RunFolder;
import dev.gauntlet.api.ScreenshotFormat;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes a run's screenshots content-addressed: a file is named by the hash of the image as captured, so an image
 * that many steps saw (an unchanged page, the same start page of every seed) is stored once and every step names it.
 * With JPEG the captured PNG is re-encoded here, so the agent's own screenshot stays the PNG it always was.
 */
final class ScreenshotStore {

    private final Path runDir;
    private final ScreenshotFormat format;
    private final float quality;

    ScreenshotStore(Path runDir, ScreenshotFormat format, int quality) {
        this.runDir = runDir;
        this.format = format;
        this.quality = quality / 100f;
    }

    /** Saves {@code png} unless the run already holds it; returns its name relative to the run folder. */
    String save(byte[] png) throws IOException {
        String name = RunFolder.screenshotFile(digest(png), format.extension());
        Path file = runDir.resolve(name);
        if (Files.exists(file)) {
            return name;
        }
        Files.createDirectories(file.getParent());
        // another worker may save the same image at once: write aside, then move into place in one step
        Path part = Files.createTempFile(file.getParent(), ".part-", "");
        try {
            Files.write(part, format == ScreenshotFormat.PNG ? png : jpeg(png));
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return name;
    }

    private byte[] jpeg(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new IOException("the browser's screenshot is not a PNG");
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(image, 0, 0, java.awt.Color.WHITE, null); // JPEG has no alpha
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The first 32 hex digits of the image's SHA-256: collisions are out of reach for any run's image count. */
    static String digest(byte[] image) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
