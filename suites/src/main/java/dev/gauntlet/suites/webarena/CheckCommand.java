package dev.gauntlet.suites.webarena;

import dev.gauntlet.api.Config;

import java.util.List;
import java.util.Optional;

/**
 * {@code check --suite webarena|webarena-lite --config FILE --task ID --answer TEXT [--url URL]}: prints one answer's
 * verdict against one task, and why. Exit code 0 pass, 1 fail, 2 usage, 3 undecided (a judge or the live page is
 * needed). Keys ({@code llm.*} for fuzzy_match, {@code webarena.<site>.url}) come from system properties and the
 * environment.
 */
public final class CheckCommand {

    private CheckCommand() {}

    public static void main(String[] args) throws Exception {
        int code;
        try {
            AnswerCheck.Request request = AnswerCheck.parse(List.of(args));
            code = AnswerCheck.run(request, Config.from(k -> Optional.empty()), System.out).exitCode;
        } catch (IllegalArgumentException e) {
            System.err.println("check: " + e.getMessage() + "\n" + AnswerCheck.USAGE);
            code = 2;
        }
        if (code != 0) {
            System.exit(code);
        }
    }
}
