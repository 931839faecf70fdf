#!/usr/bin/env python3
"""Estate against PySAL spopt on one maximal covering problem, side by side in one run.

Generates a seeded MCLP instance (default 5,000 areas x 500 sites, p = 80, 15 minutes), writes it as an
Estate dataset (areas.csv, sites.csv, travel.csv) plus a scenario, and solves it
- with spopt's MCLP (`MCLP.from_cost_matrix`, solved by CBC through PuLP), timing model build
  and solve from the in-memory cost matrix (reading nothing from disk, spopt's best case), and
- with `estate plan` (the release binary), timing the whole process: reading the CSV files,
  validating, building and solving the model, and writing every output file.
Both read the same minutes (rounded to 3 decimals) and the same rule (covered when
minutes <= radius). The script asserts that both objective values agree and prints the ratio.

Usage: python3 benchmarks/planning/compare_spopt.py [--areas 5000 --sites 500 --p 80 --radius 15]
Needs: pip install spopt (pulls PuLP with its CBC); the estate binary built with
`swift build -c release` (or pass --estate PATH).
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time

import numpy as np


def haversine_km(lat1, lon1, lat2, lon2):
    r = 6371.0088
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dl = np.radians(lon2 - lon1)
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * r * np.arcsin(np.sqrt(a))


def make_instance(areas, sites, seed):
    rng = random.Random(seed)
    # A Kent-sized box (about 100 km x 60 km), areas clustered around towns.
    towns = [(51.0 + rng.random() * 0.5, 0.2 + rng.random() * 1.2) for _ in range(20)]
    alat, alon, kids = [], [], []
    for _ in range(areas):
        t = rng.choice(towns)
        alat.append(t[0] + rng.gauss(0, 0.04))
        alon.append(t[1] + rng.gauss(0, 0.06))
        kids.append(rng.randint(150, 600))
    slat, slon = [], []
    for _ in range(sites):
        t = rng.choice(towns)
        slat.append(t[0] + rng.gauss(0, 0.05))
        slon.append(t[1] + rng.gauss(0, 0.07))
    km = haversine_km(np.array(alat)[:, None], np.array(alon)[:, None], np.array(slat)[None, :], np.array(slon)[None, :])
    minutes = np.round(km * 1.3 / 30 * 60, 3)
    return alat, alon, kids, slat, slon, minutes


def write_dataset(folder, alat, alon, kids, slat, slon, minutes, radius, p, horizon):
    with open(os.path.join(folder, "areas.csv"), "w") as f:
        f.write("area_id,district,lat,lon,children\n")
        for i in range(len(alat)):
            f.write(f"A{i:05d},D{i % 12:02d},{alat[i]:.6f},{alon[i]:.6f},{kids[i]}\n")
    with open(os.path.join(folder, "sites.csv"), "w") as f:
        f.write("site_id,name,kind,district,lat,lon,annual_cost,carbon\n")
        for j in range(len(slat)):
            f.write(f"S{j:04d},Site {j},childrens_centre,D{j % 12:02d},{slat[j]:.6f},{slon[j]:.6f},100000,10\n")
    rows = np.argwhere(minutes <= horizon)
    with open(os.path.join(folder, "travel.csv"), "w") as f:
        f.write("area_id,site_id,minutes\n")
        for i, j in rows:
            f.write(f"A{i:05d},S{j:04d},{minutes[i, j]:.3f}\n")
    with open(os.path.join(folder, "scenario.yaml"), "w") as f:
        f.write(f"dataset: .\nobjective: max_coverage\ncoverage_minutes: {radius}\n"
                f"constraints:\n  sites: {{exactly: {p}}}\nsolver: {{time_limit_s: 600, mip_gap: 0}}\n")
    return len(rows)


def run_spopt(minutes, kids, radius, p):
    import pulp
    from spopt.locate import MCLP
    start = time.perf_counter()
    model = MCLP.from_cost_matrix(minutes, np.array(kids, dtype=float), service_radius=radius, p_facilities=p)
    model = model.solve(pulp.PULP_CBC_CMD(msg=False))
    seconds = time.perf_counter() - start
    chosen = [j for j, v in enumerate(model.fac_vars) if v.value() and v.value() > 0.5]
    covered = float(np.array(kids, dtype=float)[(minutes[:, chosen] <= radius).any(axis=1)].sum())
    return seconds, covered, pulp.LpStatus[model.problem.status]


def run_estate(binary, folder):
    out = os.path.join(folder, "out")
    start = time.perf_counter()
    # --no-explain: this times the solve against a reference, not the explanations' re-solves.
    proc = subprocess.run([binary, "plan", os.path.join(folder, "scenario.yaml"), "--out", out, "--quiet", "--no-explain"],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"estate failed ({proc.returncode}): {proc.stderr}")
    with open(os.path.join(out, "summary.json")) as f:
        summary = json.load(f)
    return seconds, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--areas", type=int, default=5000)
    parser.add_argument("--sites", type=int, default=500)
    parser.add_argument("--p", type=int, default=80)
    parser.add_argument("--radius", type=float, default=15.0, help="coverage minutes")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--estate", default=os.path.join(os.path.dirname(__file__), "..", "..", ".build", "release", "estate"))
    args = parser.parse_args()
    if not os.path.exists(args.estate):
        sys.exit(f"no estate binary at {args.estate}: run `swift build -c release` first")
    alat, alon, kids, slat, slon, minutes = make_instance(args.areas, args.sites, args.seed)
    with tempfile.TemporaryDirectory() as folder:
        pairs = write_dataset(folder, alat, alon, kids, slat, slon, minutes, args.radius, args.p, args.radius)
        estate_seconds, summary = run_estate(args.estate, folder)
        spopt_seconds, spopt_covered, spopt_status = run_spopt(minutes, kids, args.radius, args.p)
    ours = summary["objective"]
    print(f"instance: {args.areas} areas x {args.sites} sites, p = {args.p}, radius {args.radius} min, "
          f"{pairs} covering pairs, seed {args.seed}")
    print(f"{'solver':<28}{'status':<12}{'covered weight':>16}{'seconds':>10}")
    print(f"{'estate plan (GLPK), whole run':<28}{summary['status']:<12}{ours:>16.1f}{estate_seconds:>10.3f}")
    print(f"{'spopt MCLP (CBC), in memory':<28}{spopt_status:<12}{spopt_covered:>16.1f}{spopt_seconds:>10.3f}")
    print(f"estate gap {summary['gap']}, bound {summary['bound']}; solver-only time {summary['seconds']:.3f} s")
    same = math.isclose(ours, spopt_covered, rel_tol=0, abs_tol=1e-6)
    print(f"same objective: {'yes' if same else 'NO'}; speed-up (spopt / estate): {spopt_seconds / estate_seconds:.1f}x")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
