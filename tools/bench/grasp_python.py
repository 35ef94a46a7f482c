#!/usr/bin/python3
"""A straightforward numpy/scipy Apply_Tremor (METHOD.md 4), timed on the Grasp benchmark's tables.

Usage (from the repository root, Debian's python with numpy, scipy, pyproj):
  dotnet run -c Release --project tools/grasp/GraspScenarios -- day 1440 /tmp/graspbench/1440
  /usr/bin/python3 tools/bench/grasp_python.py /tmp/graspbench/1440 [repeats]
Prints the median wall time of Apply_Tremor over the table, and compares its groups with the C# result
(Tremor_candidate.csv written by the same tool). tools/grasp/make_tremor_cases.py imports this module to
write the group-for-group test fixtures, so its functions take the GrASP parameters as arguments.
"""
import csv
import sys
import time

import numpy as np
import pyproj
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

PROB_THRES, MIN_STATIONS, MAX_EIGEN, STD_THRES, EPSG = 0.5, 3, 0.005, 50.0, 32654


def knn_graph(d, k):
    n = d.shape[0]
    a = np.zeros((n, n), dtype=np.int8)
    for i in range(n):
        order = [j for j in np.argsort(d[i], kind="stable") if j != i][:k]
        a[i, order] = 1
    a = np.maximum(a, a.T)
    np.fill_diagonal(a, 0)
    return a


def components(a, idx):
    sub = a[np.ix_(idx, idx)]
    count, labels = connected_components(csr_matrix(sub), directed=False)
    return [idx[labels == c] for c in range(count)]


def partition(a, group, out, min_stations=MIN_STATIONS, max_eigen=MAX_EIGEN, trace=None):
    """Recursive Fiedler bisection; trace (a list), when given, receives (eigenvalues, fiedler) per split tried."""
    if len(group) < min_stations:
        return
    sub = a[np.ix_(group, group)].astype(float)
    lap = np.diag(sub.sum(axis=1)) - sub
    w, v = np.linalg.eigh(lap)
    total = w.sum()
    if not total > 0 or not (w[0] + w[1]) / total < max_eigen:
        out.append(group)
        return
    f = v[:, 1].copy()
    f[np.abs(f) <= 1e-10 * np.abs(f).max()] = 0
    nz = np.nonzero(f)[0]
    if nz.size and f[nz[0]] < 0:
        f = -f
    if trace is not None:
        trace.append((w, f, v[:, 1]))
    pos, neg = group[f >= 0], group[f < 0]
    if pos.size == 0 or neg.size == 0:
        out.append(group)
        return
    for side in (pos, neg):
        for part in components(a, side):
            partition(a, part, out, min_stations, max_eigen, trace)


def graph_std(xy, group):
    p = xy[group]
    return np.sqrt(np.mean(((p - p.mean(axis=0)) ** 2).sum(axis=1))) / 1000


def apply_tremor(data, a, xy, prob_thres=PROB_THRES, min_stations=MIN_STATIONS, max_eigen=MAX_EIGEN,
                 std_thres=STD_THRES, trace=None):
    """data: rows of year, month, day, hour, minute, then one probability per station."""
    result = []
    for row in data:
        idx = np.nonzero(row[5:] >= prob_thres)[0]  # NaN compares False: no data, not detecting
        if idx.size == 0:
            continue
        finals = []
        for comp in components(a, idx):
            partition(a, comp, finals, min_stations, max_eigen, trace)
        for g in sorted(finals, key=lambda g: g.min()):
            if graph_std(xy, g) <= std_thres:
                result.append((tuple(int(x) for x in row[:5]), tuple(sorted(int(s) for s in g))))
    return result


def main():
    folder = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    root = __file__.rsplit("/tools/", 1)[0]
    with open(root + "/samples/Data/Station_info.csv") as f:
        rows = list(csv.reader(f))[1:]
    lat = np.array([float(r[1]) for r in rows])
    lon = np.array([float(r[2]) for r in rows])
    d = np.loadtxt(root + "/samples/Data/Stadis_array_original.csv", delimiter=",")
    a = knn_graph(d, int(round(np.sqrt(len(rows)))))
    x, y = pyproj.Transformer.from_crs(4326, EPSG, always_xy=True).transform(lon, lat)
    xy = np.column_stack([x, y])
    data = np.genfromtxt(folder + "/Probability_T.csv", delimiter=",", skip_header=1)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        groups = apply_tremor(data, a, xy)
        times.append(time.perf_counter() - t0)
    cs = np.genfromtxt(folder + "/Tremor_candidate.csv", delimiter=",", skip_header=1, ndmin=2)
    csharp = [(tuple(int(v) for v in r[:5]), tuple(int(s) for s in np.nonzero(r[5:] > 0)[0])) for r in cs] if cs.size else []
    print(f"minutes {data.shape[0]}  python Apply_Tremor median {np.median(times) * 1000:.1f} ms over {repeats} runs  "
          f"groups {len(groups)}  same as C#: {groups == csharp}")


if __name__ == "__main__":
    main()
