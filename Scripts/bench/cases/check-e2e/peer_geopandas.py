"""geopandas peer of check-e2e: what `lifecircle check --rules yinchuan-2020` does, as a whole
process from the files to the outputs, in geopandas and pandas. Single-threaded.

Reads both layers (pyogrio engine, with use_arrow=True when pyarrow is installed), takes them to
EPSG:4544 (CGCS2000 3-degree Gauss-Krüger CM 105°E, the CRS LifeCircle picks for these data), joins
the facility points to the district they stand in (sjoin, predicate within), sums floor_area_m2 per
district, and applies the pack's rules: new districts ≥ 30 m² per 100 households (YC-NEW), existing
ones ≥ 20 (YC-OLD) and every facility in them ≥ 200 m² (YC-SITE, checked where there is a site),
within LifeCircle's 1e-9 relative slack at a threshold; required = households / 100 × threshold,
shortfall = max(0, required − provided). Writes the districts with their results (in their own
CRS) as OUT/compliance.gpkg from a GeoPackage input, else OUT/compliance.geojson, and
OUT/compliance.csv with LifeCircle's CSV columns. The last line of stdout is a JSON object: the
versions loaded and the peer's own phases (run.py times the whole process).
"""
import time

t_start = time.perf_counter()
import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pyogrio  # noqa: E402
import pyproj  # noqa: E402
import shapely  # noqa: E402

try:
    import pyarrow
except ImportError:
    pyarrow = None

CRS = "EPSG:4544"
SLACK = 1e-9  # LifeCircle's DistrictRules.tolerance: within 1e-9 relative of a threshold counts as at it
RULES = {"new": ("YC-NEW", 30.0), "existing": ("YC-OLD", 20.0)}
SITE_RULE, SITE_MIN = "YC-SITE", 200.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--districts", required=True)
    ap.add_argument("--facilities", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    phases = {"import": time.perf_counter() - t_start}

    def clock(name, t0):
        phases[name] = time.perf_counter() - t0
        return time.perf_counter()

    t = time.perf_counter()
    read = {"engine": "pyogrio", "use_arrow": pyarrow is not None}
    districts = gpd.read_file(a.districts, **read)
    facilities = gpd.read_file(a.facilities, columns=["id", "floor_area_m2"], **read)
    t = clock("read", t)
    metric_districts = districts[["geometry"]].to_crs(CRS)
    metric_facilities = facilities[["floor_area_m2", "geometry"]].to_crs(CRS)
    t = clock("to_crs", t)
    joined = gpd.sjoin(metric_facilities, metric_districts, how="inner", predicate="within")
    t = clock("sjoin", t)
    per = joined.groupby("index_right")["floor_area_m2"].agg(["sum", "min"])
    t = clock("groupby", t)

    d = districts
    households = d["households"].astype(float)
    provided = per["sum"].reindex(d.index, fill_value=0.0)
    smallest = per["min"].reindex(d.index)
    new = d["status"] == "new"
    threshold = np.where(new, RULES["new"][1], RULES["existing"][1])
    required = households / 100 * threshold
    floor_ok = provided / households * 100 >= threshold - SLACK * threshold
    site_ok = new | smallest.isna() | (smallest >= SITE_MIN - SLACK * SITE_MIN)
    failed = np.where(floor_ok, "", np.where(new, RULES["new"][0], RULES["existing"][0]))
    failed = pd.Series(failed, index=d.index).str.cat(np.where(site_ok, "", SITE_RULE), sep=",").str.strip(",")
    result = pd.DataFrame({
        "id": d["id"], "name": d["name"], "status": d["status"],
        "outcome": np.where(floor_ok & site_ok, "pass", "fail"),
        "households": d["households"],
        "required_floor_area_m2": required.round(2),
        "provided_floor_area_m2": provided.round(2),
        "shortfall_m2": (required - provided).clip(lower=0).round(2),
        "failed_rules": failed,
    })
    t = clock("rules", t)

    layer = gpd.GeoDataFrame(result, geometry=d.geometry, crs=d.crs)
    gpkg = a.districts.lower().endswith(".gpkg")
    layer.to_file(os.path.join(a.out, "compliance.gpkg" if gpkg else "compliance.geojson"),
                  driver="GPKG" if gpkg else "GeoJSON", engine="pyogrio", use_arrow=pyarrow is not None)
    result.to_csv(os.path.join(a.out, "compliance.csv"), index=False)
    clock("write", t)

    versions = {"geopandas": gpd.__version__, "pandas": pd.__version__, "shapely": shapely.__version__,
                "geos": shapely.geos_version_string, "pyogrio": pyogrio.__version__,
                "GDAL (pyogrio's)": pyogrio.__gdal_version_string__, "pyproj": pyproj.__version__,
                "PROJ": pyproj.proj_version_str,
                "pyarrow": pyarrow.__version__ if pyarrow else "not installed (use_arrow=False)"}
    print(f"{len(d):,} districts, {len(joined):,} facilities placed, {int((result['outcome'] == 'pass').sum()):,} pass")
    print(json.dumps({"threads": 1, "versions": versions, "phases": phases}))


if __name__ == "__main__":
    main()
