"""The `heuristic` baseline in Python: a twin of Gauntlet's Java HeuristicAgent, served over the remote protocol.

Run it, then the benchmark against it:

    python3 clients/python/examples/heuristic_agent.py --port 8765
    mvn verify -Psuite=miniwob -Dagent='remote:url=http://127.0.0.1:8765'

Each step it types the next quoted string of the instruction into the next empty text field, chooses an option a
quoted string names, clicks what a quoted string names (else the element sharing most words with the instruction),
then clicks a submit-like button once, and otherwise stops. It makes the same choices as the Java agent on the same
observation, so both score the same (a test checks it on the built-in MiniWoB tasks).
"""

import argparse
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import gauntlet_client as gc  # noqa: E402

QUOTED = re.compile("\"([^\"]+)\"|\u201c([^\u201d]+)\u201d|'([^']{2,})'")
WORD = re.compile("[a-z0-9]+")
STOP = {"the", "a", "an", "on", "in", "to", "and", "of", "into", "then", "click", "press", "select", "enter", "type",
        "field", "button", "text", "submit", "from", "with", "it", "is", "that", "this", "for", "all", "them", "link",
        "box", "below", "above", "list", "option", "your"}
SUBMIT = {"submit", "ok", "search", "login", "log in", "sign in", "done", "send", "next", "go", "confirm", "save"}
TEXT_INPUTS = {"", "text", "search", "email", "password", "tel", "url", "number", "date", "time"}
_CONTROL = "".join(chr(c) for c in range(33))  # what Java's String.trim() strips


def trim(s):
    return s.strip(_CONTROL)


def is_text_entry(e):
    if e["tag"] == "textarea":
        return True
    if e["tag"] != "input":
        return e["role"] in ("textbox", "searchbox") or (e["role"] == "combobox" and e["tag"] != "select")
    return e["attributes"].get("type", "") in TEXT_INPUTS


def quoted(instruction):
    return [g for m in QUOTED.finditer(instruction) for g in m.groups() if g is not None]


def words(text):
    out = {}
    for w in WORD.findall(text.lower()):
        if w not in STOP:
            out[w] = True
    return list(out)


class HeuristicAgent(gc.Agent):
    def __init__(self):
        self.clicked, self.filled, self.typed_values = set(), set(), set()
        self.submitted = False

    def act(self, obs):
        values = quoted(obs["goal"])
        visible = [e for e in obs["elements"] if e["bbox"][2] > 0 and e["bbox"][3] > 0]
        # 1. type quoted strings, in order, into empty text fields
        for value in values:
            if value in self.typed_values or self._clickable(visible, value) is not None:
                continue
            for e in visible:
                if is_text_entry(e) and e["interactive"] and e["value"] == "" and e["bid"] not in self.filled:
                    self.filled.add(e["bid"])
                    self.typed_values.add(value)
                    return "fill(%s, %s)" % (gc.quote(e["bid"]), gc.quote(value))
        # 2. choose a named option in a select
        for e in visible:
            if e["tag"] == "select" and e["bid"] not in self.filled:
                for o in obs["elements"]:
                    if o["role"] == "option" and any(trim(v).lower() == trim(o["name"]).lower() for v in values):
                        self.filled.add(e["bid"])
                        return "select_option(%s, %s)" % (gc.quote(e["bid"]), gc.quote(o["name"]))
        # 3. click what the instruction names
        for value in values:
            e = self._clickable(visible, value)
            if e is not None:
                self.clicked.add(e["bid"])
                return "click(%s)" % gc.quote(e["bid"])
        goal_words = set(words(obs["goal"]))
        best, best_score = None, 0.0
        for e in visible:
            if not e["interactive"] or is_text_entry(e) or e["bid"] in self.clicked or trim(e["name"]) == "":
                continue
            mine = words(e["name"])
            if not mine:
                continue
            score = sum(1 for w in mine if w in goal_words) / len(mine)
            if score > best_score:
                best, best_score = e, score
        if best is not None and best_score >= 0.5:
            self.clicked.add(best["bid"])
            return "click(%s)" % gc.quote(best["bid"])
        # 4. submit once
        if not self.submitted:
            for e in visible:
                if e["interactive"] and trim(e["name"].lower()) in SUBMIT:
                    self.submitted = True
                    self.clicked.add(e["bid"])
                    return "click(%s)" % gc.quote(e["bid"])
        return "send_msg_to_user('')"

    def _clickable(self, visible, value):
        for e in visible:
            if (e["interactive"] and not is_text_entry(e) and e["bid"] not in self.clicked
                    and trim(e["name"]).lower() == trim(value).lower()):
                return e
        return None


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port (printed)")
    args = parser.parse_args()
    gc.serve_agent(HeuristicAgent, host=args.host, port=args.port)
