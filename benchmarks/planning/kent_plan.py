#!/usr/bin/env python3
"""Times the default Kent plan end to end (load, score, model, solve to proven optimality, explain,
write every output file) with the release binary, as a user runs it: `estate plan --quiet`.

Usage: python3 benchmarks/planning/kent_plan.py [--runs 20] [--estate .build/release/estate]
                                                [--scenario datasets/kent/buildings-only/scenario.yaml]
                                                [--baseline an/older/estate] [-- extra estate plan options]
Without --scenario: the default, Kent's Family Hub Network (11 services, Family Hubs, outreach).
Prints the median and range of wall-clock and CPU seconds (user + system) over the runs, the
phases from summary.json (solve and explanations), with the status and gap that make the result a
proven optimum, and the load average before and after. With --baseline, runs alternate between the
two binaries (so both see the same load) and the explanations they wrote are compared.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("--runs", type=int, default=20)
parser.add_argument("--estate", default=os.path.join(root, ".build", "release", "estate"))
parser.add_argument("--scenario", help="a scenario file instead of the default")
parser.add_argument("--baseline", help="another estate binary, run alternately with --estate")
parser.add_argument("extra", nargs="*", help="further `estate plan` options (after --)")
args = parser.parse_args()
binaries = {"estate": args.estate}
if args.baseline:
    binaries = {"baseline": args.baseline, "estate": args.estate}
for path in binaries.values():
    if not os.path.exists(path):
        sys.exit(f"no estate binary at {path}: run `swift build -c release` first")


def run(binary, out):
    """One run: wall and CPU seconds, and its summary.json."""
    scenario = [args.scenario] if args.scenario else []
    start = time.perf_counter()
    process = subprocess.Popen([binary, "plan", *scenario, "--quiet", "--out", out, *args.extra], cwd=root)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{binary} exited with status {status}")
    with open(os.path.join(out, "summary.json")) as f:
        return wall, usage.ru_utime + usage.ru_stime, json.load(f)


load_before = os.getloadavg()[0]
results = {name: [] for name in binaries}
with tempfile.TemporaryDirectory() as folder:
    for _ in range(args.runs):
        for name, binary in binaries.items():
            results[name].append(run(binary, os.path.join(folder, name)))
load_after = os.getloadavg()[0]


def median(values):
    return f"{statistics.median(values):.3f} s (min {min(values):.3f}, max {max(values):.3f})"


for name, runs in results.items():
    summary = runs[-1][2]
    phases = [r[2].get("phases", {}) for r in runs]
    explanation = summary.get("explanations") or {}
    print(f"{name}: Kent {args.scenario or 'default'} plan, {args.runs} runs: status {summary['status']}, "
          f"gap {summary['gap']}, objective {summary['objective']}, re-solves {explanation.get('resolves')}")
    print(f"  end to end: median {median([r[0] for r in runs])}")
    print(f"  CPU (user + system): median {median([r[1] for r in runs])}")
    for phase in ["solve_s", "explain_s", "write_s"]:
        values = [p[phase] for p in phases if phase in p]
        if values:
            print(f"  {phase}: median {statistics.median(values):.3f} s")
if args.baseline:
    def figures(summary):
        explanation = dict(summary.get("explanations") or {})
        explanation.pop("seconds", None)
        return json.dumps(explanation, sort_keys=True)
    same = figures(results["baseline"][-1][2]) == figures(results["estate"][-1][2])
    print(f"explanations identical: {same}")
print(f"load average (1 min): {load_before:.2f} before, {load_after:.2f} after")
