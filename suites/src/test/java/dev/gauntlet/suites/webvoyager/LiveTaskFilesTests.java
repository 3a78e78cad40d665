package dev.gauntlet.suites.webvoyager;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The live-web task formats, as WebVoyager and Online-Mind2Web publish them; a bad entry is named, the rest load. */
class LiveTaskFilesTests {

    @Test
    void webVoyagerLinesLoadAndABadLineIsNamedByFileLineAndField() throws Exception {
        String file = """
                {"web_name": "Allrecipes", "id": "Allrecipes--0", "ques": "Find a recipe.", "web": "https://www.allrecipes.com/"}
                {"web_name": "Allrecipes", "id": "Allrecipes--1", "web": "https://www.allrecipes.com/"}
                not json

                {"web_name": "Booking", "id": "Booking--0", "ques": "Book a room.", "web": "https://www.booking.com/"}
                """;
        List<String> problems = new ArrayList<>();
        List<LiveTask> tasks = LiveTaskFiles.webVoyager(new BufferedReader(new StringReader(file)), "data.jsonl",
                (where, what) -> problems.add(where + ": " + what));
        assertEquals(List.of("Allrecipes--0", "Booking--0"), tasks.stream().map(LiveTask::id).toList());
        assertEquals("data.jsonl:2: field 'ques' is missing", problems.get(0));
        assertEquals(true, problems.get(1).startsWith("data.jsonl:3: not valid JSON"));
        assertEquals(2, problems.size());
    }

    @Test
    void referenceAnswersAreKeyedBySiteAndNumber() throws Exception {
        var root = LiveTaskFiles.JSON.readTree("""
                {"Allrecipes": {"answers": [{"id": 0, "type": "golden", "ans": "Vegan Lasagna II"},
                                            {"id": 1, "type": "possible", "ans": "any pasta"},
                                            {"id": 2, "type": "maybe", "ans": "?"}]}}""");
        List<String> problems = new ArrayList<>();
        Map<String, ReferenceAnswer> answers = LiveTaskFiles.answers(root, "answers.json",
                (where, what) -> problems.add(where + ": " + what));
        assertEquals(new ReferenceAnswer(ReferenceAnswer.Type.GOLDEN, "Vegan Lasagna II"), answers.get("Allrecipes--0"));
        assertEquals(ReferenceAnswer.Type.POSSIBLE, answers.get("Allrecipes--1").type());
        assertEquals(List.of("answers.json Allrecipes.answers[2]: field 'type' is 'maybe', not golden or possible"),
                problems);
    }

    @Test
    void onlineMind2WebTasksCarryTheirLevelAndSite() throws Exception {
        var root = LiveTaskFiles.JSON.readTree("""
                [{"task_id": "a1", "confirmed_task": "Find a tent.", "website": "https://www.rei.com/",
                  "reference_length": 6, "level": "medium"},
                 {"task_id": "a2", "confirmed_task": "Find a bike.", "website": "https://www.rei.com/", "level": "epic"}]""");
        List<String> problems = new ArrayList<>();
        List<LiveTask> tasks = LiveTaskFiles.onlineMind2Web(root, "tasks.json", (w, m) -> problems.add(w + ": " + m));
        assertEquals(1, tasks.size());
        assertEquals("medium", tasks.get(0).level());
        assertEquals("www.rei.com", tasks.get(0).site());
        assertEquals(6, tasks.get(0).referenceLength());
        assertEquals(List.of("tasks.json [1] task_id a2: field 'level' is 'epic', not easy, medium or hard"), problems);
    }

    @Test
    void theFenceAllowsTheSitesDomainAndSubdomainsAndWhatIsConfigured() {
        assertEquals(java.util.Set.of("allrecipes.com", "*.allrecipes.com", "cdn.example.net"),
                LiveWebTasks.hosts("https://www.allrecipes.com/recipes", List.of("cdn.example.net")));
        assertEquals(java.util.Set.of("*"), LiveWebTasks.hosts("https://www.allrecipes.com/", List.of("*")));
    }
}
