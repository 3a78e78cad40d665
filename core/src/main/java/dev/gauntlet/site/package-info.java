/** The in-process HTTP server that serves built-in sites and task pages on the loopback interface. */
package dev.gauntlet.site;
