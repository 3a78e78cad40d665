package dev.gauntlet.serve;

import dev.gauntlet.api.Setting;

import java.util.List;

/** The keys of {@code gauntlet serve}; the pool size is {@code gauntlet.workers}. */
public final class ServeSettings {

    private ServeSettings() {}

    public static final Setting<String> HOST = Setting.text("gauntlet.serve.host", "127.0.0.1",
            "address to bind; anything but loopback requires the token");
    public static final Setting<Integer> PORT = Setting.integer("gauntlet.serve.port", "8766", 0,
            "port to listen on (0: a free one, printed)");
    public static final Setting<String> TOKEN_ENV = Setting.text("gauntlet.serve.tokenEnv", "GAUNTLET_SERVE_TOKEN",
            "environment variable holding the bearer token clients must send");
    public static final Setting<Integer> IDLE_S = Setting.integer("gauntlet.serve.idleSeconds", "300", 1,
            "a session not called for this long is closed");
    public static final Setting<Integer> MAX_SESSIONS = Setting.integer("gauntlet.serve.maxSessions", "64", 1,
            "sessions open at once; a reset beyond it is refused with 429");

    /** Every key of the command, in README order. */
    public static final List<Setting<?>> ALL = List.of(HOST, PORT, TOKEN_ENV, IDLE_S, MAX_SESSIONS);
}
