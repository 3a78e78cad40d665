"""Gauntlet's Python client: serve a Python agent to the harness, or drive Gauntlet's suites as environments.

One file, standard library only (Python 3.8+). Copy it next to your code.

Agent server (the harness calls you; run with ``-Dagent=remote:url=http://127.0.0.1:8765``)::

    import gauntlet_client as gc

    class MyAgent(gc.Agent):
        def act(self, obs):                     # obs: BrowserGym-style dict (goal, url, axtree_txt, elements, ...)
            return "click('12')"                # or {"action": ..., "reasoning": ..., "usage": {...}}

    gc.serve_agent(MyAgent, port=8765)          # a fresh MyAgent per episode; a plain function obs -> str works too

Environment (you call the harness; start it with ``gauntlet serve``, see the README)::

    env = gc.Env("http://127.0.0.1:8766")
    obs, info = env.reset("miniwob", "click-button", seed=0)
    obs, reward, terminated, truncated, info = env.step("click('12')")
    env.close()

The wire format is ``clients/protocol/agent-protocol.json`` (agents) and ``env-protocol.json`` (environment).
"""

import json
import os
import sys
import threading
import traceback
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROTOCOL_VERSION = 1

__all__ = ["PROTOCOL_VERSION", "Agent", "make_agent_server", "serve_agent", "Env", "EnvError", "quote"]


def quote(text):
    """Quotes a string as an action argument, as the harness writes it: click(quote(bid))."""
    if text is None:
        return "None"
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


class Agent:
    """Base class of an agent: override act(); begin() and end() are optional. One instance serves one episode."""

    #: True to receive obs["screenshot"] (base64 PNG) at every step; screenshots cost time, so they are opt-in.
    wants_screenshots = False
    #: The grammar your actions are written in: "browsergym" (click('12')), "webarena" (click [12]) or "webshop".
    grammar = "browsergym"

    def begin(self, start):
        """Called with the start message: suite, task_id, instruction, seed, max_steps, grammar, tags."""

    def act(self, obs):
        """Returns the next action: a string, a (action, reasoning) pair, or a dict with action, reasoning, usage."""
        raise NotImplementedError

    def end(self, result):
        """Called with the verdict: status (passed/failed/broken/skipped/blocked), success, reward, score, steps, message."""


class _FunctionAgent(Agent):
    def __init__(self, fn):
        self._fn = fn

    def act(self, obs):
        return self._fn(obs)


def _factory(agent):
    if isinstance(agent, type) and issubclass(agent, Agent):
        return agent
    if isinstance(agent, Agent):
        raise TypeError("pass the Agent class (a fresh instance serves each episode), not an instance")
    if callable(agent):
        try:
            import inspect
            params = inspect.signature(agent).parameters
        except (TypeError, ValueError):
            params = {}
        if len(params) == 0:
            return agent  # a factory returning Agent instances
        return lambda: _FunctionAgent(agent)
    raise TypeError("serve_agent takes an Agent subclass, a factory, or a function obs -> action")


def _reply(result):
    if isinstance(result, dict):
        out = dict(result)
    elif isinstance(result, tuple) and len(result) == 2:
        out = {"action": result[0], "reasoning": result[1]}
    else:
        out = {"action": result}
    if not isinstance(out.get("action"), str):
        raise TypeError("act() must return an action string, got %r" % (out.get("action"),))
    out["protocol_version"] = PROTOCOL_VERSION
    return out


class _AgentHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # headers and body go out in two writes; without TCP_NODELAY the body waits for the harness's delayed ACK (40 ms)
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):  # quiet: the harness records every step
        pass

    def _send(self, status, payload):
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        try:
            length = int(self.headers.get("Content-Length") or 0)
            message = json.loads(self.rfile.read(length).decode("utf-8"))
            if not isinstance(message, dict) or not isinstance(message.get("episode_id"), str):
                raise ValueError("a message is a JSON object with an episode_id")
        except (ValueError, UnicodeDecodeError) as e:
            self._send(400, {"error": "malformed request: %s" % e})
            return
        if message.get("protocol_version") != PROTOCOL_VERSION:
            self._send(400, {"error": "protocol_version %r; this client speaks %d"
                                      % (message.get("protocol_version"), PROTOCOL_VERSION)})
            return
        server = self.server
        path = self.path.rstrip("/").rsplit("/", 1)[-1]
        episode = message["episode_id"]
        try:
            if path == "start":
                agent = server.factory()
                with server.lock:
                    server.episodes[episode] = agent
                agent.begin(message)
                self._send(200, {"protocol_version": PROTOCOL_VERSION,
                                 "screenshots": bool(agent.wants_screenshots), "grammar": agent.grammar})
            elif path in ("step", "end"):
                with server.lock:
                    agent = server.episodes.get(episode) if path == "step" else server.episodes.pop(episode, None)
                if agent is None:
                    self._send(404, {"error": "unknown episode %r" % episode})
                elif path == "step":
                    self._send(200, _reply(agent.act(message["obs"])))
                else:
                    agent.end(message)
                    self._send(200, {"protocol_version": PROTOCOL_VERSION})
            else:
                self._send(404, {"error": "no endpoint %r; POST start, step or end" % self.path})
        except Exception as e:  # the agent's own error: the harness records it as the step's error
            self._send(500, {"error": "%s: %s" % (type(e).__name__, e), "traceback": traceback.format_exc()})


def make_agent_server(agent, host="127.0.0.1", port=8765):
    """Returns an unstarted agent server (call serve_forever()); port 0 picks a free port (server.server_port)."""
    server = ThreadingHTTPServer((host, port), _AgentHandler)
    server.daemon_threads = True
    server.factory = _factory(agent)
    server.episodes = {}
    server.lock = threading.Lock()
    return server


def serve_agent(agent, host="127.0.0.1", port=8765):
    """Serves agent until interrupted; prints the URL to give as -Dagent=remote:url=... once listening."""
    server = make_agent_server(agent, host, port)
    print("gauntlet agent listening on http://%s:%d" % (host, server.server_port), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


class EnvError(Exception):
    """The environment server refused a call; status is the HTTP status (404: unknown session)."""

    def __init__(self, status, message):
        super().__init__("HTTP %d: %s" % (status, message))
        self.status = status


class Env:
    """One episode at a time of a Gauntlet suite, served by ``gauntlet serve``; reward is the suite's oracle.

    reset() returns (obs, info); step() returns (obs, reward, terminated, truncated, info) as Gymnasium does.
    The token, when the server needs one, comes from the argument or the GAUNTLET_SERVE_TOKEN variable.
    """

    def __init__(self, url="http://127.0.0.1:8766", token=None, timeout=120.0):
        self.url = url.rstrip("/")
        self.token = token if token is not None else os.environ.get("GAUNTLET_SERVE_TOKEN")
        self.timeout = timeout
        self.session = None

    def _call(self, path, payload=None):
        data = None if payload is None else json.dumps(dict(payload, protocol_version=PROTOCOL_VERSION)).encode()
        request = urllib.request.Request(self.url + path, data=data, method="GET" if data is None else "POST")
        request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            try:
                message = json.loads(e.read().decode("utf-8")).get("error", "")
            except ValueError:
                message = e.reason
            raise EnvError(e.code, message) from None

    def tasks(self, suite):
        """Returns the suite's tasks: [{"id", "instruction", "tags", "max_steps"}, ...]."""
        return self._call("/suites/%s/tasks" % urllib.request.quote(suite, safe=""))["tasks"]

    def reset(self, suite, task, seed=0, screenshots=False):
        """Starts an episode (closing this Env's previous one); returns (obs, info)."""
        if self.session is not None:
            self.close()
        reply = self._call("/reset", {"suite": suite, "task": task, "seed": seed, "screenshots": screenshots})
        self.session = reply["session"]
        return reply["obs"], reply.get("info", {})

    def step(self, action):
        """Performs one action (text in the suite's grammar); returns (obs, reward, terminated, truncated, info)."""
        if self.session is None:
            raise EnvError(409, "call reset() first")
        r = self._call("/step", {"session": self.session, "action": action})
        return r["obs"], r["reward"], r["terminated"], r["truncated"], r.get("info", {})

    def close(self):
        """Ends the episode and frees its browser page; safe to call twice."""
        if self.session is not None:
            session, self.session = self.session, None
            try:
                self._call("/close", {"session": session})
            except EnvError as e:
                if e.status != 404:
                    raise


if __name__ == "__main__":
    sys.exit("import gauntlet_client; see the module's docstring")
