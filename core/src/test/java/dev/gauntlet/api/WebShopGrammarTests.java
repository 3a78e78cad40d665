package dev.gauntlet.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebShopGrammarTests {

    private static Action p(String text) {
        return ActionGrammar.webShop().parse(text);
    }

    @Test
    void searchAndClickAreWebShopsNativeActionsWithTheValueAsWritten() {
        assertEquals(new Action.Native("webshop", "search[Red Socks]"), p("search[Red Socks]"));
        assertEquals(new Action.Native("webshop", "click[buy now]"), p("Click[buy now]"));
        assertEquals(new Action.Native("webshop", "click[next >]"), p("The results go on.\nAction: click[next >]"));
        assertEquals(new Action.Native("webshop", "click[b0abc]"), p("```click[b0abc]```"));
    }

    @Test
    void otherTextIsReadAsAGenericCall() {
        assertEquals(new Action.Click("12"), p("click('12')"));
        assertEquals(new Action.Answer(""), p("send_msg_to_user('')"));
    }

    @Test
    void anythingElseIsInvalidAndTheReasonNamesTheForms() {
        Action.Invalid invalid = assertInstanceOf(Action.Invalid.class, p("buy[now]"));
        assertTrue(invalid.reason().contains("search[keywords]") && invalid.reason().contains("click[value]"),
                invalid.reason());
        Action.Invalid badCall = assertInstanceOf(Action.Invalid.class, p("fill('3')"));
        assertTrue(badCall.reason().endsWith("fill: missing argument 2"), badCall.reason());
    }
}
