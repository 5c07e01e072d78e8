#!/usr/bin/env python3
"""A synthetic city for scale runs: a street network of about a million edges with communities
(社区), villages (行政村) and elderly-care facilities, seeded and reproducible.

The network is a perturbed grid, warped radially so that streets are dense in the urban core
(70 m apart) and sparse in the countryside (300–400 m apart at the edge), with jittered nodes.
Every 6th grid line is an arterial (`secondary`; every 5th of them `primary`), which cuts the city
into superblocks (小区 in town, village land outside); the streets inside a block reach the
arterials around it at a few gates only, some of them are missing and some cells get a diagonal.
Inner streets are `residential` in town (one in ten a `footway`) and `track` outside; diagonals
are `footway` in town and `track` outside. Only the largest connected component is kept. (Blocks
that meet the main roads at few places are what real street networks look like, and what lets
contraction-hierarchy routers such as pandana's build in reasonable time; a plain grid does not.)
Coordinates are metres in CGCS2000 / 3-degree Gauss-Krüger CM 114E (EPSG:4547), around Wuhan.

Demand points and facilities sit exactly on network nodes (a peer that snaps to the nearest node,
like pandana, and one that snaps to the nearest edge, like LifeCircle, then put them in the same
place): communities at urban nodes, villages at rural nodes, each with a population; facilities
at distinct nodes, mostly in town.

Outputs in OUT_DIR (little-endian, read with np.fromfile or any language without parsing):

  nodes_xy.f64         node x, y pairs (float64), nodes 0 … N−1
  edge_nodes.i32       edge from, to pairs (int32 node indices), edges 0 … E−1; undirected
  edge_length.f64      edge length in metres (float64): sqrt(dx² + dy²) of its end nodes, the way
                       LifeCircle measures its straight two-vertex lines
  edge_class.u8        edge road class (uint8), an index into meta.json's "classes"
  demand_node.i32      demand point node (int32); communities first, then villages
  demand_xy.f64        demand point x, y (float64): exactly its node's position
  demand_pop.i32       demand point population (int32)
  demand_kind.u8       0 = community, 1 = village
  facility_node.i32    facility node (int32), all distinct
  facility_xy.f64      facility x, y (float64): exactly its node's position
  meta.json            parameters, counts, class names, CRS, extent

With --gpkg, also three GeoPackages (via ogr2ogr from CSV/WKT): roads.gpkg (lines with `class`),
demand.gpkg (points with `name`, `kind` community/village, `population`) and facilities.gpkg
(points with `name`) — at a size a GIS handles comfortably, e.g. `--edges 50000`, then

  lifecircle coverage --demand demand.gpkg --facilities facilities.gpkg --network roads.gpkg \
      --profile elderly --out coverage-out

Usage: synthetic_city.py OUT_DIR [--edges 1000000] [--communities 20000] [--villages 5000]
                                 [--facilities 2000] [--seed 20240701] [--gpkg]
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import time

import numpy as np

EPSG = 4547
X0, Y0 = 500_000.0, 3_380_000.0      # centre: easting at the central meridian, about 30.5° N
CORE_SPACING = 70.0                  # metres between streets at the centre
GROWTH = 0.01                        # spacing grows by 1 % of the core spacing per grid step outwards
JITTER = 0.18                        # node jitter, share of the local spacing (either way)
BLOCK = 6                            # an arterial every 6th grid line: superblocks in town, county roads outside
PRIMARY_EVERY = 5                    # every 5th arterial is primary
GATE = 0.25                          # chance that a block street meets the arterial around it (a gate)
URBAN_MISSING = 0.04                 # chance that a street link inside a block is missing, in town
RURAL_MISSING = 0.10                 # … and in the countryside
DIAGONAL = 0.05                      # chance that a cell inside a block has a diagonal
URBAN_RADIUS = 0.40                  # share of the half-width (in grid steps) that is town
CLASSES = ["primary", "secondary", "residential", "footway", "track"]
PRIMARY, SECONDARY, RESIDENTIAL, FOOTWAY, TRACK = range(5)


def components(n, a, b):
    """Connected-component labels (the smallest node index of each), numpy only: hook roots on
    smaller roots, then pointer jumping, until no edge joins two roots."""
    parent = np.arange(n, dtype=np.int64)
    while True:
        pa, pb = parent[a], parent[b]
        lo, hi = np.minimum(pa, pb), np.maximum(pa, pb)
        join = lo != hi
        if not join.any():
            return parent
        np.minimum.at(parent, hi[join], lo[join])
        while True:
            up = parent[parent]
            if np.array_equal(up, parent):
                break
            parent = up


def generate(out_dir, edges=1_000_000, communities=20_000, villages=5_000, facilities=2_000, seed=20240701,
             gpkg=False):
    started = time.monotonic()
    rng = np.random.default_rng(seed)
    # Links per block of BLOCK × BLOCK nodes: arterials, gates, interior streets, diagonals.
    per_block = (2 * BLOCK + 4 * (BLOCK - 1) * GATE + 2 * (BLOCK - 1) * (BLOCK - 2) * (1 - RURAL_MISSING)
                 + (BLOCK - 2) ** 2 * DIAGONAL)
    k = int(math.ceil(math.sqrt(edges * BLOCK * BLOCK / per_block)))
    half = (k - 1) / 2
    i, j = np.divmod(np.arange(k * k, dtype=np.int64), k)        # i row (y), j column (x)
    u, v = j - half, i - half
    r = np.hypot(u, v)
    # Radial warp: r grid steps → CORE_SPACING·(r + GROWTH·r²/2) metres (spacing grows linearly).
    scale = CORE_SPACING * (1 + GROWTH * r / 2)                    # tangential spacing, metres
    spacing = CORE_SPACING * (1 + GROWTH * r)                      # radial spacing, metres
    jitter = JITTER * np.minimum(spacing, scale)
    x = X0 + u * scale + rng.uniform(-1, 1, k * k) * jitter
    y = Y0 + v * scale + rng.uniform(-1, 1, k * k) * jitter
    urban = r <= URBAN_RADIUS * half

    node = np.arange(k * k, dtype=np.int64).reshape(k, k)
    # Horizontal links run along row i (across columns j, j + 1), vertical ones along column j.
    ha, hb = node[:, :-1].ravel(), node[:, 1:].ravel()
    va, vb = node[:-1, :].ravel(), node[1:, :].ravel()
    a = np.concatenate([ha, va])
    b = np.concatenate([hb, vb])
    line = np.concatenate([i[ha], j[va]])              # the grid line a link runs along
    across = np.concatenate([j[ha], i[va]])            # its position along that line
    arterial = line % BLOCK == 0
    gate = ~arterial & ((across % BLOCK == 0) | ((across + 1) % BLOCK == 0))
    both_urban = urban[a] & urban[b]
    cls = np.where(both_urban, RESIDENTIAL, TRACK)
    cls = np.where(both_urban & (rng.random(len(a)) < 0.10), FOOTWAY, cls)
    cls = np.where(arterial, np.where(line % (BLOCK * PRIMARY_EVERY) == 0, PRIMARY, SECONDARY), cls)
    # Arterials are whole; a block's streets reach them at a few gates; some inner links are missing.
    draw = rng.random(len(a))
    keep = arterial | np.where(gate, draw < GATE, draw >= np.where(both_urban, URBAN_MISSING, RURAL_MISSING))
    a, b, cls = a[keep], b[keep], cls[keep]
    # Diagonals inside blocks: one per chosen cell (never both, so none cross), footway in town, track outside.
    inner = (i % BLOCK != 0) & ((i + 1) % BLOCK != 0) & (j % BLOCK != 0) & ((j + 1) % BLOCK != 0) & (i < k - 1) & (j < k - 1)
    cells = np.flatnonzero(inner)
    chosen = cells[rng.random(len(cells)) < DIAGONAL]
    flip = rng.random(len(chosen)) < 0.5
    da = np.where(flip, chosen + 1, chosen)
    db = np.where(flip, chosen + k, chosen + k + 1)
    a = np.concatenate([a, da])
    b = np.concatenate([b, db])
    cls = np.concatenate([cls, np.where(urban[da] & urban[db], FOOTWAY, TRACK)])

    # The largest connected component, renumbered in order.
    label = components(k * k, a, b)
    largest = np.bincount(label).argmax()
    kept = label == largest
    renumber = np.full(k * k, -1, dtype=np.int64)
    renumber[kept] = np.arange(kept.sum())
    on = kept[a]
    a, b, cls = renumber[a[on]], renumber[b[on]], cls[on]
    x, y, urban = x[kept], y[kept], urban[kept]
    n = len(x)
    dx, dy = x[a] - x[b], y[a] - y[b]
    length = np.sqrt(dx * dx + dy * dy)

    # Demand at distinct nodes: communities in town (more towards the centre), villages outside.
    town, country = np.flatnonzero(urban), np.flatnonzero(~urban)
    if communities > len(town) or villages > len(country):
        raise SystemExit(f"too many demand points for {len(town)} urban and {len(country)} rural nodes")
    rr = np.hypot(x[town] - X0, y[town] - Y0)
    w = 1.0 / (1.0 + (rr / rr.max()) * 2)
    community_nodes = rng.choice(town, communities, replace=False, p=w / w.sum())
    village_nodes = rng.choice(country, villages, replace=False)
    demand_node = np.concatenate([community_nodes, village_nodes])
    demand_pop = np.concatenate([rng.integers(3_000, 12_001, communities), rng.integers(300, 2_501, villages)])
    demand_kind = np.concatenate([np.zeros(communities, np.uint8), np.ones(villages, np.uint8)])
    # Facilities at distinct nodes, four in five in town.
    urban_facilities = int(round(facilities * 0.8))
    facility_node = np.concatenate([rng.choice(town, urban_facilities, replace=False),
                                    rng.choice(country, facilities - urban_facilities, replace=False)])
    facility_node = facility_node[rng.permutation(facilities)]

    os.makedirs(out_dir, exist_ok=True)

    def write(name, array, dtype):
        np.ascontiguousarray(array, dtype=dtype).tofile(os.path.join(out_dir, name))

    write("nodes_xy.f64", np.column_stack([x, y]), "<f8")
    write("edge_nodes.i32", np.column_stack([a, b]), "<i4")
    write("edge_length.f64", length, "<f8")
    write("edge_class.u8", cls, "u1")
    write("demand_node.i32", demand_node, "<i4")
    write("demand_xy.f64", np.column_stack([x[demand_node], y[demand_node]]), "<f8")
    write("demand_pop.i32", demand_pop, "<i4")
    write("demand_kind.u8", demand_kind, "u1")
    write("facility_node.i32", facility_node, "<i4")
    write("facility_xy.f64", np.column_stack([x[facility_node], y[facility_node]]), "<f8")

    meta = {
        "edges_requested": edges, "communities": communities, "villages": villages, "facilities": facilities,
        "seed": seed, "grid": k, "nodes": int(n), "edge_count": int(len(a)),
        "urban_nodes": int(urban.sum()), "rural_nodes": int((~urban).sum()),
        "dropped_nodes": int(k * k - n),
        "edges_by_class": {c: int((cls == i).sum()) for i, c in enumerate(CLASSES)},
        "metres": float(length.sum()), "min_edge_length": float(length.min()),
        "classes": CLASSES, "crs": f"EPSG:{EPSG}",
        "extent": [float(x.min()), float(y.min()), float(x.max()), float(y.max())],
        "population": int(demand_pop.sum()),
        "files": {f: d for f, d in [
            ("nodes_xy.f64", "node x, y (float64)"), ("edge_nodes.i32", "edge from, to (int32)"),
            ("edge_length.f64", "edge length, metres (float64)"), ("edge_class.u8", "edge class (uint8, index into classes)"),
            ("demand_node.i32", "demand node (int32); communities first"), ("demand_xy.f64", "demand x, y (float64)"),
            ("demand_pop.i32", "population (int32)"), ("demand_kind.u8", "0 community, 1 village"),
            ("facility_node.i32", "facility node (int32)"), ("facility_xy.f64", "facility x, y (float64)")]},
    }
    if gpkg:
        meta["gpkg"] = write_gpkg(out_dir, x, y, a, b, cls, demand_node, demand_pop, demand_kind, facility_node)
    meta["seconds"] = round(time.monotonic() - started, 1)
    with open(os.path.join(out_dir, "meta.json"), "w") as f:
        json.dump(meta, f, indent=2)
    return meta


def write_gpkg(out_dir, x, y, a, b, cls, demand_node, demand_pop, demand_kind, facility_node):
    """roads.gpkg, demand.gpkg and facilities.gpkg from WKT CSVs through ogr2ogr; returns their
    paths, or why they were skipped."""
    if not shutil.which("ogr2ogr"):
        print("synthetic_city: no ogr2ogr (gdal-bin): GeoPackages skipped", file=sys.stderr)
        return "skipped: no ogr2ogr"
    paths = []
    layers = {
        "roads": ("id,class,WKT", (f'{e},{CLASSES[cls[e]]},"LINESTRING ({x[a[e]]:.3f} {y[a[e]]:.3f}, {x[b[e]]:.3f} {y[b[e]]:.3f})"'
                                   for e in range(len(a)))),
        "demand": ("id,name,kind,population,WKT",
                   (f'{i},{("社区" if demand_kind[i] == 0 else "村")}{i + 1},{("community" if demand_kind[i] == 0 else "village")},'
                    f'{demand_pop[i]},"POINT ({x[nd]:.3f} {y[nd]:.3f})"' for i, nd in enumerate(demand_node))),
        "facilities": ("id,name,WKT", (f'{i},养老服务设施{i + 1},"POINT ({x[nd]:.3f} {y[nd]:.3f})"'
                                       for i, nd in enumerate(facility_node))),
    }
    for layer, (header, rows) in layers.items():
        csv, path = os.path.join(out_dir, f"{layer}.csv"), os.path.join(out_dir, f"{layer}.gpkg")
        with open(csv, "w", encoding="utf-8") as f:
            f.write(header + "\n")
            for row in rows:
                f.write(row + "\n")
        if os.path.exists(path):
            os.remove(path)
        subprocess.run(["ogr2ogr", "-f", "GPKG", path, csv, "-nln", layer, "-a_srs", f"EPSG:{EPSG}",
                        "-nlt", "LINESTRING" if layer == "roads" else "POINT",
                        "-oo", "GEOM_POSSIBLE_NAMES=WKT", "-oo", "KEEP_GEOM_COLUMNS=NO", "-oo", "AUTODETECT_TYPE=YES"],
                       check=True)
        os.remove(csv)
        paths.append(path)
    return paths


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir")
    ap.add_argument("--edges", type=int, default=1_000_000, help="about this many street edges (default 1,000,000)")
    ap.add_argument("--communities", type=int, default=20_000)
    ap.add_argument("--villages", type=int, default=5_000)
    ap.add_argument("--facilities", type=int, default=2_000)
    ap.add_argument("--seed", type=int, default=20240701)
    ap.add_argument("--gpkg", action="store_true", help="also write roads.gpkg, demand.gpkg and facilities.gpkg with ogr2ogr")
    args = ap.parse_args()
    meta = generate(args.out_dir, args.edges, args.communities, args.villages, args.facilities, args.seed, args.gpkg)
    print(json.dumps({k: meta[k] for k in ("nodes", "edge_count", "edges_by_class", "urban_nodes", "rural_nodes",
                                           "dropped_nodes", "extent", "population", "seconds")}))


if __name__ == "__main__":
    main()
