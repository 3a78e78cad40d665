package dev.gauntlet.api;

/** Signals a configuration value that cannot be used; the message names the key, the value and what was expected. */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String key, String value, String expected) {
        super("'" + key + "' is '" + value + "' but must be " + expected);
    }

    public ConfigException(String message) {
        super(message);
    }
}
