"""geopandas contender for the compliance case. Single-threaded. Prints one JSON line (see
Scripts/bench/README.md).

The same computation as `ComplianceCheck.run` with the yinchuan-2020 pack, in geopandas and pandas:
facilities joined to the district they stand in, floor area summed per district, and per district
YC-NEW (new: ≥ 30 m² per 100 households), YC-OLD (existing: ≥ 20 m² per 100 households) and
YC-SITE (existing: every facility ≥ 200 m²), with the library's 1e-9 relative slack at a
threshold; required = households / 100 × threshold, shortfall = max(0, required − provided).

Timed per run: gpd.sjoin(facilities, districts, predicate="within") (builds the districts' STRtree,
queries every point), groupby().agg(sum, min), the per-district columns, the totals. Not timed:
reading the files, making the shapely geometries and the two GeoDataFrames (made anew for each run,
so no run reuses an earlier run's spatial index)."""
import argparse
import json
import os
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely

CRS = "EPSG:4544"
SLACK = 1e-9  # LifeCircle's DistrictRules.tolerance: within 1e-9 relative of a threshold counts as at it


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()

    def raw(name, dtype):
        return np.fromfile(os.path.join(a.data, name), dtype=dtype)

    xy = raw("districts.xy.f64", "<f8").reshape(-1, 2)
    offsets = raw("districts.offsets.i64", "<i8")
    n = len(offsets) - 1
    households = raw("districts.households.i64", "<i8")
    new = raw("districts.new.u8", "u1").astype(bool)
    polygons = shapely.polygons(shapely.linearrings(xy, indices=np.repeat(np.arange(n), np.diff(offsets))))
    fxy = raw("facilities.xy.f64", "<f8").reshape(-1, 2)
    floor_area = raw("facilities.floor_area.f64", "<f8")
    points = shapely.points(fxy)

    runs, result = [], None
    for _ in range(a.repeat):
        # Not timed: fresh frames (a GeoDataFrame caches its spatial index; each run builds its own).
        districts = gpd.GeoDataFrame({"households": households, "new": new},
                                     geometry=gpd.GeoSeries(polygons.copy(), crs=CRS))
        facilities = gpd.GeoDataFrame({"floor_area_m2": floor_area}, geometry=gpd.GeoSeries(points.copy(), crs=CRS))

        t0 = time.perf_counter()
        joined = gpd.sjoin(facilities, districts, how="inner", predicate="within")
        t1 = time.perf_counter()
        per = joined.groupby("index_right")["floor_area_m2"].agg(["sum", "min"])
        t2 = time.perf_counter()
        d = pd.DataFrame({"households": districts["households"].astype(float), "new": districts["new"]})
        d["provided"] = per["sum"].reindex(d.index, fill_value=0.0)
        d["smallest_site"] = per["min"].reindex(d.index)
        d["threshold"] = np.where(d["new"], 30.0, 20.0)
        d["required"] = d["households"] / 100 * d["threshold"]
        d["shortfall"] = (d["required"] - d["provided"]).clip(lower=0)
        per_100 = d["provided"] / d["households"] * 100
        floor_ok = per_100 >= d["threshold"] - SLACK * d["threshold"]
        site_ok = d["new"] | d["smallest_site"].isna() | (d["smallest_site"] >= 200 - SLACK * 200)
        d["pass"] = floor_ok & site_ok
        t3 = time.perf_counter()
        totals = {"pairs": int(len(joined)), "pass": int(d["pass"].sum()), "fail": int((~d["pass"]).sum()),
                  "new_pass": int((d["pass"] & d["new"]).sum()), "shortfall_m2": float(d["shortfall"].sum())}
        t4 = time.perf_counter()
        runs.append({"total": t4 - t0, "phases": {"sjoin": t1 - t0, "groupby": t2 - t1, "rules": t3 - t2,
                                                  "totals": t4 - t3}})
        result = (d["provided"].to_numpy(), totals)
        del districts, facilities, joined, per, d

    provided, totals = result
    cents = np.round(provided * 100).astype("<i8")  # per-district provided floor area, 0.01 m²
    cents.tofile(a.out)
    weights = np.arange(1, n + 1, dtype=np.uint64)
    print(json.dumps({
        "contender": "geopandas",
        "threads": 1,
        "versions": {"geopandas": gpd.__version__, "pandas": pd.__version__, "shapely": shapely.__version__,
                     "geos": shapely.geos_version_string, "pyproj": pyproj.__version__, "numpy": np.__version__},
        "runs": runs,
        "check": {"pairs": totals["pairs"], "pass": totals["pass"], "fail": totals["fail"],
                  "new_pass": totals["new_pass"],
                  "checksum": int((weights * cents.astype(np.uint64)).sum()),
                  "shortfall_m2": totals["shortfall_m2"]},
    }))


if __name__ == "__main__":
    main()
