package dev.gauntlet.api;

/** Signals a configuration value that cannot be used; the message names the key, the value and what was expected. */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String key, String value, String expected) {
        super("'" + key + "' is '" + oneLine(value) + "' but must be " + expected);
    }

    /** The value with its line breaks and tabs written as escapes, so the message stays one line. */
    private static String oneLine(String value) {
        return value == null ? "null" : value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    public ConfigException(String message) {
        super(message);
    }
}
