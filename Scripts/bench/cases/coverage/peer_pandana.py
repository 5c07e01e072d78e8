"""pandana contender for the coverage case, part `nearest`: the nearest facility of every demand
point within the cutoff, network build included. Prints one JSON line (see Scripts/bench/README.md).

Timed per run: pandana.Network(node x, y, edge from, to, lengths) — which builds its contraction
hierarchy — precompute(cutoff), set_pois(facilities; snapped to their nearest nodes),
nearest_pois(cutoff, num_pois=1, include_poi_ids=True) (for every node), get_node_ids(demand x, y)
and the look-up of the demand points' nodes. Not timed: reading the arrays, making the Series.

pandana measures in whole thousandths of the weight unit (it multiplies edge weights by 1,000 and
keeps the integer part), so its distances here are sums of whole millimetres, and returns them as
float32-precision values: they differ from exact sums by millimetres, and where two facilities are
within millimetres of a point it may name the other one. The case compares which points are reached
exactly, distances within 3 cm, and checks every differing facility against exact distances.
"""
import argparse
import json
import os
import time

import numpy as np
import pandas as pd
import pandana


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--cutoff", type=float, default=1200)
    a = ap.parse_args()

    def load(name, dtype, cols=1):
        array = np.fromfile(os.path.join(a.data, name), dtype=dtype)
        return array.reshape(-1, cols) if cols > 1 else array

    xy = load("nodes_xy.f64", "<f8", 2)
    ends = load("edge_nodes.i32", "<i4", 2).astype(np.int64)
    length = load("edge_length.f64", "<f8")
    fxy = load("facility_xy.f64", "<f8", 2)
    dxy = load("demand_xy.f64", "<f8", 2)
    node_x, node_y = pd.Series(xy[:, 0]), pd.Series(xy[:, 1])
    edge_from, edge_to = pd.Series(ends[:, 0]), pd.Series(ends[:, 1])
    weights = pd.DataFrame({"length": length})
    fx, fy = pd.Series(fxy[:, 0]), pd.Series(fxy[:, 1])   # index = facility number = POI id
    dx, dy = pd.Series(dxy[:, 0]), pd.Series(dxy[:, 1])

    runs = []
    facility = metres = None
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        net = pandana.Network(node_x, node_y, edge_from, edge_to, weights)
        t1 = time.perf_counter()
        net.precompute(a.cutoff)
        t2 = time.perf_counter()
        net.set_pois("facility", a.cutoff, 1, fx, fy)
        nearest = net.nearest_pois(a.cutoff, "facility", num_pois=1, include_poi_ids=True)
        t3 = time.perf_counter()
        nodes = net.get_node_ids(dx, dy)
        at = nearest.loc[nodes.to_numpy()]
        poi = at["poi1"].to_numpy()
        reached = ~np.isnan(poi)
        facility = np.where(reached, np.nan_to_num(poi, nan=-1), -1).astype("<i8")
        metres = np.where(reached, at[1].to_numpy(dtype=np.float64), np.nan)
        t4 = time.perf_counter()
        runs.append({"total": t4 - t0, "phases": {"network": t1 - t0, "precompute": t2 - t1,
                                                  "pois": t3 - t2, "demand": t4 - t3}})
        del net, nearest

    # Compared byte for byte: which points are reached; facilities and distances go to side files.
    (facility >= 0).astype("<i8").tofile(a.out)
    facility.tofile(a.out + ".facility.i64")
    metres.astype("<f8").tofile(a.out + ".metres.f64")
    print(json.dumps({
        "contender": "pandana",
        "threads": int(os.environ.get("OMP_NUM_THREADS", os.cpu_count())),
        "versions": {"pandana": pandana.__version__, "pandas": pd.__version__, "numpy": np.__version__},
        "runs": runs,
        "check": {"reached": int(np.count_nonzero(facility >= 0)), "metres": float(np.nansum(metres))},
    }))


if __name__ == "__main__":
    main()
