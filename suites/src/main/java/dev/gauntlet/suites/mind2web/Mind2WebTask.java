package dev.gauntlet.suites.mind2web;

import java.util.List;

/**
 * One annotated task of the dataset.
 *
 * @param annotationId  the task's id
 * @param website       the website's name
 * @param domain        its domain (Travel, Shopping, Entertainment, ...)
 * @param subdomain     its subdomain
 * @param confirmedTask the task description
 * @param actionReprs   one readable line per action ({@code [button]  Search -> CLICK})
 * @param steps         the annotated actions, in order
 */
record Mind2WebTask(String annotationId, String website, String domain, String subdomain, String confirmedTask,
                    List<String> actionReprs, List<Mind2WebStep> steps) {

    Mind2WebTask {
        website = website == null ? "" : website;
        domain = domain == null ? "" : domain;
        subdomain = subdomain == null ? "" : subdomain;
        actionReprs = List.copyOf(actionReprs);
        steps = List.copyOf(steps);
    }
}
