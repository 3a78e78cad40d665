package dev.gauntlet.suites.webarena.site;

import dev.gauntlet.site.SiteServer;

import java.util.Map;

/** Starts the built-in shop, admin and forum, each on its own port of 127.0.0.1, sharing per-session state. */
public final class BuiltInSites implements AutoCloseable {

    private final SiteServer shop;
    private final SiteServer admin;
    private final SiteServer forum;

    private BuiltInSites() {
        Sessions sessions = new Sessions();
        ShopSite shopSite = new ShopSite(sessions);
        AdminSite adminSite = new AdminSite(sessions);
        ForumSite forumSite = new ForumSite(sessions);
        shop = SiteServer.start().mount("/", shopSite::handle);
        admin = SiteServer.start().mount("/admin", adminSite::handle);
        forum = SiteServer.start().mount("/", forumSite::handle);
    }

    public static BuiltInSites start() {
        return new BuiltInSites();
    }

    /** Returns the base URL of each built-in site by WebArena site name. */
    public Map<String, String> urls() {
        return Map.of("shopping", shop.origin(), "shopping_admin", admin.url("/admin"), "reddit", forum.origin());
    }

    @Override
    public void close() {
        shop.close();
        admin.close();
        forum.close();
    }
}
