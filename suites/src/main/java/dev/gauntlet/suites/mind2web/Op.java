package dev.gauntlet.suites.mind2web;

/** Mind2Web's three operations; the dataset's {@code original_op} HOVER and ENTER come as {@code CLICK}. */
enum Op { CLICK, TYPE, SELECT }
