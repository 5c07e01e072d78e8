"""spatial-join: 1,000,000 points against 10,000 polygons, count of points per polygon.

Contenders read the same files (generate.py); each times creating the point geometries, building
the tree and prepared polygons, the query and the per-polygon count, and reports the best of N runs.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

SUMMARY = "points within polygons, count of points per polygon"
TIMED = ("make the point geometries, build the STRtree and prepared polygons, query "
         "(point within polygon), count per polygon; file loading not timed")

# Printed under the table.
NOTES = [
    "LifeCircle's and the C loop's query phase include making each GEOS point and testing it against the "
    "prepared polygon (prepared contains); shapely makes its points first (phase points), and its "
    "query prepares each input point and tests it against the plain polygon (prepared within).",
    "LifeCircle's query returns (point, polygon) index pairs, like shapely's; the C loop only counts.",
    "LifeCircle takes the points along a Hilbert curve (the sort is timed) and returns the pairs in input "
    "order; the C loop and shapely take them in file order.",
]

# (label, numerator contender, denominator contender, goal, target) on best total time.
RATIOS = [
    ("shapely / LifeCircle (1 worker)", "shapely", "lifecircle-1", ">=", 1.0),
    ("LifeCircle (1 worker) / C loop", "lifecircle-1", "c", "<=", 1.5),
]


def params(ctx):
    if ctx.quick:
        return {"points": 100_000, "grid": 50, "seed": 20240601}
    return {"points": 1_000_000, "grid": 100, "seed": 20240601}


def prepare(ctx):
    """Generates the data (kept while its parameters are unchanged) and compiles the C peer."""
    p = params(ctx)
    meta = ctx.generated_data(os.path.join(HERE, "generate.py"), p,
                              f"{p['points']:,} points and {p['grid'] ** 2:,} polygons")

    ctx.c_peer(os.path.join(HERE, "peer_geos.c"))
    return f"{meta['points']:,} points against {meta['polygons']:,} polygons, seed {meta['seed']}"


def contenders(ctx):
    data = ["--data", ctx.data_dir]
    return [
        {"key": "lifecircle-1", "name": "LifeCircle, 1 worker",
         "argv": [ctx.swift_bin, "spatial-join", *data, "--workers", "1"]},
        {"key": "lifecircle-2", "name": "LifeCircle, 2 workers",
         "argv": [ctx.swift_bin, "spatial-join", *data, "--workers", "2"]},
        {"key": "shapely", "name": "shapely 2",
         "argv": [ctx.python, os.path.join(HERE, "peer_shapely.py"), *data]},
        {"key": "c", "name": "C loop, GEOS C API",
         "argv": [os.path.join(ctx.build_dir, "peer_geos"), *data]},
    ]
