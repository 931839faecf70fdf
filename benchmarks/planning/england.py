#!/usr/bin/env python3
"""England scale, side by side in one run: 35,000 areas x 3,000 sites, a travel.csv of about
27 million rows (every pair within 330 minutes, about 540 MB), max_coverage within 15 minutes
with exactly 300 sites.

- Estate: `estate plan` (the release binary), the whole process from reading the CSV files to
  writing every output file, with `travel: {horizon_minutes: 15}` so that the reader keeps only
  the pairs the plan can use; then the same with the binary travel cache filled (`--travel-cache`),
  and once without the horizon (every pair kept) to show what the horizon saves.
- pandas + HiGHS (`england_highs.py` beside this file): read the same CSV files, keep the pairs
  within 15 minutes, build the textbook MCLP, solve it with HiGHS to a zero gap.

Each run's peak memory is its own (`wait4`'s rusage). The travel file is read once first, so
that every run finds it in the page cache. Both objectives must agree. The instance is written
once into /tmp (never into the repository) and reused while its files exist.

Usage: python3 benchmarks/planning/england.py [--areas 35000 --sites 3000 --p 300 --radius 15
       --travel-minutes 180 --estate PATH --folder /tmp/estate-england]
Needs: pip install pandas numpy highspy (it says so, with a virtual environment's commands, before
doing anything when they are missing); `swift build -c release` (or pass --estate PATH).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))


def run(command):
    """Runs `command` and returns wall seconds, CPU seconds, peak MB (its own), stdout, stderr."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        text, errors = out.read().decode(), err.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(command)} failed ({code}):\n{text}\n{errors}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text, errors


def check_requirements(estate):
    """Stops at once, saying what to install, when the HiGHS side's Python packages or the Estate
    binary are missing, rather than after generating the instance and planning it (many minutes)."""
    import importlib.util
    missing = [name for name in ("pandas", "numpy", "highspy") if importlib.util.find_spec(name) is None]
    problems = []
    if missing:
        venv = os.path.join(tempfile.gettempdir(), "estate-bench-venv")
        problems.append(
            f"{sys.executable} cannot import {', '.join(missing)}, which the pandas + HiGHS side (england_highs.py) needs.\n"
            f"Install them for this Python (python3 -m pip install pandas numpy highspy), or into a virtual environment:\n"
            f"  python3 -m venv {venv}\n"
            f"  {venv}/bin/pip install pandas numpy highspy\n"
            f"  {venv}/bin/python {os.path.relpath(os.path.abspath(__file__))}")
    if not os.access(estate, os.X_OK):
        problems.append(f"no Estate binary at {estate}: run `swift build -c release` in {root}, or pass --estate PATH")
    if problems:
        sys.exit("england.py cannot run yet:\n" + "\n".join(problems))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--areas", type=int, default=35000)
    parser.add_argument("--sites", type=int, default=3000)
    parser.add_argument("--p", type=int, default=300)
    parser.add_argument("--radius", type=float, default=15)
    parser.add_argument("--travel-minutes", type=float, default=330)
    parser.add_argument("--estate", default=os.path.join(root, ".build/release/estate"))
    parser.add_argument("--folder", default=os.path.join(tempfile.gettempdir(), "estate-england"))
    parser.add_argument("--time-limit", type=float, default=900, help="solver time limit of both sides, seconds")
    parser.add_argument("--skip-all-pairs", action="store_true", help="skip the run that keeps every pair")
    args = parser.parse_args()
    check_requirements(args.estate)

    folder = f"{args.folder}-{args.areas}x{args.sites}-{args.travel_minutes:g}"
    if not os.path.exists(os.path.join(folder, "travel.csv")):
        shutil.rmtree(folder, ignore_errors=True)
        wall, _, _, out, _ = run([args.estate, "generate", "synthetic", "--areas", str(args.areas), "--sites", str(args.sites),
                                  "--seed", "1", "--travel-minutes", f"{args.travel_minutes:g}", "--out", folder])
        print(f"generated in {wall:.0f} s: {out.strip()}")
    size = os.path.getsize(os.path.join(folder, "travel.csv"))
    with open(os.path.join(folder, "travel.csv"), "rb") as f:
        rows = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b"")) - 1
    print(f"instance: {args.areas} areas x {args.sites} sites, travel.csv {rows:,} rows, {size / 1e6:.0f} MB "
          f"(in the page cache now); max_coverage within {args.radius:g} minutes, exactly {args.p} sites")

    def scenario(name, horizon):
        path = os.path.join(folder, name)
        with open(path, "w") as f:
            f.write(f"dataset: .\nobjective: max_coverage\ncoverage_minutes: {args.radius:g}\n"
                    + (f"travel: {{horizon_minutes: {args.radius:g}}}\n" if horizon else "")
                    + f"constraints:\n  sites: {{exactly: {args.p}}}\nsolver: {{time_limit_s: {args.time_limit:g}, mip_gap: 0}}\n")
        return path

    near, every = scenario("scenario.yaml", True), scenario("scenario-all-pairs.yaml", False)
    out = os.path.join(folder, "out")
    cache = os.path.join(folder, "travel-cache")
    shutil.rmtree(cache, ignore_errors=True)
    results = []

    def estate(label, path, extra=()):
        # --no-explain: this times the solve against a reference, not the explanations' re-solves.
        wall, cpu, peak, _, _ = run([args.estate, "plan", path, "--out", out, "--quiet", "--no-explain"] + list(extra))
        with open(os.path.join(out, "summary.json")) as f:
            summary = json.load(f)
        results.append((label, summary["status"], summary["objective"], summary["bound"], wall, cpu, peak, summary.get("phases")))

    estate("estate plan (horizon 15)", near)
    estate("estate plan, cache filled", near, ["--travel-cache", cache])
    estate("estate plan, from the cache", near, ["--travel-cache", cache])
    if not args.skip_all_pairs:
        estate("estate plan (every pair kept)", every)
    wall, cpu, peak, text, _ = run([sys.executable, os.path.join(here, "england_highs.py"), folder, f"{args.radius:g}", str(args.p),
                                    f"{args.time_limit:g}"])
    highs = json.loads(text.strip().splitlines()[-1])
    results.append(("pandas + HiGHS", highs["status"].lower(), highs["objective"], highs["bound"], wall, cpu, peak,
                    {"read_s": highs["read_s"], "model_s": highs["model_s"], "solve_s": highs["solve_s"]}))

    print(f"\n| run | status | objective | bound | wall s | CPU s | peak MB | phases (s) |\n|---|---|---|---|---|---|---|---|")
    for label, status, objective, bound, wall, cpu, peak, phases in results:
        detail = ", ".join(f"{k[:-2]} {v:.2f}" for k, v in (phases or {}).items() if k.endswith("_s"))
        print(f"| {label} | {status} | {objective:,.0f} | {bound:,.0f} | {wall:.2f} | {cpu:.2f} | {peak:.0f} | {detail} |")
    first, reference = results[0], results[-1]
    proven = [r for r in results if r[1] == "optimal"]
    for result in proven:
        if abs(result[2] - proven[0][2]) > 0.5:
            sys.exit(f"proven optima differ: {result[0]} {result[2]} vs {proven[0][0]} {proven[0][2]}")
    for result in results:
        for other in proven:
            if result[2] > other[2] + 0.5 or result[3] < other[2] - 0.5:
                sys.exit(f"{result[0]}'s objective {result[2]} or bound {result[3]} contradicts the optimum {other[2]}")
    print(f"\nobjectives and bounds consistent; pandas + HiGHS / Estate (horizon 15): wall {reference[4] / first[4]:.1f}x, "
          f"CPU {reference[5] / first[5]:.1f}x, peak memory {reference[6] / first[6]:.1f}x")


if __name__ == "__main__":
    main()
