/**
 * The live-web benchmarks in one place: WebVoyager and Online-Mind2Web (task files, tags, WebVoyager's grammar, the
 * reachability check before a site's episodes, the host fence, bot walls recognised as blocked episodes, the region
 * hints for the manifest, golden answers checked apart from the score), scored by their judges; and the built-in
 * offline WebVoyager-format sample against three sites written for Gauntlet.
 */
package dev.gauntlet.suites.webvoyager;
