#!/usr/bin/python3
"""Group-for-group Apply_Tremor fixtures from the independent numpy/scipy implementation in
tools/bench/grasp_python.py (kNN graph with ties to the lower index, connected components, Fiedler
bisection with the sign rule, Graph std filter).

Writes tests/Seismic.DietGrasp.Tests/TestData/Grasp/tremor_cases.json: a list of cases, each with
  name, k, prob_thres, min_stations, max_eigen, std_thres (km),
  x_m, y_m (planar positions for the Graph std), distances (N x N, km),
  edges (the kNN graph, pairs i < j), rows (probabilities per minute, null for no data),
  groups ([row, [stations]] in output order), ties, zero_fiedler (what the case exercises).
Run from the repository root: /usr/bin/python3 tools/grasp/make_tremor_cases.py

Cases are random networks on a coarse integer grid (so that equal distances, kNN ties, are common)
plus hand-made symmetric ones whose Fiedler vectors have exact zeros (odd paths, a mirrored pair of
triangles). A case is kept only when no split depends on solver round-off: the Fiedler eigenvalue is
simple, every entry is either zero (|v| < 1e-12 max|v|) or clearly not (> 1e-6 max|v|), and no
ratio or Graph std lies within 1e-9 of its threshold.
"""
import json
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.dont_write_bytecode = True  # no __pycache__ in tools/
sys.path.insert(0, os.path.join(ROOT, "tools", "bench"))
import grasp_python as gp  # noqa: E402

OUT = os.path.join(ROOT, "tests", "Seismic.DietGrasp.Tests", "TestData", "Grasp", "tremor_cases.json")
SPACING_KM = 10.0


def distances(xy_km):
    dx = xy_km[:, None, 0] - xy_km[None, :, 0]
    dy = xy_km[:, None, 1] - xy_km[None, :, 1]
    return np.sqrt(dx * dx + dy * dy)


def has_tie(d, k):
    """True when some station's k-th and (k+1)-th nearest others are at the same distance."""
    n = d.shape[0]
    for i in range(n):
        row = np.sort(np.delete(d[i], i))
        if k < n - 1 and row[k - 1] == row[k]:
            return True
    return False


def robust(case, trace):
    """Every split decided far from round-off (see the module docstring). Probabilities need no margin:
    both sides compare the same float32 values, widened exactly, with the threshold."""
    for w, f, raw in trace:
        if len(w) > 2 and not w[2] - w[1] > 1e-6:
            return False
        m = np.abs(raw).max()
        r = np.abs(raw)
        if np.any((r >= 1e-12 * m) & (r <= 1e-6 * m)):
            return False
        ratio = (w[0] + w[1]) / w.sum()
        if abs(ratio - case["max_eigen"]) < 1e-9:
            return False
    return True


def run(case, xy_km, rows, require_robust=True):
    d = distances(xy_km)
    a = gp.knn_graph(d, case["k"])
    xy_m = xy_km * 1000.0
    data = np.array([[0, 0, 0, 0, 0] + [np.nan if v is None else v for v in row] for row in rows], dtype=float)
    trace = []
    groups = gp.apply_tremor(data, a, xy_m, case["prob_thres"], case["min_stations"], case["max_eigen"],
                             case["std_thres"], trace)
    # Each final group's std must not sit on the threshold.
    finals_ok = True
    for _, g in groups:
        if abs(gp.graph_std(xy_m, np.array(g)) - case["std_thres"]) < 1e-9:
            finals_ok = False
    ok = finals_ok and robust(case, trace)
    if require_robust and not ok:
        raise AssertionError(case["name"] + ": a split depends on round-off")
    # apply_tremor returns (time columns, stations), and the time columns are all zero here: run it row by
    # row to know each group's minute.
    expected = []
    for row_index, row in enumerate(data):
        g = gp.apply_tremor(row[None, :], a, xy_m, case["prob_thres"], case["min_stations"], case["max_eigen"],
                            case["std_thres"])
        for _, stations in g:
            expected.append([row_index, list(stations)])
    assert [s for _, s in expected] == [list(s) for _, s in groups]
    zero = any(np.any(f == 0) for _, f, _ in trace)
    n = len(xy_km)
    out = dict(case)
    out.update({
        "x_m": [float(v) for v in xy_m[:, 0]],
        "y_m": [float(v) for v in xy_m[:, 1]],
        "distances": [[float(v) for v in r] for r in d],
        "edges": [[i, j] for i in range(n) for j in range(i + 1, n) if a[i, j]],
        "rows": rows,
        "groups": expected,
        "ties": bool(has_tie(d, case["k"])),
        "zero_fiedler": bool(zero),
    })
    return ok, out


def f32(v):
    return float(np.float32(v))


def all_detect(n, minutes=1, p=0.9):
    return [[f32(p)] * n for _ in range(minutes)]


def hand_made():
    cases = []
    # Odd paths on a line: k = 1 ties every inner station between its two neighbours (lower index wins),
    # and the middle station's Fiedler entry is exactly zero.
    for n, max_eigen in ((5, 0.1), (7, 0.05), (9, 0.03)):
        xy = np.column_stack([np.arange(n) * SPACING_KM, np.zeros(n)])
        case = {"name": f"odd_path_{n}", "k": 1, "prob_thres": 0.5, "min_stations": 1, "max_eigen": max_eigen,
                "std_thres": 1000.0}
        cases.append((case, xy, all_detect(n)))
    # The same 5-path numbered out of order along the line: 1-0-3-2-4, the zero on station 3.
    order = np.array([1, 0, 3, 2, 4])
    xy = np.zeros((5, 2))
    xy[order, 0] = np.arange(5) * SPACING_KM
    cases.append(({"name": "odd_path_shuffled", "k": 1, "prob_thres": 0.5, "min_stations": 1, "max_eigen": 0.1,
                   "std_thres": 1000.0}, xy, all_detect(5)))
    # Two mirrored triangles joined through a middle station: the middle's Fiedler entry is zero.
    xy = np.array([[0, 0], [0, 1], [1, 0.5], [3, 0.5], [5, 0.5], [6, 0], [6, 1]], dtype=float) * SPACING_KM
    cases.append(({"name": "mirrored_triangles", "k": 2, "prob_thres": 0.5, "min_stations": 1, "max_eigen": 0.2,
                   "std_thres": 1000.0}, xy, all_detect(7)))
    # A 7-path whose middle station does not detect in the second minute, and whose ends miss data in the third.
    xy = np.column_stack([np.arange(7) * SPACING_KM, np.zeros(7)])
    rows = all_detect(7, 3)
    rows[1][3] = f32(0.2)
    rows[2][0] = None
    rows[2][6] = None
    cases.append(({"name": "path_7_minutes", "k": 1, "prob_thres": 0.5, "min_stations": 2, "max_eigen": 0.05,
                   "std_thres": 1000.0}, xy, rows))
    return cases


def random_cases(count, rng):
    made = 0
    attempts = 0
    while made < count:
        attempts += 1
        n = int(rng.integers(6, 17))
        cells = rng.choice(36, size=n, replace=False)
        xy = np.column_stack([cells % 6, cells // 6]).astype(float) * SPACING_KM
        case = {
            "name": f"random_{made:02d}",
            "k": int(rng.integers(1, 4)),
            "prob_thres": float(rng.choice([0.5, 0.3])),
            "min_stations": int(rng.integers(1, 4)),
            "max_eigen": float(rng.choice([0.02, 0.05, 0.1, 0.2])),
            "std_thres": float(rng.choice([12.0, 20.0, 1000.0])),
        }
        rows = []
        for _ in range(4):
            p = rng.random(n)
            row = [f32(v) for v in p]
            for s in np.nonzero(rng.random(n) < 0.1)[0]:
                row[s] = None
            for s in np.nonzero(rng.random(n) < 0.05)[0]:
                row[s] = f32(case["prob_thres"])  # exactly the threshold detects
            rows.append(row)
        # Half the minutes: almost everyone detects, so the big components get split.
        for r in (2, 3):
            rows[r] = [None if v is None else f32(0.6 + 0.4 * v) for v in rows[r]]
        ok, out = run(case, xy, rows, require_robust=False)
        if ok and out["groups"]:
            yield out
            made += 1
    print(f"random cases: {made} kept of {attempts}", file=sys.stderr)


def main():
    cases = [run(case, xy, rows)[1] for case, xy, rows in hand_made()]
    cases += list(random_cases(40, np.random.default_rng(20261203)))
    ties = sum(c["ties"] for c in cases)
    zeros = sum(c["zero_fiedler"] for c in cases)
    groups = sum(len(c["groups"]) for c in cases)
    assert ties > 0 and zeros > 0, (ties, zeros)
    with open(OUT, "w") as f:
        json.dump(cases, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print(f"numpy {np.__version__}: {len(cases)} cases, {groups} groups, {ties} with kNN ties, "
          f"{zeros} with zero Fiedler entries -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
