package dev.gauntlet.suites.webarena.site;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The built-in forum, with Postmill's URL layout ({@code /f/<forum>/<post id>/<slug>}, comment permalinks below it,
 * {@code /user/<name>/comments}) and its comment markup ({@code article.comment}, {@code .comment__body}), which
 * WebArena's reddit helpers rely on.
 */
final class ForumSite {

    private final Sessions sessions;

    ForumSite(Sessions sessions) {
        this.sessions = sessions;
    }

    void handle(HttpExchange ex) throws IOException {
        SiteState s = sessions.of(ex);
        String path = ex.getRequestURI().getPath();
        String[] p = path.split("/");
        if (path.equals("/")) {
            Web.page(ex, "Forums", "<h1>Forums</h1><a id=\"forum-camping\" href=\"/f/camping\">camping</a>");
        } else if (p.length == 3 && p[1].equals("f")) {
            boolean newest = "new".equals(Web.form(ex).get("sort"));
            List<SiteState.Post> posts = s.posts.stream().filter(x -> x.forum().equals(p[2]))
                    .sorted(newest ? Comparator.comparingInt(SiteState.Post::id).reversed()
                            : Comparator.comparingInt(SiteState.Post::id)).toList();
            Web.page(ex, p[2], "<h1>" + Web.esc(p[2]) + "</h1><a id=\"sort-new\" href=\"/f/" + p[2] + "?sort=new\">New</a>"
                    + "<ul>" + posts.stream().map(x -> "<li><a id=\"post-" + x.id() + "\" href=\"/f/" + x.forum() + "/"
                    + x.id() + "/" + x.slug() + "\">" + Web.esc(x.title()) + "</a></li>").collect(Collectors.joining())
                    + "</ul>");
        } else if (p.length >= 4 && p[1].equals("f")) {
            SiteState.Post post = s.posts.stream().filter(x -> String.valueOf(x.id()).equals(p[3])).findFirst()
                    .orElse(null);
            if (post == null) {
                Web.notFound(ex);
                return;
            }
            if (ex.getRequestMethod().equals("POST")) {
                SiteState.Comment c = s.comment(post.id(), Web.form(ex).getOrDefault("body", ""));
                Web.redirect(ex, "/f/" + post.forum() + "/" + post.id() + "/" + post.slug() + "/comment/" + c.id());
                return;
            }
            List<SiteState.Comment> comments = s.comments.stream().filter(c -> c.post() == post.id()).toList();
            Web.page(ex, post.title(), "<main id=\"main\"><h1>" + Web.esc(post.title()) + "</h1><p>"
                    + Web.esc(post.body()) + "</p>" + articles(comments) + "</main><form method=\"post\" action=\"/f/" + post.forum() + "/" + post.id() + "/"
                    + post.slug() + "\"><textarea id=\"comment-body\" name=\"body\"></textarea>"
                    + "<button id=\"post-comment\">Post</button></form>");
        } else if (p.length == 4 && p[1].equals("user") && p[3].equals("comments")) {
            List<SiteState.Comment> mine = s.comments.stream().filter(c -> c.user().equals(p[2]))
                    .sorted(Comparator.comparingInt(SiteState.Comment::id).reversed()).toList();
            Web.page(ex, p[2], "<h1>Comments by " + Web.esc(p[2]) + "</h1>" + articles(mine));
        } else {
            Web.notFound(ex);
        }
    }

    // Postmill's comment markup, as WebArena-Lite's comment-tree helper reads it: data-level, the author link
    // (.fg-inherit), the time under .comment__main > header > h1 > span, the content and the net score; comment n is
    // posted n minutes after a fixed start, so later comments are newer
    private static String articles(List<SiteState.Comment> comments) {
        return comments.stream().map(c -> "<article class=\"comment\" data-level=\"1\" id=\"comment-" + c.id()
                + "\"><div class=\"comment__main\"><header><h1><span><a class=\"fg-inherit\" href=\"/user/"
                + Web.esc(c.user()) + "\">" + Web.esc(c.user()) + "</a> <time datetime=\""
                + java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * c.id()) + "\">"
                + c.id() + " minutes in</time></span></h1></header><div class=\"comment__body comment__content\">"
                + Web.esc(c.body()) + "</div><span class=\"vote__net-score\">1</span></div></article>")
                .collect(Collectors.joining());
    }
}
