"""shapely 2 contender for the spatial-join case. Single-threaded (shapely releases the GIL but
runs one query on one thread). Prints one JSON line (see Scripts/bench/README.md).

Timed per run: shapely.points(xy), STRtree(polygons), tree.query(points, predicate="within"),
np.bincount. Not timed: reading the files (WKB parsing, np.fromfile)."""
import argparse
import json
import os
import time

import numpy as np
import shapely


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()

    with open(os.path.join(a.data, "polygons.wkb.hex")) as f:
        polygons = shapely.from_wkb(f.read().split())
    xy = np.fromfile(os.path.join(a.data, "points.f64"), dtype="<f8").reshape(-1, 2)

    runs, counts = [], None
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        points = shapely.points(xy)
        t1 = time.perf_counter()
        tree = shapely.STRtree(polygons)
        t2 = time.perf_counter()
        # shapely's contract: input point `within` tree polygon.
        pairs = tree.query(points, predicate="within")
        t3 = time.perf_counter()
        counts = np.bincount(pairs[1], minlength=len(polygons)).astype("<i8")
        t4 = time.perf_counter()
        runs.append({"total": t4 - t0, "phases": {"points": t1 - t0, "build": t2 - t1,
                                                  "query": t3 - t2, "count": t4 - t3}})
        del points, tree, pairs

    counts.tofile(a.out)
    weights = np.arange(1, len(counts) + 1, dtype=np.uint64)
    print(json.dumps({
        "contender": "shapely",
        "threads": 1,
        "versions": {"shapely": shapely.__version__, "geos": shapely.geos_version_string,
                     "numpy": np.__version__},
        "runs": runs,
        "check": {"pairs": int(counts.sum()), "checksum": int((weights * counts.astype(np.uint64)).sum())},
    }))


if __name__ == "__main__":
    main()
