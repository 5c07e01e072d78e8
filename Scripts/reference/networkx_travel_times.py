#!/usr/bin/env python3
"""Reference travel times for LifeCircleNetwork's multi-source Dijkstra, computed by networkx.

Reads the CSV files the Swift test NetworkxFixtureExport writes for an extract (its nodes, its
edges with walking seconds, and the snapped facilities' start times at the ends of their edges),
runs nx.multi_source_dijkstra from a super-source joined to those ends, and writes the times and
nearest facilities of every k-th node (a few hundred) as a fixture:

    LIFECIRCLE_NETWORK_EXPORT=/tmp/net swift test --filter NetworkxFixtureExport
    python3 Scripts/reference/networkx_travel_times.py /tmp/net helsinki GeoData/test/network/helsinki_walk_times.csv

networkx is used from the system Python when present, else installed into a scratch venv.
"""
import csv
import os
import subprocess
import sys
import tempfile

SAMPLES = 300


def networkx():
    try:
        import networkx as nx
        return nx
    except ImportError:
        venv = os.path.join(tempfile.gettempdir(), "lifecircle-networkx-venv")
        if not os.path.exists(venv):
            subprocess.run([sys.executable, "-m", "venv", venv], check=True)
            subprocess.run([os.path.join(venv, "bin", "pip"), "install", "--quiet", "networkx"], check=True)
        os.execv(os.path.join(venv, "bin", "python"), [os.path.join(venv, "bin", "python")] + sys.argv)


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def main(folder, name, output):
    nx = networkx()
    nodes = {int(r["node"]): (r["x"], r["y"]) for r in rows(f"{folder}/{name}_nodes.csv")}

    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    for r in rows(f"{folder}/{name}_edges.csv"):
        a, b, seconds = int(r["from"]), int(r["to"]), float(r["seconds"])
        if a == b:
            continue  # a loop never shortens a path
        for u, v in ((a, b), (b, a)):  # walkable both ways; of parallel edges the shorter counts
            if not graph.has_edge(u, v) or graph[u][v]["weight"] > seconds:
                graph.add_edge(u, v, weight=seconds)

    # Each facility enters at both ends of its edge; a super-source stands for all of them, its
    # edge to a node weighted by the best start there (the lower facility index on a tie).
    start = {}
    for r in rows(f"{folder}/{name}_sources.csv"):
        node, entry = int(r["node"]), (float(r["seconds"]), int(r["facility"]))
        start[node] = min(start.get(node, entry), entry)
    for node, (seconds, _) in start.items():
        graph.add_edge("source", node, weight=seconds)

    seconds, paths = nx.multi_source_dijkstra(graph, {"source"}, weight="weight")
    step = max(1, len(nodes) // SAMPLES)
    with open(output, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["x", "y", "seconds", "facility"])
        for node in sorted(nodes)[::step]:
            x, y = nodes[node]
            out.writerow([x, y, repr(seconds[node]), start[paths[node][1]][1]])


if __name__ == "__main__":
    main(*sys.argv[1:4])
