/**
 * The small built-in sites the offline WebArena sample runs against: a shop (with the slice of Magento's REST API
 * the {@code func:} helpers read), its admin, and a forum laid out like Postmill's URLs. State is kept per browser
 * session (a cookie), so episodes never see each other's orders, prices or comments.
 */
package dev.gauntlet.suites.webarena.site;
