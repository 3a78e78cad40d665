/** MiniWoB's oracle: the page's own reward under the binary, raw (BrowserGym) or time-scaled rule. */
package dev.gauntlet.evaluators.miniwob;
