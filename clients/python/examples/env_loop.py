"""Drives Gauntlet suites as environments from Python: several sessions at once, each an episode played by a policy.

    python3 clients/python/examples/env_loop.py --url http://127.0.0.1:8766 --suite miniwob \
        --tasks click-button,enter-text --seeds 0,1 --concurrency 16

The policy is the heuristic agent of heuristic_agent.py (any function obs -> action text works). Prints one JSON line
per episode (task, seed, reward, steps, terminated, truncated, outcome), then a summary line.
"""

import argparse
import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import gauntlet_client as gc  # noqa: E402
from heuristic_agent import HeuristicAgent  # noqa: E402


def play(url, suite, task, seed):
    env = gc.Env(url)
    policy = HeuristicAgent()
    obs, info = env.reset(suite, task, seed=seed)
    steps, reward, terminated, truncated = 0, 0.0, False, False
    while not (terminated or truncated):
        obs, reward, terminated, truncated, info = env.step(policy.act(obs))
        steps += 1
    env.close()
    verdict = info.get("verdict", {})
    return {"task": task, "seed": seed, "reward": reward, "steps": steps, "terminated": terminated,
            "truncated": truncated, "outcome": verdict.get("outcome")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8766")
    parser.add_argument("--suite", default="miniwob")
    parser.add_argument("--tasks", default="", help="comma-separated task ids (default: all of the suite)")
    parser.add_argument("--seeds", default="0")
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    tasks = args.tasks.split(",") if args.tasks else [t["id"] for t in gc.Env(args.url).tasks(args.suite)]
    jobs = [(t, int(s)) for t in tasks for s in args.seeds.split(",")]
    lock, results, errors = threading.Lock(), [], []

    def worker():
        while True:
            with lock:
                if not jobs:
                    return
                task, seed = jobs.pop(0)
            try:
                r = play(args.url, args.suite, task, seed)
            except Exception as e:  # report, keep going
                with lock:
                    errors.append("%s seed %d: %s" % (task, seed, e))
                continue
            with lock:
                results.append(r)
                print(json.dumps(r), flush=True)

    t0 = time.time()
    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    steps = sum(r["steps"] for r in results)
    print(json.dumps({"summary": True, "episodes": len(results), "steps": steps, "errors": errors,
                      "seconds": round(time.time() - t0, 3)}), flush=True)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
