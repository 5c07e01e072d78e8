"""networkx contenders for the coverage case, part `areas`: a service area (the nodes within the
cutoff along the network) for each of the first N facilities. Prints one JSON line (see
Scripts/bench/README.md).

--method dijkstra: nx.single_source_dijkstra_path_length(G, node, cutoff, weight="length") per
facility — the search itself, the fastest way networkx offers.
--method ego: OSMnx's isochrone recipe — ox.distance.nearest_nodes for the facilities' nodes (once
for all of them), then nx.ego_graph(G, node, radius=cutoff, distance="length") per facility, which
runs the same search and copies the subgraph. Without OSMnx the facilities' node numbers are used.

Not timed: reading the arrays and building G, an undirected nx.Graph with edge attribute `length`
and node attributes x, y (OSMnx's graphs are MultiDiGraphs with both directions, which networkx
searches more slowly: this is the cheaper graph for networkx). Timed per run: the N searches.
"""
import argparse
import json
import os
import time

import networkx as nx
import numpy as np

try:
    import osmnx as ox
except ImportError:  # the search is networkx's either way
    ox = None


def splitmix64(x):
    """The hash LifeCircle's contender uses (Sources/LifeCircleBench/CoverageCase.swift), on uint64 arrays."""
    z = x + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cutoff", type=float, default=1200)
    ap.add_argument("--areas", type=int, default=100)
    ap.add_argument("--method", choices=["dijkstra", "ego"], default="dijkstra")
    a = ap.parse_args()

    xy = np.fromfile(os.path.join(a.data, "nodes_xy.f64"), dtype="<f8").reshape(-1, 2)
    ends = np.fromfile(os.path.join(a.data, "edge_nodes.i32"), dtype="<i4").reshape(-1, 2)
    length = np.fromfile(os.path.join(a.data, "edge_length.f64"), dtype="<f8")
    sites = np.fromfile(os.path.join(a.data, "facility_node.i32"), dtype="<i4")[:a.areas]
    site_xy = np.fromfile(os.path.join(a.data, "facility_xy.f64"), dtype="<f8").reshape(-1, 2)[:a.areas]

    G = nx.Graph(crs="EPSG:4547")
    G.add_nodes_from((i, {"x": float(x), "y": float(y)}) for i, (x, y) in enumerate(xy))
    G.add_edges_from((int(u), int(v), {"length": float(w)}) for (u, v), w in zip(ends, length))

    runs, areas = [], None
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        if a.method == "dijkstra":
            areas = [nx.single_source_dijkstra_path_length(G, int(n), cutoff=a.cutoff, weight="length") for n in sites]
            t1 = time.perf_counter()
            runs.append({"total": t1 - t0, "phases": {"areas": t1 - t0}})
        else:
            centres = (ox.distance.nearest_nodes(G, site_xy[:, 0], site_xy[:, 1]) if ox else sites)
            t1 = time.perf_counter()
            areas = [nx.ego_graph(G, int(n), radius=a.cutoff, distance="length") for n in centres]
            t2 = time.perf_counter()
            runs.append({"total": t2 - t0, "phases": {"nearest nodes": t1 - t0, "areas": t2 - t1}})

    rows, total, hashes, metres = [], 0, 0, []
    for area in areas:
        nodes = np.fromiter(area if a.method == "dijkstra" else area.nodes, dtype=np.uint64)
        h = int(splitmix64(nodes + np.uint64(1)).sum(dtype=np.uint64))   # wraps, like LifeCircle's &+
        rows += [len(nodes), h - (1 << 64) if h >= 1 << 63 else h]
        total += len(nodes)
        hashes = (hashes + h) % (1 << 64)
        if a.method == "dijkstra":
            metres.append(sum(area.values()))
    np.array(rows, dtype="<i8").tofile(a.out)
    if metres:
        np.array(metres, dtype="<f8").tofile(a.out + ".metres.f64")
    versions = {"networkx": nx.__version__}
    if a.method == "ego":
        versions["osmnx"] = ox.__version__ if ox else "not installed (facility nodes given)"
    print(json.dumps({
        "contender": f"networkx {a.method}",
        "threads": 1,
        "versions": versions,
        "runs": runs,
        "check": {"areas": len(areas), "nodes": total, "set_hash": hashes - (1 << 64) if hashes >= 1 << 63 else hashes},
    }))


if __name__ == "__main__":
    main()
