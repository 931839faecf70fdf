#!/usr/bin/env python3
"""Estate's min_travel against HiGHS on the textbook x_ij p-median model, side by side in one run.

For each size (areas x sites, p = sites / 9 unless given), generates a seeded county (the same
generator as compare_spopt.py: areas and sites clustered around towns in a Kent-sized box, minutes
from great-circle distance x 1.3 at 30 km/h, rounded to 3 decimals), writes it as an Estate
dataset with travel.csv holding every pair within 45 minutes, and solves
    objective: min_travel, constraints: {sites: {exactly: p}, max_minutes: 45}
- with `estate plan` (the release binary): the whole process, reading CSV to writing every file;
- with HiGHS (highspy) on the textbook model of benchmarks/oracle/highs_oracle.py: x_ij for every
  pair within 45 minutes, x_ij <= y_j, sum_j x_ij = 1, sum_j y_j = p; HiGHS's solve alone is
  timed (building the model in Python is not).
Wall-clock seconds and CPU seconds are both reported: on a shared machine the CPU time is the
steadier measure (GLPK is single-threaded; HiGHS's CPU time counts all its threads).
Both minimise the sum of children x minutes to the nearest kept site; the script checks that both
proofs agree on the optimum and prints per-instance and total ratios.

Usage: python3 benchmarks/planning/min_travel_highs.py [--sizes 1000x110,3000x280] [--time-limit 600]
Needs: pip install highspy numpy; `swift build -c release` (or --estate PATH).
"""
import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "oracle"))
from compare_spopt import make_instance, write_dataset  # noqa: E402
import highs_oracle  # noqa: E402

HORIZON = 45.0
TARGETS = "1000x110,1500x160,2000x220,2500x250,3000x280"


def run_estate(binary, folder, p, time_limit):
    with open(os.path.join(folder, "scenario.yaml"), "w") as f:
        f.write(f"dataset: .\nobjective: min_travel\ncoverage_minutes: 15\n"
                f"constraints:\n  sites: {{exactly: {p}}}\n  max_minutes: {HORIZON:g}\n"
                f"solver: {{time_limit_s: {time_limit}, mip_gap: 0}}\n")
    out = os.path.join(folder, "out")
    start, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    # --no-explain: this times the solve against a reference, not the explanations' re-solves.
    proc = subprocess.run([binary, "plan", os.path.join(folder, "scenario.yaml"), "--out", out, "--quiet", "--no-explain"],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime
    if proc.returncode not in (0, 2, 3):
        sys.exit(f"estate failed ({proc.returncode}): {proc.stderr}")
    summary = {"status": "no plan", "objective": None, "bound": None}
    if os.path.exists(os.path.join(out, "summary.json")):
        with open(os.path.join(out, "summary.json")) as f:
            summary = json.load(f)
    return seconds, cpu_seconds, summary


def run_highs(minutes, kids, p, time_limit):
    d = np.where(minutes <= HORIZON, minutes, np.inf)
    inst = dict(problem="pmedian", n=d.shape[0], m=d.shape[1], p=p, radius=0.0, budget=None,
                weights=[float(k) for k in kids], sitecosts=None, d=d.tolist())
    timing = {}
    status, value = highs_oracle.solve(inst, time_limit=time_limit, timing=timing)
    return timing.get("seconds", float("nan")), timing.get("cpu", float("nan")), status, value


def sizes(text):
    """(areas, sites, p) per AREASxSITES[:P] entry, p = sites / 9 unless given."""
    for size in text.split(","):
        shape, _, given_p = size.partition(":")
        areas, sites = (int(v) for v in shape.split("x"))
        yield areas, sites, int(given_p) if given_p else round(sites / 9)


def export(args):
    """Writes each instance as `AREASxSITES.pmed`: a line `clients sites p`, one weight per client,
    then `client site minutes` for every pair within the horizon (the pairs `estate plan` reads)."""
    os.makedirs(args.export, exist_ok=True)
    for areas, sites, p in sizes(args.sizes):
        _, _, kids, _, _, minutes = make_instance(areas, sites, args.seed)
        rows = np.argwhere(minutes <= HORIZON)
        with open(os.path.join(args.export, f"{areas}x{sites}.pmed"), "w") as f:
            f.write(f"{areas} {sites} {p}\n")
            f.writelines(f"{k}\n" for k in kids)
            f.writelines(f"{i} {j} {minutes[i, j]:.3f}\n" for i, j in rows)
        print(f"{areas}x{sites}: p = {p}, {len(rows)} pairs")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=TARGETS, help="comma-separated AREASxSITES[:P] (p = sites / 9 by default)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--time-limit", type=float, default=600)
    parser.add_argument("--skip-highs", action="store_true", help="run Estate alone")
    parser.add_argument("--export", metavar="FOLDER",
                        help="only write each instance as a p-median file for `swift run -c release --package-path "
                             "benchmarks counties FOLDER` (formulations side by side) and stop")
    parser.add_argument("--estate", default=os.path.join(HERE, "..", "..", ".build", "release", "estate"))
    args = parser.parse_args()
    if args.export:
        export(args)
        return
    if not os.path.exists(args.estate):
        sys.exit(f"no estate binary at {args.estate}: run `swift build -c release` first")
    print(f"{'instance':<16}{'p':>4}{'pairs':>9}  {'estate':<9}{'objective':>14}{'gap':>9}{'s':>8}{'cpu s':>8}  "
          f"{'HiGHS':<9}{'objective':>14}{'s':>8}{'cpu s':>8}  {'ratio':>6}{'cpu':>6}")
    total_estate = total_highs = cpu_estate = cpu_highs = 0.0
    agree = True
    for areas, sites, p in sizes(args.sizes):
        alat, alon, kids, slat, slon, minutes = make_instance(areas, sites, args.seed)
        with tempfile.TemporaryDirectory() as folder:
            pairs = write_dataset(folder, alat, alon, kids, slat, slon, minutes, 15, p, HORIZON)
            estate_seconds, estate_cpu, summary = run_estate(args.estate, folder, p, args.time_limit)
        total_estate += estate_seconds
        cpu_estate += estate_cpu
        ours = summary.get("objective")
        line = (f"{areas}x{sites:<10}{p:>4}{pairs:>9}  {summary['status']:<9}"
                f"{ours if ours is not None else float('nan'):>14.1f}{summary.get('gap') or 0:>9.2e}{estate_seconds:>8.2f}{estate_cpu:>8.2f}")
        if args.skip_highs:
            print(line)
            continue
        highs_seconds, highs_cpu, status, value = run_highs(minutes, kids, p, args.time_limit)
        total_highs += highs_seconds
        cpu_highs += highs_cpu
        same = (summary["status"] == "optimal" and status == "optimal" and ours is not None and value is not None
                and math.isclose(ours, value, rel_tol=1e-6))
        agree = agree and same
        shown = value if value is not None else float("nan")
        print(f"{line}  {status:<9}{shown:>14.1f}{highs_seconds:>8.2f}{highs_cpu:>8.2f}  "
              f"{highs_seconds / estate_seconds:>5.1f}x{highs_cpu / estate_cpu:>5.1f}x"
              + ("" if same else "  (optima differ or not proven)"))
    if not args.skip_highs:
        print(f"total: estate {total_estate:.1f} s wall, {cpu_estate:.1f} s CPU (whole runs); HiGHS {total_highs:.1f} s wall, "
              f"{cpu_highs:.1f} s CPU (solves only): {total_highs / total_estate:.2f}x wall, {cpu_highs / cpu_estate:.2f}x CPU; "
              f"{'all proven optimal and equal' if agree else 'NOT all proven and equal'}")
        sys.exit(0 if agree else 1)


if __name__ == "__main__":
    main()
