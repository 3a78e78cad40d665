package dev.gauntlet.llm;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * One chat message: a role and its parts, text or images.
 *
 * @param role  {@code system}, {@code user} or {@code assistant}
 * @param parts the content, in order
 */
public record ChatMessage(String role, List<Part> parts) {

    /** A piece of a message's content. */
    public sealed interface Part permits Text, Image {}

    /** Text content. */
    public record Text(String text) implements Part {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An image, sent as a {@code data:} URL (base64), the form vLLM and OpenAI both accept. */
    public record Image(String dataUrl) implements Part {
        public Image {
            Objects.requireNonNull(dataUrl, "dataUrl");
        }

        /** Returns a PNG image part. */
        public static Image png(byte[] png) {
            return new Image("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        }
    }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        parts = List.copyOf(parts);
    }

    public static ChatMessage system(String text) {
        return new ChatMessage("system", List.of(new Text(text)));
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage("assistant", List.of(new Text(text)));
    }

    /** Returns a user message of {@code text} followed by PNG images. */
    public static ChatMessage user(String text, byte[]... pngs) {
        return user(text, List.of(pngs));
    }

    /** Returns a user message of {@code text} followed by PNG images. */
    public static ChatMessage user(String text, List<byte[]> pngs) {
        List<Part> parts = new ArrayList<>();
        parts.add(new Text(text));
        for (byte[] png : pngs) {
            parts.add(Image.png(png));
        }
        return new ChatMessage("user", parts);
    }

    /** Returns whether any part is an image. */
    public boolean hasImages() {
        return parts.stream().anyMatch(p -> p instanceof Image);
    }

    /** Returns the text parts joined by newlines. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Text t) {
                sb.append(sb.length() == 0 ? "" : "\n").append(t.text());
            }
        }
        return sb.toString();
    }
}
