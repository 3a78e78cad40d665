package dev.gauntlet.suites.mind2web;

import dev.gauntlet.api.Action;
import dev.gauntlet.api.Observation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The episode is MindAct's teacher-forced evaluation: every step starts from the gold state, whatever was answered. */
class Mind2WebEpisodeTests {

    private static Mind2WebEpisode episode(Mind2WebTask t, int topK, Ranking ranking, long seed) {
        return new Mind2WebEpisode(t, new Mind2WebOracle(Mind2WebReader.withoutPages(t), "test_task", topK, ranking), seed);
    }

    @Test
    void eachStepShowsTheTaskTheGoldActionsBeforeItTheCleanedHtmlAndTheCandidates() throws Exception {
        Mind2WebTask t = TaskJson.task(DatasetFiles.task("t", "w", "d", "CLICK", "TYPE:red"));
        Mind2WebEpisode e = episode(t, 50, null, 1);
        Observation first = e.observe();
        assertEquals("Do the t errand on w.", first.instruction());
        assertEquals(List.of(), first.extras().get("previous_actions"));
        assertTrue(first.html().contains("backend_node_id=\"p0\""));
        assertEquals(List.of("n0a", "n0b", "p0"), first.elements().stream().map(x -> x.id()).sorted().toList());
        assertEquals("Thing 0", first.element("p0").orElseThrow().name(), "text read from the cleaned HTML");
        assertTrue(first.axtree().contains("[p0] button \"Thing 0\""), first.axtree());
        // a wrong answer does not change what comes next
        assertEquals(null, e.act(new Action.Click("n0a")));
        assertFalse(e.done());
        Observation second = e.observe();
        assertEquals(List.of("[button]  Thing 0 -> CLICK"), second.extras().get("previous_actions"));
        assertTrue(second.html().contains("backend_node_id=\"p1\""));
        e.act(new Action.Noop(0));
        assertTrue(e.done());
    }

    @Test
    void aCandidateWithoutTextIsNamedByWhatLabelsIt() {
        assertEquals("Flying from", Mind2WebEpisode.name("", Map.of("placeholder", "Flying from", "name", "from")));
        assertEquals("Search", Mind2WebEpisode.name(" ", Map.of("aria_label", "Search")));
        assertEquals("Go", Mind2WebEpisode.name("Go", Map.of("aria_label", "Search")));
    }

    @Test
    void withARankingOnlyTheTopKCandidatesAreShown() throws Exception {
        Mind2WebTask t = TaskJson.task(DatasetFiles.task("t", "w", "d", "CLICK"));
        Ranking ranking = new Ranking(Map.of("t_t-u0", Map.of("p0", 1, "n0a", 0, "n0b", 2)));
        assertEquals(List.of("n0a", "p0"), episode(t, 2, ranking, 1).observe().elements().stream()
                .map(x -> x.id()).sorted().toList());
    }

    @Test
    void theCandidatesOrderDependsOnTheSeedNotOnTheDatasetsPositivesFirstOrder() throws Exception {
        Mind2WebTask t = TaskJson.task(DatasetFiles.task("t", "w", "d", "CLICK"));
        java.util.Set<List<String>> orders = new java.util.HashSet<>();
        for (long seed = 0; seed < 12; seed++) {
            orders.add(episode(t, 50, null, seed).candidates(0).stream().map(Candidate::backendNodeId).toList());
        }
        assertTrue(orders.size() > 1, "the same order for every seed");
        assertEquals(episode(t, 50, null, 3).candidates(0), episode(t, 50, null, 3).candidates(0));
    }

    @Test
    void theDemonstrationIsEachStepsGoldOperationOnItsPositive() throws Exception {
        Mind2WebTask t = TaskJson.task(DatasetFiles.task("t", "w", "d", "CLICK", "TYPE:red shoes", "SELECT:Large"));
        assertEquals(List.of(new Action.Click("p0"), new Action.Type("p1", "red shoes"),
                new Action.Select("p2", List.of("Large"))), episode(t, 50, null, 1).demonstration());
        assertNotEquals(List.of(), episode(t, 50, null, 1).demonstration());
    }
}
