#!/usr/bin/env python3
"""Capacitated p-median references through `estate plan` with `capacity: single`.

Each instance (OR-Library pmedcap01-20, Osman & Christofides; Lorena & Senne's SJC1-SJC4b)
is converted, in a temporary folder, into an Estate dataset (every point is an area with
`children: 1` and its demand as `usage.csv` visits, and a site with the common capacity and
no cost) and a scenario (`min_travel`, `sites: {exactly: p}`, `capacity: single`), with the
distances as `travel.csv` minutes: floor of the Euclidean distance for pmedcap, as published,
and the Euclidean distance itself for SJC (in hundreds of metres, as travel.csv minutes stop at
a day; objectives are scaled back). The published values come from the reference
folder's `optima.csv` / `best_known.csv`; nothing is copied into the repository.

Usage: cpmp.py ESTATE_BINARY REFERENCE_ROOT [--time-limit S] [INSTANCE ...]
"""
import csv
import json
import math
import os
import resource
import subprocess
import sys
import tempfile


def read_pmedcap(path):
    tokens = open(path).read().split()
    n, p, q = int(tokens[2]), int(tokens[3]), float(tokens[4])
    points = []
    for k in range(n):
        _, x, y, d = tokens[5 + 4 * k: 9 + 4 * k]
        points.append((float(x), float(y), float(d), q))
    return p, points, lambda a, b: float(math.floor(math.dist(a, b)))


def read_sjc(path):
    tokens = open(path).read().split()
    n, p = int(tokens[0]), int(tokens[1])
    points = []
    for k in range(n):
        x, y, q, d = tokens[2 + 4 * k: 6 + 4 * k]
        points.append((float(x), float(y), float(d), float(q)))
    # Minutes are at most a day (1,440) in Estate's travel.csv: SJC's metres enter as hundreds
    # of metres, and objectives are scaled back.
    return p, points, lambda a, b: math.dist(a, b) / 100


def write_instance(folder, p, points, distance, time_limit):
    """An Estate dataset and scenario for one instance; returns the scenario path."""
    n = len(points)
    xs = [pt[0] for pt in points]
    ys = [pt[1] for pt in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1.0)

    def latlon(x, y):  # any valid coordinates: minutes come from travel.csv
        return 51.0 + 0.5 * (y - min(ys)) / span, 0.5 * (x - min(xs)) / span

    with open(os.path.join(folder, "areas.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["area_id", "district", "lat", "lon", "children"])
        for k, (x, y, _, _) in enumerate(points):
            lat, lon = latlon(x, y)
            w.writerow([f"P{k + 1}", "all", f"{lat:.7f}", f"{lon:.7f}", 1])
    with open(os.path.join(folder, "sites.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["site_id", "name", "kind", "district", "lat", "lon", "annual_cost", "carbon", "capacity"])
        for k, (x, y, _, q) in enumerate(points):
            lat, lon = latlon(x, y)
            w.writerow([f"S{k + 1}", f"median {k + 1}", "median", "all", f"{lat:.7f}", f"{lon:.7f}", 0, 0, repr(q)])
    with open(os.path.join(folder, "usage.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["site_id", "area_id", "service", "visits"])
        for k, (_, _, d, _) in enumerate(points):
            if d > 0:
                w.writerow([f"S{k + 1}", f"P{k + 1}", "demand", repr(d)])
    with open(os.path.join(folder, "travel.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["area_id", "site_id", "minutes"])
        for a in range(n):
            for b in range(n):
                w.writerow([f"P{a + 1}", f"S{b + 1}", repr(distance(points[a][:2], points[b][:2]))])
    scenario = os.path.join(folder, "scenario.yaml")
    with open(scenario, "w") as f:
        f.write("dataset: .\n"
                "objective: min_travel\n"
                "constraints:\n"
                f"  sites: {{exactly: {p}}}\n"
                "  capacity: single\n"
                "  visits_per_child: 0\n"
                f"solver: {{time_limit_s: {time_limit}, mip_gap: 0}}\n")
    return scenario


def main():
    args = sys.argv[1:]
    time_limit = 60.0
    if "--time-limit" in args:
        k = args.index("--time-limit")
        time_limit = float(args[k + 1])
        del args[k:k + 2]
    estate, root = args[0], args[1]
    wanted = set(args[2:])
    cases = []
    with open(os.path.join(root, "orlib-pmedcap", "optima.csv")) as f:
        for row in csv.DictReader(f):
            cases.append((row["instance"], os.path.join(root, "orlib-pmedcap", row["instance"] + ".txt"),
                          read_pmedcap, float(row["optimum"]), 0.5, 1))
    with open(os.path.join(root, "sjc-cpmp", "best_known.csv")) as f:
        for row in csv.DictReader(f):
            cases.append((row["instance"], os.path.join(root, "sjc-cpmp", row["instance"] + ".dat"),
                          read_sjc, float(row["best_known"]), 0.01, 100))
    if wanted:
        cases = [c for c in cases if c[0] in wanted]
    print(f"machine: {os.cpu_count()} cores, load average {' '.join(open('/proc/loadavg').read().split()[:3])}; "
          f"time limit {time_limit:g} s per instance")
    print(f"{'instance':<10} {'status':<9} {'objective':>11} {'published':>11} {'match':>5} {'gap':>9} "
          f"{'lp bound':>11} {'lagrangian':>11} {'heuristic':>11} {'fixed':>7} {'seconds':>8} {'cpu s':>7}")
    matched = proven = 0
    with tempfile.TemporaryDirectory() as work:
        for name, path, reader, published, tolerance, unit in cases:
            folder = os.path.join(work, name)
            os.makedirs(folder)
            p, points, distance = reader(path)
            scenario = write_instance(folder, p, points, distance, time_limit)
            out = os.path.join(folder, "plan")
            cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            # --no-explain: this times the solve against a reference, not the explanations' re-solves.
            run = subprocess.run([estate, "plan", scenario, "--out", out, "--quiet", "--no-explain"], capture_output=True, text=True)
            cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
            # CPU seconds of the run: on a shared machine the wall clock (and so the time limit)
            # is mostly other work's, and this says what the solve itself took.
            cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
            summary_path = os.path.join(out, "summary.json")
            if not os.path.exists(summary_path):
                print(f"{name:<10} exit {run.returncode}: {run.stderr.strip()[:200]}")
                continue
            summary = json.load(open(summary_path))
            scaled = lambda v: None if v is None else v * unit
            objective = scaled(summary.get("objective"))
            gap = summary.get("gap")
            formulation = summary.get("formulation") or {}
            ok = objective is not None and abs(objective - published) <= tolerance
            matched += ok
            proven += summary["status"] == "optimal" and gap == 0
            fmt = lambda v: "-" if v is None else f"{v:.2f}"
            print(f"{name:<10} {summary['status']:<9} {fmt(objective):>11} {published:>11.2f} {'yes' if ok else 'NO':>5} "
                  f"{'-' if gap is None else f'{gap:.2e}':>9} {fmt(scaled(formulation.get('lp_bound'))):>11} "
                  f"{fmt(scaled(formulation.get('lagrangian_bound'))):>11} "
                  f"{fmt(scaled(formulation.get('heuristic_objective'))):>11} "
                  f"{formulation.get('pairs_fixed_by_reduced_cost', '-'):>7} {summary['seconds']:>8.2f} {cpu:>7.2f}")
            sys.stdout.flush()
    print(f"{matched} of {len(cases)} equal to the published value; {proven} proven optimal (gap 0)")


if __name__ == "__main__":
    main()
