#!/usr/bin/env python3
"""Times the default Kent plan end to end (load, score, model, solve to proven optimality, write
every output file) with the release binary, as a user runs it: `estate plan --quiet`.

Usage: python3 benchmarks/planning/kent_plan.py [--runs 20] [--estate .build/release/estate]
                                                [--scenario datasets/kent/buildings-only/scenario.yaml]
Without --scenario: the default, Kent's Family Hub Network (11 services, Family Hubs, outreach).
Prints the median and range of wall-clock seconds over the runs, and the solver's own seconds
from summary.json, with the status and gap that make the result a proven optimum.
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
args = parser.parse_args()
if not os.path.exists(args.estate):
    sys.exit(f"no estate binary at {args.estate}: run `swift build -c release` first")
walls, solves = [], []
with tempfile.TemporaryDirectory() as folder:
    out = os.path.join(folder, "plan")
    for _ in range(args.runs):
        start = time.perf_counter()
        scenario = [args.scenario] if args.scenario else []
        subprocess.run([args.estate, "plan", *scenario, "--quiet", "--out", out], cwd=root, check=True)
        walls.append(time.perf_counter() - start)
        with open(os.path.join(out, "summary.json")) as f:
            summary = json.load(f)
        solves.append(summary["seconds"])
print(f"Kent {args.scenario or 'default'} plan, {args.runs} runs: status {summary['status']}, gap {summary['gap']}, "
      f"objective {summary['objective']}")
print(f"end to end: median {statistics.median(walls):.3f} s (min {min(walls):.3f}, max {max(walls):.3f})")
print(f"planner (model + solve + tie-break): median {statistics.median(solves):.3f} s")
