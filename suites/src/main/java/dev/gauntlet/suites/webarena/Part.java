package dev.gauntlet.suites.webarena;

import java.util.Map;

/** The score of one eval type and what it rests on. */
record Part(String type, double score, String explanation, Map<String, Object> evidence) {}
