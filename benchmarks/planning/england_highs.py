#!/usr/bin/env python3
"""The pandas + HiGHS side of the England benchmark (benchmarks/planning/england.py): the
maximal covering problem of an Estate dataset folder, read and solved the plain way.

Usage: python3 england_highs.py DATASET_FOLDER COVERAGE_MINUTES SITES [TIME_LIMIT_S]
Prints one JSON line: objective (covered children), bound, status, seconds per phase.
"""
import json
import sys
import time

import highspy
import numpy as np
import pandas as pd

folder, radius, p = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
limit = float(sys.argv[4]) if len(sys.argv) > 4 else 900.0
start = time.perf_counter()
areas = pd.read_csv(f"{folder}/areas.csv", usecols=["area_id", "children"])
sites = pd.read_csv(f"{folder}/sites.csv", usecols=["site_id"])
travel = pd.read_csv(f"{folder}/travel.csv", usecols=["area_id", "site_id", "minutes"],
                     dtype={"area_id": "category", "site_id": "category", "minutes": "float64"})
near = travel[travel["minutes"] <= radius]
area_index = pd.Index(areas["area_id"]).get_indexer(near["area_id"].astype(str))
site_index = pd.Index(sites["site_id"]).get_indexer(near["site_id"].astype(str))
read = time.perf_counter()

# Columns: x_j (open site j, binary), then y_i (area i covered, 0..1). Rows: y_i - sum x_j <= 0
# over the sites within the radius, and sum x_j = p. Maximise the covered children.
m, n = len(areas), len(sites)
h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.setOptionValue("mip_rel_gap", 0.0)
h.setOptionValue("time_limit", limit)
inf = highspy.kHighsInf
covered = np.zeros(m, dtype=bool)
covered[area_index] = True
h.addVars(n, np.zeros(n), np.ones(n))
h.addVars(m, np.zeros(m), covered.astype(float))
h.changeColsIntegrality(n, np.arange(n, dtype=np.int32), np.full(n, highspy.HighsVarType.kInteger))
h.changeColsCost(m, np.arange(n, n + m, dtype=np.int32), -areas["children"].to_numpy(dtype=float))
order = np.lexsort((site_index, area_index))
rows, cols = area_index[order], site_index[order]
starts = np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=m) + 1)[:-1])).astype(np.int32)
index = np.empty(len(rows) + m, dtype=np.int32)
value = np.empty(len(rows) + m)
slot = starts[rows] + 1 + (np.arange(len(rows)) - np.searchsorted(rows, rows))
index[starts], value[starts] = np.arange(n, n + m, dtype=np.int32), 1.0
index[slot], value[slot] = cols.astype(np.int32), -1.0
h.addRows(m, np.full(m, -inf), np.zeros(m), len(index), starts, index, value)
h.addRow(p, p, n, np.arange(n, dtype=np.int32), np.ones(n))
model = time.perf_counter()
h.run()
solved = time.perf_counter()
info = h.getInfo()
print(json.dumps({"objective": -info.objective_function_value, "bound": -info.mip_dual_bound,
                  "status": h.modelStatusToString(h.getModelStatus()),
                  "pairs_within_radius": int(len(rows)), "read_s": read - start, "model_s": model - read,
                  "solve_s": solved - model, "total_s": solved - start}))
