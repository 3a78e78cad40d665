package dev.gauntlet.suites.webarena;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.gauntlet.api.Config;
import dev.gauntlet.api.EnvironmentUnavailableException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Logs an episode in: upstream's storage_state file taken from {@code webarena.auth.dir}, else, when
 * {@code webarena.<site>.username} and {@code .password} are configured, the site's login form filled in a fresh
 * context. Credentials are only typed into the site; they never reach reports (the password key is a secret).
 */
final class SiteLogin {

    /** Login page path, user field, password field and submit button of each upstream site. */
    private static final Map<String, String[]> FORMS = Map.of(
            "shopping", new String[] {"/customer/account/login/", "#email", "#pass", "button#send2"},
            "shopping_admin", new String[] {"", "#username", "#login", "button.action-login"},
            "reddit", new String[] {"/login", "#login-username", "#login-password", "button[type=submit]"},
            "gitlab", new String[] {"/users/sign_in", "#user_login", "#user_password", "button[type=submit]"});

    private SiteLogin() {}

    /** Sets the storage state on {@code options} when the auth folder has the task's file; returns whether it did. */
    static boolean storageState(Config config, WebArenaTaskSpec spec, Browser.NewContextOptions options)
            throws EnvironmentUnavailableException {
        Optional<String> dir = config.get(WebArenaSettings.AUTH_DIR.key());
        if (dir.isEmpty() || spec.storageState() == null) {
            return false;
        }
        Path file = Path.of(dir.get()).resolve(Path.of(spec.storageState()).getFileName());
        if (!Files.isRegularFile(file)) {
            throw new EnvironmentUnavailableException("storage state " + file + " is missing (task needs '"
                    + spec.storageState() + "' in " + WebArenaSettings.AUTH_DIR.key() + ")");
        }
        options.setStorageStatePath(file);
        return true;
    }

    /** Fills the login form of every task site that has credentials configured. */
    static void autoLogin(Config config, WebArenaTaskSpec spec, SiteUrls urls, BrowserContext context) {
        for (String site : spec.sites()) {
            Optional<String> user = config.get("webarena." + site + WebArenaSettings.USERNAME_SUFFIX);
            Optional<String> password = config.get("webarena." + site + WebArenaSettings.PASSWORD_SUFFIX);
            String[] form = FORMS.get(site);
            if (user.isEmpty() || password.isEmpty() || form == null || urls.all().get(site) == null) {
                continue;
            }
            Page page = context.newPage();
            try {
                page.navigate(urls.all().get(site) + form[0]);
                page.fill(form[1], user.get());
                page.fill(form[2], password.get());
                page.click(form[3]);
                page.waitForLoadState();
            } finally {
                page.close();
            }
        }
    }
}
