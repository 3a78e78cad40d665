package dev.gauntlet.reports;

import dev.gauntlet.api.Config;
import dev.gauntlet.api.EpisodeResult;
import dev.gauntlet.api.RunInfo;
import dev.gauntlet.api.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultsCsvTests {

    @TempDir
    Path dir;

    @Test
    void writesTheFoundationColumnsThenTheNewOnesThenOneColumnPerJudge() throws Exception {
        RunInfo run = Fixtures.run(dir, Config.of(Map.of("gauntlet.judge", "webvoyager")), "replay");
        ResultsCsv csv = new ResultsCsv();
        csv.runStarted(run);
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals("suite,task,seed,agent,status,success,reward,steps,duration_ms,score,error,answer,tokens_in,"
                + "tokens_out,cost_usd,oracle,metrics,answer_check,judge:webvoyager", lines.get(0));
    }

    @Test
    void flushesEachEpisodeAsItEnds() throws Exception {
        RunInfo run = Fixtures.run(dir, Config.of(Map.of()), "replay");
        ResultsCsv csv = new ResultsCsv();
        csv.runStarted(run);
        csv.episodeFinished(run, Fixtures.passed("click-button", 0, "replay"));
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(2, lines.size(), "the row is on disk before the run ends");
        assertEquals("miniwob,click-button,0,replay,passed,true,0.9,2,1000,1.0,,42,10,5,0.25,success,,", lines.get(1));

        EpisodeResult broken = Fixtures.episode("enter-text", 1, "replay", EpisodeResult.Status.BROKEN, null);
        csv.episodeFinished(run, broken);
        lines = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals("miniwob,enter-text,1,replay,broken,false,,2,1001,,site down,42,10,5,0.25,,,", lines.get(2));
        csv.runFinished(run, List.of());
    }

    @Test
    void quotesValuesThatHoldCommasQuotesOrNewlines() throws Exception {
        RunInfo run = Fixtures.run(dir, Config.of(Map.of()), "replay");
        ResultsCsv csv = new ResultsCsv();
        csv.runStarted(run);
        csv.episodeFinished(run, Fixtures.episode("t", 0, "llm:model=a,b", EpisodeResult.Status.SKIPPED,
                Verdict.unscored("judge", "no \"judge\",\nset -Djudge=")));
        csv.runFinished(run, List.of());
        String text = Files.readString(dir.resolve("results.csv"));
        assertEquals(true, text.contains("\"llm:model=a,b\""), text);
        assertEquals(true, text.contains("\"no \"\"judge\"\",\nset -Djudge=\""), text);
    }
}
