"""check-e2e: `lifecircle check --rules yinchuan-2020` as a whole process, from the files to its
outputs, against geopandas doing the same from the same files; from GeoJSON and from GeoPackage.

The data is shared/bench-data's synth_compliance.py (copied here): 316 × 316 districts of
200 × 150 m near Yinchuan and 200,000 facility points with floor areas, in lon/lat, as GeoJSON;
the GeoPackages are the same layers converted by ogr2ogr. Compared per district (by id): provided
floor area to 0.01 m², pass / fail and the failed rules, as each side's compliance.csv has them.
"""
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FORMATS = ("geojson", "gpkg")

SUMMARY = "`lifecircle check` end to end (files in, outputs written) against geopandas"
TIMED = ("each contender as a whole process, wall clock from start to exit, with its peak RSS: "
         "LifeCircle: `lifecircle check --districts D --facilities F --rules yinchuan-2020 --out DIR` (reads both "
         "layers through GDAL, picks the metric CRS, checks every rule, writes compliance.json, compliance.geojson, "
         "compliance.csv and report.html); geopandas: Python start and imports, read_file (pyogrio) of both layers, "
         "to_crs(EPSG:4544), sjoin within, groupby, the rule columns, the districts with their results written as "
         "GeoJSON (GeoJSON input) or GeoPackage (GeoPackage input) and as CSV; its phases are its own clock")

NOTES = [
    "geopandas reads with pyogrio and use_arrow=True when pyarrow is installed (the versions column says which); "
    "pyogrio's wheel bundles its own GDAL, LifeCircle and the floor row use the system's.",
    "What the peer does not reproduce: LifeCircle's compliance.json (every check of every district with its figures "
    "and Chinese and English citation), report.html, the list of unallocated facilities, repairs and rejections of "
    "bad features, the choice of the metric CRS (the peer is given EPSG:4544, the one LifeCircle's compliance.json "
    "records for these data), households from population, facilities placed by district_id or by polygon share, "
    "points on a shared edge counted once, and the insufficient-data / not-applicable outcomes (none occur here).",
    "The I/O floor row is gdal_read (Scripts/bench/gdal_read.c): system GDAL opening both files and reading "
    "every feature's geometry as WKB and every field as a string, nothing else.",
]

RATIOS = [
    ("geopandas / LifeCircle, from GeoJSON", "geopandas-geojson", "lifecircle-geojson", ">=", 1.2),
    ("geopandas / LifeCircle, from GeoPackage", "geopandas-gpkg", "lifecircle-gpkg", ">=", 2.0),
]


def params(ctx):
    # synth_compliance.py OUT N_SIDE N_FACILITIES SEED
    if ctx.quick:
        return {"side": 40, "facilities": 3_200, "seed": 5}
    return {"side": 316, "facilities": 200_000, "seed": 5}


def inputs(ctx, fmt):
    return [os.path.join(ctx.data_dir, f"{layer}.{fmt}") for layer in ("districts", "facilities")]


def prepare(ctx):
    """Generates the GeoJSON (kept while its parameters are unchanged) and converts it to GeoPackage."""
    p = params(ctx)
    ctx.generated_data(os.path.join(HERE, "synth_compliance.py"), p,
                       f"{p['side'] ** 2:,} districts and {p['facilities']:,} facilities", positional=True)
    for source, target in zip(inputs(ctx, "geojson"), inputs(ctx, "gpkg")):
        if not os.path.exists(target) or os.path.getmtime(target) < os.path.getmtime(source):
            if os.path.exists(target):
                os.remove(target)
            layer = os.path.splitext(os.path.basename(target))[0]
            ctx.check_call(["ogr2ogr", "-f", "GPKG", "-nln", layer, target, source])
    return (f"{p['side'] ** 2:,} districts ({p['side']} × {p['side']}, 200 × 150 m) × {p['facilities']:,} "
            f"facilities, seed {p['seed']}, synth_compliance.py")


def contenders(ctx):
    lifecircle_versions = {"GDAL": ctx.pkg_version("gdal"), "geos": ctx.pkg_version("geos"),
                           "PROJ": ctx.pkg_version("proj")}
    runs = []
    for fmt in FORMATS:
        districts, facilities = inputs(ctx, fmt)
        runs += [
            {"key": f"lifecircle-{fmt}", "group": fmt, "kind": "process", "name": f"LifeCircle check, {fmt}",
             "threads": os.cpu_count(), "versions": lifecircle_versions,
             "argv": [ctx.lifecircle_bin, "check", "--districts", districts, "--facilities", facilities,
                      "--rules", "yinchuan-2020", "--out", "{out}"]},
            {"key": f"geopandas-{fmt}", "group": fmt, "kind": "process", "name": f"geopandas, {fmt}",
             "argv": [ctx.python, os.path.join(HERE, "peer_geopandas.py"), "--districts", districts,
                      "--facilities", facilities, "--out", "{out}"]},
            ctx.gdal_floor([districts, facilities], group=fmt),
        ]
    return runs


def extract(ctx, key, outdir):
    """Per district id: provided floor area to 0.01 m², outcome, failed rules (both sides write compliance.csv)."""
    with open(os.path.join(outdir, "compliance.csv"), encoding="utf-8-sig", newline="") as f:
        return {row["id"]: (round(float(row["provided_floor_area_m2"]), 2), row["outcome"],
                            ",".join(sorted(filter(None, row["failed_rules"].split(",")))))
                for row in csv.DictReader(f)}
