/**
 * {@code gauntlet serve}: every suite as a gym-style environment over HTTP ({@code reset}, {@code step},
 * {@code close}), with the suite's oracle as reward, on a pool of browsers; see {@code clients/protocol/env-protocol.json}.
 */
package dev.gauntlet.serve;
