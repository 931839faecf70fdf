#!/usr/bin/env python3
"""The v2 model (services, Family Hubs, outreach) at the issue's target sizes, and side by side
with HiGHS on a model written independently from the same input files.

Each instance is a seeded county in the Family Hub Network's shape: areas and sites clustered
around towns in a Kent-sized box (about 100 km x 60 km), up to 12 districts (two towns each),
age-band populations per area (`children_0_4`, `young_people_11_19`, `send_0_25`; `children`),
and 11 services as Kent's decision lists them: 7 delivered at Family Hubs (the core) and 4 by
voluntary-sector partners. Children's centres host the 7 core services (and half of them the
partner ones), youth hubs the youth ones, partner buildings the 4 partner services (and half of
them youth activities). Minutes are great-circle
distance x 1.3 at 20 km/h, rounded to 3 decimals; `travel.csv` holds every pair within 45 minutes.
The scenario has the bundled Kent default's services, costs and minimums: `max_coverage` within
a budget (buildings, services and outreach), a Family Hub in every district, youth activities
for 60% in every district, each partner service for 70% of the county (the default asks 80%; generated partners reach less), outreach (GBP 40 a
person, worth half a covered person) for early years and youth activities.

For every instance: `estate plan` (the release binary, the whole process from reading CSV to
writing every file) and its summary (model size as written and after the reductions, status,
objective, bound, gap, wall and CPU seconds: on a shared machine the CPU time is the steadier
measure). With --highs, HiGHS (highspy) solves the v2 MILP exactly as
FORMAT.md writes it (no reductions), built here from areas.csv, sites.csv, travel.csv and
scenario.yaml; its solve alone is timed. Both must prove the same optimum. With --lp, only the
LP relaxation of that model, by GLPK's methods and HiGHS's, CPU seconds each (what the root of
branch and cut costs at each size).

`binding` is `large` with a budget of 15% instead of 60%: the budget binds, and the proof is
branch-and-Benders-cut's (the last column says how summary.json reports the coverage links went
to GLPK). Where either solver stops at its limit, the check is that each plan lies within the
other's proven bound.

Usage: python3 benchmarks/services/services.py [--instances kent,large,binding] [--highs | --lp] [--time-limit S]
Needs: pip install highspy numpy pyyaml (for --highs), swiglpk (for --lp); `swift build -c release` (or --estate PATH).
"""
import argparse
import csv
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
HORIZON = 45.0
CORE = ["parent_education", "early_years", "youth_activities", "send_advice", "mental_health",
        "adolescent_parents", "online_safety"]
PARTNER = ["substance_misuse", "domestic_abuse", "debt_welfare", "separating_parents"]
# The bundled Kent default's services: code: (population column, coverage minutes, cost per
# site, weight, minimum (county, district) or None).
SERVICES = {
    "parent_education": ("children_0_4", 20, 10000, 1, None),
    "early_years": ("children_0_4", 20, 15000, 2, None),
    "youth_activities": ("young_people_11_19", 30, 15000, 2, ("min_district_coverage", 0.6)),
    "send_advice": ("send_0_25", 30, 0, 1, None),
    "mental_health": ("children", 30, 0, 1, None),
    "adolescent_parents": ("young_people_11_19", 30, 0, 1, None),
    "online_safety": ("children", 30, 0, 1, None),
    "substance_misuse": ("young_people_11_19", 30, 2000, 1, ("min_coverage", 0.7)),
    "domestic_abuse": ("children", 30, 2000, 1, ("min_coverage", 0.7)),
    "debt_welfare": ("children", 30, 2000, 1, ("min_coverage", 0.7)),
    "separating_parents": ("children", 30, 2000, 1, ("min_coverage", 0.7)),
}
YOUTH = ["youth_activities", "adolescent_parents", "mental_health", "online_safety"]
OUTREACH = ["early_years", "youth_activities"]
# name: (areas, sites, seed, budget share of keeping every building and offering every service)
INSTANCES = {
    "small": (150, 24, 3, 0.6),
    "medium": (400, 50, 11, 0.6),
    "kent": (901, 100, 2026, 0.6),
    "large": (5000, 500, 2027, 0.6),
    # The same county with a budget that binds: the heuristic plan no longer covers all that every
    # site open could, so the proof is branch and cut's.
    "binding": (5000, 500, 2027, 0.15),
}


def haversine_km(lat1, lon1, lat2, lon2):
    r = 6371.0088
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * r * np.arcsin(np.sqrt(a))


def generate(folder, areas, sites, seed, budget_share):
    """Writes areas.csv, sites.csv, travel.csv and scenario.yaml; returns the pair count."""
    rng = random.Random(seed)
    # 24 towns (12 districts) from 100 sites up; fewer for the small instances, so every town has sites.
    towns = [(51.0 + rng.random() * 0.5, 0.2 + rng.random() * 1.2) for _ in range(max(6, min(24, sites // 4)))]
    alat, alon, adist, rows = [], [], [], []
    for i in range(areas):
        t = rng.randrange(len(towns))
        alat.append(towns[t][0] + rng.gauss(0, 0.04))
        alon.append(towns[t][1] + rng.gauss(0, 0.06))
        adist.append(t % 12)
        young = rng.randint(60, 260)
        rows.append((young, rng.randint(80, 300), rng.randint(120, 420), rng.randint(10, 60)))
    slat, slon, sdist, kinds = [], [], [], []
    for j in range(sites):
        t = rng.randrange(len(towns))
        slat.append(towns[t][0] + rng.gauss(0, 0.05))
        slon.append(towns[t][1] + rng.gauss(0, 0.07))
        sdist.append(t % 12)
        r = rng.random()
        kinds.append("childrens_centre" if r < 0.65 else ("youth_hub" if r < 0.8 else "partner"))
    km = haversine_km(np.array(alat)[:, None], np.array(alon)[:, None], np.array(slat)[None, :], np.array(slon)[None, :])
    minutes = np.round(km * 1.3 / 20 * 60, 3)
    with open(os.path.join(folder, "areas.csv"), "w") as f:
        f.write("area_id,district,lat,lon,children,children_0_4,young_people_11_19,send_0_25\n")
        for i in range(areas):
            a, b, c, d = rows[i]
            f.write(f"A{i:05d},D{adist[i]:02d},{alat[i]:.6f},{alon[i]:.6f},{a + b + c},{a},{c},{d}\n")
    total = 0.0
    with open(os.path.join(folder, "sites.csv"), "w") as f:
        f.write("site_id,name,kind,district,lat,lon,annual_cost,carbon,services\n")
        for j in range(sites):
            if kinds[j] == "childrens_centre":
                hosted = CORE + (PARTNER if rng.random() < 0.5 else [])
                cost = rng.randint(40, 160) * 1000
            elif kinds[j] == "youth_hub":
                hosted = YOUTH + ["online_safety"]
                cost = rng.randint(30, 90) * 1000
            else:
                hosted = PARTNER + (["youth_activities"] if rng.random() < 0.5 else [])
                cost = rng.randint(0, 10) * 1000
            hosted = sorted(set(hosted))
            total += cost + sum(SERVICES[k][2] for k in hosted)
            f.write(f"S{j:04d},Site {j},{kinds[j]},D{sdist[j]:02d},{slat[j]:.6f},{slon[j]:.6f},{cost},"
                    f"{rng.randint(5, 30)},{';'.join(hosted)}\n")
    pairs = np.argwhere(minutes <= HORIZON)
    with open(os.path.join(folder, "travel.csv"), "w") as f:
        f.write("area_id,site_id,minutes\n")
        for i, j in pairs:
            f.write(f"A{i:05d},S{j:04d},{minutes[i, j]:.3f}\n")
    lines = ["dataset: .", "objective: max_coverage", "coverage_minutes: 20",
             f"constraints: {{budget: {round(total * budget_share)}}}", "services:"]
    for code, (population, cover, cost, weight, minimum) in SERVICES.items():
        extra = f", {minimum[0]}: {minimum[1]}" if minimum else ""
        lines.append(f"  - {{code: {code}, population: {population}, coverage_minutes: {cover}, "
                     f"cost_per_site: {cost}, weight: {weight}{extra}}}")
    lines += [f"family_hubs: {{core: [{', '.join(CORE)}], per_district: 1}}",
              f"outreach: {{cost_per_person: 40, services: [{', '.join(OUTREACH)}], value: 0.5}}",
              "solver: {time_limit_s: TIME_LIMIT, mip_gap: 0.0}"]
    with open(os.path.join(folder, "scenario.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")
    return len(pairs)


def run_estate(binary, folder, time_limit, path=None):
    """`estate plan` on the generated scenario of `folder` (or on the scenario file `path`,
    writing into `folder`): wall seconds, CPU seconds and summary.json."""
    if path is None:
        path = os.path.join(folder, "scenario.yaml")
        with open(path) as f:
            text = f.read().replace("TIME_LIMIT", str(time_limit))
        with open(path, "w") as f:
            f.write(text)
    out = os.path.join(folder, "out")
    start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([binary, "plan", path, "--out", out, "--quiet"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if proc.returncode not in (0, 2, 3):
        sys.exit(f"estate failed ({proc.returncode}): {proc.stderr}")
    with open(os.path.join(out, "summary.json")) as f:
        return seconds, cpu, json.load(f)


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def build_model(folder):
    """The v2 MILP as FORMAT.md writes it, from the input files: y_j, x_jk <= y_j
    where j hosts k, h_j <= x_jk for every core k (a hub in every district with a capable site),
    z_ik <= sum_{j hosting k within coverage_minutes_k} x_jk, o_ik with z_ik + o_ik <= 1, budget
    over buildings, services and outreach, each service's min_coverage, maximising
    sum_k weight_k sum_i pop_ik (z_ik + value o_ik) (no needs framework: w_ik = pop_ik), with each
    service's min_coverage and min_district_coverage. Columns (objective, bounds, integrality)
    and rows (columns, coefficients, lower, upper), maximised."""
    import yaml
    with open(os.path.join(folder, "scenario.yaml")) as f:
        scenario = yaml.safe_load(f)
    areas = read_csv(os.path.join(folder, "areas.csv"))
    sites = read_csv(os.path.join(folder, "sites.csv"))
    area_index = {a["area_id"]: i for i, a in enumerate(areas)}
    site_index = {s["site_id"]: j for j, s in enumerate(sites)}
    near = [[] for _ in areas]
    for row in read_csv(os.path.join(folder, "travel.csv")):
        near[area_index[row["area_id"]]].append((site_index[row["site_id"]], float(row["minutes"])))
    services = scenario["services"]
    outreach = scenario.get("outreach") or {}
    reach_services = set(outreach.get("services", []))
    value, per_person = outreach.get("value", 1.0), outreach.get("cost_per_person", 0.0)
    cost, lower, upper, integer, rows = [], [], [], [], []

    def var(is_int, objective=0.0):
        cost.append(objective); lower.append(0.0); upper.append(1.0); integer.append(is_int)
        return len(cost) - 1

    budget_cols, budget_vals = [], []
    y = [var(True) for _ in sites]
    for j, s in enumerate(sites):
        budget_cols.append(y[j]); budget_vals.append(float(s["annual_cost"]))
    hosts = [set(s["services"].split(";")) if s["services"] else None for s in sites]
    x = {}
    for k, svc in enumerate(services):
        for j in range(len(sites)):
            if hosts[j] is None or svc["code"] in hosts[j]:
                x[j, k] = var(True)
                rows.append(([x[j, k], y[j]], [1.0, -1.0], -math.inf, 0.0))
                if svc.get("cost_per_site", 0):
                    budget_cols.append(x[j, k]); budget_vals.append(float(svc["cost_per_site"]))
    hubs = scenario.get("family_hubs")
    if hubs:
        core = [k for k, svc in enumerate(services) if svc["code"] in hubs["core"]]
        by_district = {}
        for j, s in enumerate(sites):
            if all((j, k) in x for k in core):
                h = var(True)
                for k in core:
                    rows.append(([h, x[j, k]], [1.0, -1.0], -math.inf, 0.0))
                by_district.setdefault(s["district"], []).append(h)
        for members in by_district.values():
            rows.append((members, [1.0] * len(members), float(hubs.get("per_district", 1)), math.inf))
    default_minutes = scenario.get("coverage_minutes", 15)
    district_of = [a["district"] for a in areas]
    for k, svc in enumerate(services):
        minutes = svc.get("coverage_minutes", default_minutes)
        weight = svc.get("weight", 1.0)
        column = svc.get("population", "children")
        share_cols, share_vals, share_areas, total = [], [], [], 0.0
        for i, a in enumerate(areas):
            pop = float(a[column])
            total += pop
            within = [x[j, k] for j, t in near[i] if t <= minutes and (j, k) in x]
            covered = []
            if within:
                z = var(False, weight * pop)
                rows.append(([z] + within, [1.0] + [-1.0] * len(within), -math.inf, 0.0))
                covered = [z]
                share_cols.append(z); share_vals.append(pop); share_areas.append(i)
            if svc["code"] in reach_services:
                o = var(False, weight * pop * value)
                if covered:
                    rows.append((covered + [o], [1.0, 1.0], -math.inf, 1.0))
                budget_cols.append(o); budget_vals.append(per_person * pop)
                share_cols.append(o); share_vals.append(pop * value); share_areas.append(i)
        if svc.get("min_coverage") is not None:
            rows.append((share_cols, share_vals, svc["min_coverage"] * total, math.inf))
        if svc.get("min_district_coverage") is not None:
            for district in sorted(set(district_of)):
                members = [(c, v) for c, v, i in zip(share_cols, share_vals, share_areas) if district_of[i] == district]
                need = svc["min_district_coverage"] * sum(float(a[column]) for a in areas if a["district"] == district)
                rows.append(([c for c, _ in members], [v for _, v in members], need, math.inf))
    budget = (scenario.get("constraints") or {}).get("budget")
    if budget is not None:
        rows.append((budget_cols, budget_vals, -math.inf, float(budget)))

    return dict(cost=cost, lower=lower, upper=upper, integer=integer, rows=rows)


def quiet_highs():
    """A HiGHS instance; it prints a banner when created, before any option can silence it."""
    import highspy
    saved = os.dup(1)
    with open(os.devnull, "w") as null:
        sys.stdout.flush()
        os.dup2(null.fileno(), 1)
        h = highspy.Highs()
        os.dup2(saved, 1)
    os.close(saved)
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    return h


def highs_model(model, relaxed=False):
    import highspy
    cost, lower, upper, integer, rows = (model[k] for k in ("cost", "lower", "upper", "integer", "rows"))
    inf = highspy.kHighsInf
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = len(cost), len(rows)
    lp.col_cost_ = np.array(cost, dtype=np.double)
    lp.col_lower_ = np.array(lower, dtype=np.double)
    lp.col_upper_ = np.array(upper, dtype=np.double)
    lp.row_lower_ = np.array([max(r[2], -inf) for r in rows], dtype=np.double)
    lp.row_upper_ = np.array([min(r[3], inf) for r in rows], dtype=np.double)
    lp.sense_ = highspy.ObjSense.kMaximize
    starts, index, values = [0], [], []
    for r in rows:
        index.extend(r[0]); values.extend(r[1]); starts.append(len(index))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(values, dtype=np.double)
    lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = len(cost), len(rows)
    if not relaxed:
        lp.integrality_ = [highspy.HighsVarType.kInteger if z else highspy.HighsVarType.kContinuous for z in integer]
    return lp


def solve_highs(folder, time_limit):
    """The v2 MILP as FORMAT.md writes it (`build_model`), solved by HiGHS."""
    import highspy
    model = build_model(folder)
    cost, rows = model["cost"], model["rows"]
    h = quiet_highs()
    h.setOptionValue("mip_rel_gap", 0.0)
    h.setOptionValue("time_limit", float(time_limit))
    h.passModel(highs_model(model))
    start, cpu = time.perf_counter(), time.process_time()
    h.run()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    status = h.getModelStatus()
    name = "optimal" if status == highspy.HighsModelStatus.kOptimal else h.modelStatusToString(status)
    objective = h.getInfo().objective_function_value if h.getInfo().primal_solution_status == 2 else None
    return dict(status=name, objective=objective, bound=h.getInfo().mip_dual_bound, seconds=seconds, cpu=cpu,
                variables=len(cost), constraints=len(rows))


def lp_relaxations(folder, time_limit, report):
    """The LP relaxation of the as-written v2 MILP (`build_model`), solved by GLPK (its C library
    through swiglpk: primal simplex, dual simplex, interior point, each with GLPK's LP presolver
    and scaling as Estate uses them) and by HiGHS (dual simplex, interior point): what the root of
    branch and cut costs, and which method would pay. Calls report(columns, rows, method, CPU
    seconds, objective or None where the method stopped without an optimum) as each solve ends."""
    import highspy
    import swiglpk as g
    model = build_model(folder)
    cost, lower, upper, rows = model["cost"], model["lower"], model["upper"], model["rows"]
    g.glp_term_out(g.GLP_OFF)
    for method in ("primal", "dual", "interior"):
        lp = g.glp_create_prob()
        g.glp_set_obj_dir(lp, g.GLP_MAX)
        g.glp_add_cols(lp, len(cost))
        for j, c in enumerate(cost):
            g.glp_set_col_bnds(lp, j + 1, g.GLP_DB, lower[j], upper[j])
            g.glp_set_obj_coef(lp, j + 1, c)
        g.glp_add_rows(lp, len(rows))
        for r, (columns, values, low, high) in enumerate(rows):
            kind = g.GLP_DB if math.isfinite(low) and math.isfinite(high) else (
                g.GLP_LO if math.isfinite(low) else (g.GLP_UP if math.isfinite(high) else g.GLP_FR))
            g.glp_set_row_bnds(lp, r + 1, kind, low if math.isfinite(low) else 0, high if math.isfinite(high) else 0)
            index, value = g.intArray(len(columns) + 1), g.doubleArray(len(columns) + 1)
            for n, (column, v) in enumerate(zip(columns, values)):
                index[n + 1], value[n + 1] = column + 1, v
            g.glp_set_mat_row(lp, r + 1, len(columns), index, value)
        g.glp_scale_prob(lp, g.GLP_SF_AUTO)
        cpu = time.process_time()
        if method == "interior":
            parm = g.glp_iptcp()
            g.glp_init_iptcp(parm)
            parm.msg_lev = g.GLP_MSG_OFF
            code = g.glp_interior(lp, parm)
            # GLP_ENOCVG: "very slow convergence or divergence", no optimal point and so no bound.
            objective = g.glp_ipt_obj_val(lp) if code == 0 and g.glp_ipt_status(lp) == g.GLP_OPT else None
        else:
            parm = g.glp_smcp()
            g.glp_init_smcp(parm)
            parm.msg_lev = g.GLP_MSG_OFF
            parm.presolve = g.GLP_ON
            parm.meth = g.GLP_PRIMAL if method == "primal" else g.GLP_DUALP
            parm.tm_lim = int(time_limit * 1000)
            code = g.glp_simplex(lp, parm)
            objective = g.glp_get_obj_val(lp) if code == 0 and g.glp_get_status(lp) == g.GLP_OPT else None
        report(len(cost), len(rows), f"GLPK {method}", time.process_time() - cpu, objective)
        g.glp_delete_prob(lp)
    for solver in ("simplex", "ipm"):
        h = quiet_highs()
        h.setOptionValue("solver", solver)
        h.setOptionValue("time_limit", float(time_limit))
        h.passModel(highs_model(model, relaxed=True))
        cpu = time.process_time()
        h.run()
        optimal = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
        report(len(cost), len(rows), f"HiGHS {solver}", time.process_time() - cpu,
               h.getInfo().objective_function_value if optimal else None)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--instances", default="kent,large", help=f"comma-separated, of {', '.join(INSTANCES)}")
    parser.add_argument("--scenarios", default="", help="comma-separated scenario files to plan as they are (e.g. the bundled Kent default)")
    parser.add_argument("--highs", action="store_true", help="also solve each instance with HiGHS, side by side")
    parser.add_argument("--lp", action="store_true",
                        help="only time the LP relaxation of each instance's as-written model (GLPK and HiGHS methods)")
    parser.add_argument("--time-limit", type=float, default=60)
    parser.add_argument("--estate", default=os.path.join(HERE, "..", "..", ".build", "release", "estate"))
    args = parser.parse_args()
    if args.lp:
        for name in filter(None, args.instances.split(",")):
            areas, sites, seed, share = INSTANCES[name]
            def report(columns, rows, method, cpu, objective):
                print(f"{name:<8}{columns:>8} x {rows:<8}{method:<16}{cpu:>9.2f} cpu s  "
                      f"{objective if objective is not None else math.nan:>15.1f}", flush=True)
            with tempfile.TemporaryDirectory() as folder:
                generate(folder, areas, sites, seed, share)
                lp_relaxations(folder, args.time_limit, report)
        return
    if not os.path.exists(args.estate):
        sys.exit(f"no estate binary at {args.estate}: run `swift build -c release` first")
    print(f"{'instance':<8}{'areas x sites x services':>26}{'pairs':>9}  {'as written':>18}  {'reduced':>18}  "
          f"{'status':<10}{'objective':>15}{'bound':>15}{'gap':>9}{'s':>8}{'cpu s':>8}  formulation")
    agree = True
    for path in filter(None, args.scenarios.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            seconds, cpu, summary = run_estate(args.estate, folder, args.time_limit, path=path)
        r = summary["reductions"]
        written = f"{r.get('variables_as_written', 0)} x {r.get('constraints_as_written', 0)}"
        reduced = f"{r['variables']} x {r['constraints']}"
        objective, bound, gap = summary.get("objective"), summary.get("bound"), summary.get("gap")
        shape = f"{r['areas']} x {r['sites']} x {len(summary['totals'].get('services', {}))}"
        print(f"{os.path.basename(path):<8}{shape:>26}{r['pairs']:>9}  {written:>18}  {reduced:>18}  "
              f"{summary['status']:<10}{objective if objective is not None else math.nan:>15.1f}"
              f"{bound if bound is not None else math.nan:>15.1f}{gap if gap is not None else math.nan:>9.2e}"
              f"{seconds:>8.2f}{cpu:>8.2f}", flush=True)
    for name in filter(None, args.instances.split(",")):
        areas, sites, seed, share = INSTANCES[name]
        with tempfile.TemporaryDirectory() as folder:
            pairs = generate(folder, areas, sites, seed, share)
            seconds, cpu, summary = run_estate(args.estate, folder, args.time_limit)
            r = summary["reductions"]
            written = f"{r.get('variables_as_written', 0)} x {r.get('constraints_as_written', 0)}"
            reduced = f"{r['variables']} x {r['constraints']}"
            objective, bound, gap = summary.get("objective"), summary.get("bound"), summary.get("gap")
            print(f"{name:<8}{f'{areas} x {sites} x {len(SERVICES)}':>26}{pairs:>9}  {written:>18}  {reduced:>18}  "
                  f"{summary['status']:<10}{objective if objective is not None else math.nan:>15.1f}"
                  f"{bound if bound is not None else math.nan:>15.1f}{gap if gap is not None else math.nan:>9.2e}"
                  f"{seconds:>8.2f}{cpu:>8.2f}  {formulation(summary)}", flush=True)
            if args.highs:
                highs = solve_highs(folder, args.time_limit)
                same = (summary["status"] == "optimal" and highs["status"] == "optimal" and objective is not None
                        and math.isclose(objective, highs["objective"], rel_tol=1e-6))
                # Where either stopped at its limit: each plan within the other's proven bound.
                consistent = (objective is not None and bound is not None and highs["objective"] is not None
                              and objective <= highs["bound"] * (1 + 1e-6) and highs["objective"] <= bound * (1 + 1e-6))
                both = summary["status"] == "optimal" and highs["status"] == "optimal"
                agree = agree and (same if both else consistent)
                shown = highs["objective"] if highs["objective"] is not None else math.nan
                size = f"{highs['variables']} x {highs['constraints']}"
                highs_gap = (highs["bound"] - highs["objective"]) / abs(highs["bound"]) if highs["objective"] else math.nan
                verdict = ("  same optimum" if same else "  each plan within the other's bound" if consistent and not both
                           else "  optima differ or not proven")
                print(f"{'  HiGHS':<8}{'':>26}{'':>9}  {size:>18}  {'':>18}  "
                      f"{highs['status']:<10}{shown:>15.1f}{highs['bound']:>15.1f}{highs_gap:>9.2e}{highs['seconds']:>8.2f}"
                      f"{highs['cpu']:>8.2f}" + verdict, flush=True)
    if args.highs:
        print("all proven optimal and equal, or each within the other's bound" if agree else "NOT all proven and equal")
        sys.exit(0 if agree else 1)


def formulation(summary):
    """How summary.json says the coverage links went to GLPK: `compact` or `benders` with the rows
    of the model handed to it and the links generated during the search; empty without links."""
    f = summary.get("formulation") or {}
    if f.get("formulation") not in ("compact", "benders"):
        return ""
    return f"{f['formulation']} ({f['rows']} rows, {f['generated_rows']} generated)"


if __name__ == "__main__":
    main()
