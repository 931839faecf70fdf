#!/usr/bin/env python3
"""Independent oracle: re-solves the instances written by `oracle-export` with HiGHS
(highspy), using textbook formulations with no reductions (p-median with x_ij
assignment variables, MCLP with coverage variables, LSCP as plain set covering), and
compares the optima with ours (the `ours` column of manifest.csv).

    swift run -c release --package-path benchmarks oracle-export benchmarks/.build/oracle
    python3 benchmarks/oracle/highs_oracle.py benchmarks/.build/oracle
"""
import csv
import math
import sys
import time

import highspy
import numpy as np

INF = highspy.kHighsInf


def read_instance(path):
    with open(path) as f:
        lines = f.read().split("\n")
    header = {}
    k = 0
    for k in range(8):
        key, _, value = lines[k].partition(" ")
        header[key] = value
    n, m = int(header["clients"]), int(header["sites"])
    weights = [float(v) for v in header["weights"].split()]
    costs = None if header["sitecosts"] == "-" else [float(v) for v in header["sitecosts"].split()]
    d = [[float(v) for v in lines[8 + i].split()] for i in range(n)]
    budget = None if header["budget"] == "-" else float(header["budget"])
    return dict(problem=header["problem"], n=n, m=m, p=int(header["p"]), radius=float(header["radius"]),
                budget=budget, weights=weights, sitecosts=costs, d=d)


def solve(inst, time_limit=None, timing=None):
    """Solves the textbook model of `inst`; a pair at +infinity is not allowed (no x_ij). With
    `timing` (a dict), records HiGHS's own solve seconds (model building in Python excluded)."""
    n, m, p, d, w = inst["n"], inst["m"], inst["p"], inst["d"], inst["weights"]
    cost, lower, upper, integer = [], [], [], []
    rows = []  # (indices, values, lower, upper)

    def var(c, lo, up, is_int):
        cost.append(c); lower.append(lo); upper.append(up); integer.append(is_int)
        return len(cost) - 1

    y = [var(1.0 if inst["problem"] == "lscp" else 0.0, 0, 1, True) for _ in range(m)]
    if inst["budget"] is not None:
        rows.append((y, inst["sitecosts"], -INF, inst["budget"]))
    sense = highspy.ObjSense.kMinimize
    if inst["problem"] == "pmedian":
        rows.append((y, [1.0] * m, p, p))
        for i in range(n):
            allowed = [j for j in range(m) if not math.isinf(d[i][j])]
            x = [var(w[i] * d[i][j], 0, 1, False) for j in allowed]
            rows.append((x, [1.0] * len(x), 1, 1))
            for k, j in enumerate(allowed):
                rows.append(([x[k], y[j]], [1.0, -1.0], -INF, 0))
    elif inst["problem"] == "mclp":
        sense = highspy.ObjSense.kMaximize
        rows.append((y, [1.0] * m, -INF, p))
        for i in range(n):
            u = var(w[i], 0, 1, False)
            cover = [y[j] for j in range(m) if d[i][j] <= inst["radius"]]
            rows.append(([u] + cover, [1.0] + [-1.0] * len(cover), -INF, 0))
    else:
        for i in range(n):
            cover = [y[j] for j in range(m) if d[i][j] <= inst["radius"]]
            if not cover:
                return "infeasible", None
            rows.append((cover, [1.0] * len(cover), 1, INF))

    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = len(cost), len(rows)
    lp.col_cost_ = np.array(cost, dtype=np.double)
    lp.col_lower_ = np.array(lower, dtype=np.double)
    lp.col_upper_ = np.array(upper, dtype=np.double)
    lp.row_lower_ = np.array([r[2] for r in rows], dtype=np.double)
    lp.row_upper_ = np.array([r[3] for r in rows], dtype=np.double)
    lp.sense_ = sense
    starts, index, value = [0], [], []
    for r in rows:
        index.extend(r[0]); value.extend(r[1]); starts.append(len(index))
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(index, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(value, dtype=np.double)
    lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = len(cost), len(rows)
    lp.integrality_ = [highspy.HighsVarType.kInteger if z else highspy.HighsVarType.kContinuous for z in integer]
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("mip_rel_gap", 0.0)
    if time_limit is not None:
        h.setOptionValue("time_limit", float(time_limit))
    h.passModel(lp)
    start, cpu = time.perf_counter(), time.process_time()
    h.run()
    if timing is not None:
        timing["seconds"] = time.perf_counter() - start
        timing["cpu"] = time.process_time() - cpu
        timing["bound"] = h.getInfo().mip_dual_bound
    status = h.getModelStatus()
    if status == highspy.HighsModelStatus.kOptimal:
        return "optimal", h.getInfo().objective_function_value
    if status == highspy.HighsModelStatus.kInfeasible:
        return "infeasible", None
    return h.modelStatusToString(status), None


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/.build/oracle"
    with open(f"{folder}/manifest.csv") as f:
        manifest = list(csv.DictReader(f))
    agree = 0
    print(f"{'instance':<26} {'ours':>12} {'HiGHS':>12} {'status':>10} {'agree':>5} {'ours s':>7} {'HiGHS s':>8}")
    for entry in manifest:
        inst = read_instance(f"{folder}/{entry['name']}.txt")
        start = time.perf_counter()
        status, value = solve(inst)
        seconds = time.perf_counter() - start
        ours = None if entry["ours"] == "-" else float(entry["ours"])
        same = (status == entry["status"] and
                (ours is None and value is None or
                 ours is not None and value is not None and abs(ours - value) <= 1e-6 * max(1.0, abs(value))))
        agree += same
        shown = "-" if value is None else f"{value:.1f}"
        print(f"{entry['name']:<26} {entry['ours']:>12} {shown:>12} {status:>10} {'yes' if same else 'NO':>5} "
              f"{float(entry['seconds']):>7.3f} {seconds:>8.3f}")
    print(f"{agree}/{len(manifest)} agree")
    sys.exit(0 if agree == len(manifest) else 1)


if __name__ == "__main__":
    main()
