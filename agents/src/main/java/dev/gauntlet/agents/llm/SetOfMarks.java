package dev.gauntlet.agents.llm;

import dev.gauntlet.api.Element;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Draws set-of-marks labels onto a screenshot: a box around each visible interactive element and its id in a tag at
 * the box's top-left corner, so a VLM can name elements it sees. Boxes are CSS pixels; the screenshot may be larger
 * (device pixel ratio), so they are scaled by the image width over {@code viewportWidth}.
 */
final class SetOfMarks {

    private static final Color[] COLORS = {new Color(0xE6194B), new Color(0x3CB44B), new Color(0x4363D8),
            new Color(0xF58231), new Color(0x911EB4), new Color(0x008080)};

    private SetOfMarks() {}

    /** Returns the labelled PNG; the input unchanged when it cannot be decoded. */
    static byte[] draw(byte[] png, List<Element> elements, double viewportWidth) throws IOException {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        BufferedImage src = ImageIO.read(new ByteArrayInputStream(png));
        if (src == null) {
            return png;
        }
        BufferedImage img = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.drawImage(src, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            double scale = viewportWidth > 0 ? src.getWidth() / viewportWidth : 1;
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(10, Math.round(11 * scale))));
            g.setStroke(new BasicStroke((float) Math.max(1, scale)));
            FontMetrics fm = g.getFontMetrics();
            int i = 0;
            for (Element e : elements) {
                Element.Box b = e.box();
                if (!e.interactive() || b.width() <= 0 || b.height() <= 0) {
                    continue;
                }
                int x = (int) Math.round(b.x() * scale);
                int y = (int) Math.round(b.y() * scale);
                if (x >= img.getWidth() || y >= img.getHeight() || x + b.width() * scale < 0 || y + b.height() * scale < 0) {
                    continue; // outside the viewport
                }
                Color c = COLORS[i++ % COLORS.length];
                g.setColor(c);
                g.drawRect(x, y, (int) Math.round(b.width() * scale), (int) Math.round(b.height() * scale));
                int w = fm.stringWidth(e.id()) + 4;
                int h = fm.getAscent() + 2;
                int ty = Math.max(0, y - h);
                g.fillRect(x, ty, w, h);
                g.setColor(Color.WHITE);
                g.drawString(e.id(), x + 2, ty + fm.getAscent());
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
