package dev.gauntlet.agents.djl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the value head chooses among: copies of what the instruction says, never free text. */
class ValueCandidatesTests {

    @Test
    void quotedSpansComeFirstInTheirOrderEachOnce() {
        assertEquals(List.of("kira77", "velvet512"),
                ValueCandidates.texts("Log in with username \"kira77\" and password \"velvet512\" (\"kira77\").", true));
    }

    @Test
    void aDateNamedInWordsIsAlsoOfferedInEachNumericFormat() {
        // the built-in enter-date names the date in words and quotes the format to type it in
        List<String> c = ValueCandidates.texts("Enter the date \"March 5, 2017\" as \"DD.MM.YYYY\" and press Submit.",
                true);
        assertEquals(List.of("March 5, 2017", "DD.MM.YYYY", "03/05/2017", "05.03.2017", "2017-03-05"), c);
    }

    @Test
    void aNumericDateIsOfferedInTheOtherFormatsAndOnlyOnce() {
        // a type=date input takes YYYY-MM-DD whatever the instruction wrote
        List<String> c = ValueCandidates.texts("Enter 11/04/2015 as the date in the text field.", false);
        assertFalse(c.contains("2015-11-04"), "without date values only the words are offered");
        c = ValueCandidates.texts("Enter 11/04/2015 as the date in the text field.", true);
        assertTrue(c.containsAll(List.of("11/04/2015", "04.11.2015", "2015-11-04")), c.toString());
        assertEquals(1, c.stream().filter("11/04/2015"::equals).count());
    }

    @Test
    void withoutDateValuesADateInWordsIsOnlyItsQuotedSpan() {
        assertEquals(List.of("March 5, 2017", "DD.MM.YYYY"),
                ValueCandidates.texts("Enter the date \"March 5, 2017\" as \"DD.MM.YYYY\" and press Submit.", false));
    }

    @Test
    void anInstructionQuotingNothingOffersItsWordSpansAsWrittenAndInLowerCase() {
        // Mind2Web's typed values are the task's words, often lower-cased ("lentil chili" for "Smoky Lentil Chili")
        List<String> c = ValueCandidates.texts("How many reviews does the Smoky Lentil Chili recipe have on Home Kitchen?",
                true);
        assertTrue(c.containsAll(List.of("Smoky Lentil Chili", "lentil chili", "Kitchen", "home kitchen")), c.toString());
        assertFalse(c.contains("Kitchen?"), "punctuation at a word's edge is not part of a value");
        assertTrue(ValueCandidates.texts("Change the price of the Dome Tent to 129.99.", true).contains("129.99"));
        assertTrue(ValueCandidates.texts("Look up 'ephemeral' in WordHoard.", true).contains("ephemeral"));
    }

    @Test
    void spansAreAtMostThreeWordsAndTheWholeInstructionIsOneMoreCandidate() {
        List<ValueCandidates.Candidate> c = ValueCandidates.of("One two three four", true);
        assertTrue(c.stream().anyMatch(x -> x.text().equals("two three four")));
        assertTrue(c.stream().filter(x -> x.kind() == ValueCandidates.Kind.SPAN)
                .allMatch(x -> x.text().split(" ").length <= 3));
        assertEquals(List.of("one two three four"), c.stream().filter(x -> x.kind() == ValueCandidates.Kind.WHOLE)
                .map(ValueCandidates.Candidate::text).toList(), "lower-cased, as WebShop's rule baseline searches it");
    }
}
