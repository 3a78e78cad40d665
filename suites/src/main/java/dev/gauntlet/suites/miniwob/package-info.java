/** The MiniWoB suite: built-in protocol-compatible task pages and upstream MiniWoB++ pages, one episode per seed. */
package dev.gauntlet.suites.miniwob;
