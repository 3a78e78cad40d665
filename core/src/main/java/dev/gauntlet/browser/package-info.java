/**
 * Browser runtime on Playwright: finding a Chromium, one browser per worker thread, isolated contexts fenced to a
 * task's origins, observations with stable element ids, and generic actions performed through input APIs only.
 */
package dev.gauntlet.browser;
