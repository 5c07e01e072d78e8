"""Facilities at seeded random points on an OSM extract's walkable streets, and demand points at
seeded random places in the facilities' envelope, for coverage runs on real streets.

Usage: street_points.py OUTDIR --pbf FILE --facilities N --demand M --seed S

Reads the extract's `lines` layer (pyogrio, GDAL's OSM driver) and keeps the ways LifeCircle's
walking filter keeps by their highway value; picks N points uniformly along their total length
(lengths measured with longitude scaled by cos(latitude)); writes OUTDIR/facilities.geojson
(id, name), OUTDIR/demand.geojson (M points uniform in the facilities' lon/lat envelope; id, name,
kind community, population) and OUTDIR/meta.json (the parameters and the envelope).
"""
import argparse
import json
import math
import os

import numpy as np
import pyogrio
import shapely

EXCLUDED = {"motorway", "motorway_link", "trunk", "trunk_link", "construction", "proposed", "abandoned",
            "platform", "raceway", "bus_guideway"}


def feature_collection(xy, prefix, extra=None):
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [round(x, 7), round(y, 7)]},
         "properties": {"id": f"{prefix}{i}", "name": f"{prefix}{i}", **(extra(i) if extra else {})}}
        for i, (x, y) in enumerate(xy)]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pbf", required=True)
    ap.add_argument("--facilities", type=int, required=True)
    ap.add_argument("--demand", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    a = ap.parse_args()
    rng = np.random.default_rng(a.seed)

    ways = pyogrio.read_dataframe(a.pbf, layer="lines", columns=["highway"])
    ways = ways[ways["highway"].notna() & ~ways["highway"].isin(EXCLUDED)]
    lines = ways.geometry.to_numpy()
    lat0 = float(np.mean(ways.total_bounds[[1, 3]]))
    scale = math.cos(math.radians(lat0))
    scaled = shapely.transform(lines, lambda c: c * [scale, 1.0])
    length = shapely.length(scaled)
    at = np.sort(rng.uniform(0, length.sum(), a.facilities))
    which = np.searchsorted(np.cumsum(length), at)
    start = np.r_[0, np.cumsum(length)][which]
    points = shapely.line_interpolate_point(scaled[which], at - start)
    fxy = shapely.get_coordinates(points) / [scale, 1.0]
    order = rng.permutation(len(fxy))  # not in along-the-file order
    fxy = fxy[order]

    (x0, y0), (x1, y1) = fxy.min(axis=0), fxy.max(axis=0)
    dxy = np.c_[rng.uniform(x0, x1, a.demand), rng.uniform(y0, y1, a.demand)]
    population = rng.integers(500, 5000, a.demand)
    with open(os.path.join(a.out, "facilities.geojson"), "w") as f:
        json.dump(feature_collection(fxy, "F"), f)
    with open(os.path.join(a.out, "demand.geojson"), "w") as f:
        json.dump(feature_collection(dxy, "C", lambda i: {"kind": "community", "population": int(population[i])}), f)
    with open(os.path.join(a.out, "meta.json"), "w") as f:
        json.dump({"pbf": a.pbf, "facilities": a.facilities, "demand": a.demand, "seed": a.seed,
                   "envelope": [x0, y0, x1, y1], "ways": len(ways)}, f)


if __name__ == "__main__":
    main()
