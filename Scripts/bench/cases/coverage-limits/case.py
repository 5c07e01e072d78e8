"""coverage-limits: `lifecircle coverage --network` as a whole process against limits, no peer:

- grid500: shared/bench-data's synth_grid.py city of 500 × 500 = 250,000 nodes (80 m blocks, OSM
  XML), 30,000 communities, 1,500 facilities: under 30 s and under 2 GB;
- helsinki-40: GeoData/osm/helsinki_2019.osm.pbf with 40 facilities at seeded random points on its
  walkable streets and 300 communities at seeded random points in the facilities' envelope
  (street_points.py), the default 15-minute walk: under 3 s.

Each with its I/O floor row: GDAL alone reading the OSM lines layer and both point layers.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.dirname(HERE)
GRID_GENERATOR = os.path.join(CASES, "coverage-e2e", "synth_grid.py")  # one copy, kept with coverage-e2e
PBF = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(CASES))), "GeoData", "osm", "helsinki_2019.osm.pbf")

SUMMARY = "`lifecircle coverage --network` end to end (files in, outputs written) against time and memory limits"
TIMED = ("each row as a whole process, wall clock from start to exit, with its peak RSS: "
         "`lifecircle coverage --demand … --facilities … --network … --out DIR` (reads the OSM through GDAL, "
         "builds the walking graph, snaps, one multi-source search, traces the service circles, writes coverage.json, "
         "coverage.geojson, circles.geojson and report.html)")

NOTES = [
    "No peer: the rows are judged against their limits. The I/O floor rows are gdal_read (Scripts/bench/gdal_read.c): "
    "system GDAL reading every feature of the OSM file's lines layer and of both point layers, nothing else.",
    "helsinki-40: facilities at random points along the walkable ways of the extract's lines layer (uniform in "
    "length), communities uniform in the facilities' lon/lat envelope, both seeded (street_points.py); in so small an "
    "extract (about 1.2 × 1.5 km) nearly every community is within 15 minutes.",
]

LIMITS = [
    ("grid500: time", "lifecircle-grid500", "seconds", 30),
    ("grid500: peak memory", "lifecircle-grid500", "peak_mb", 2048),
    ("helsinki-40: time", "lifecircle-helsinki-40", "seconds", 3),
]


def grid_params(ctx):
    # synth_grid.py OUT N NDEMAND NFAC SEED
    if ctx.quick:
        return {"n": 80, "demand": 3_000, "facilities": 150, "seed": 7}
    return {"n": 500, "demand": 30_000, "facilities": 1_500, "seed": 7}


HELSINKI = {"pbf": PBF, "facilities": 40, "demand": 300, "seed": 2019}


def prepare(ctx):
    g = grid_params(ctx)
    ctx.generated_data(GRID_GENERATOR, g, f"a {g['n']} × {g['n']} grid city", positional=True, subdir="grid")
    ctx.generated_data(os.path.join(HERE, "street_points.py"), HELSINKI, "points on Helsinki's streets",
                       subdir="helsinki")
    return (f"grid500: {g['n'] ** 2:,}-node grid city, {g['demand']:,} communities, {g['facilities']:,} facilities, "
            f"seed {g['seed']}; helsinki-40: helsinki_2019.osm.pbf, {HELSINKI['facilities']} facilities, "
            f"{HELSINKI['demand']} communities, seed {HELSINKI['seed']}")


def contenders(ctx):
    runs = []
    grid = os.path.join(ctx.data_dir, "grid")
    for group, d, network in (("grid500", grid, os.path.join(grid, "grid.osm")),
                              ("helsinki-40", os.path.join(ctx.data_dir, "helsinki"), PBF)):
        demand, facilities = os.path.join(d, "demand.geojson"), os.path.join(d, "facilities.geojson")
        runs += [
            {"key": f"lifecircle-{group}", "group": group, "kind": "process", "name": f"LifeCircle coverage --network, {group}",
             "threads": os.cpu_count(), "versions": {"GDAL": ctx.pkg_version("gdal"), "geos": ctx.pkg_version("geos")},
             "argv": [ctx.lifecircle_bin, "coverage", "--demand", demand, "--facilities", facilities,
                      "--network", network, "--out", "{out}"]},
            ctx.gdal_floor([network + ":lines", demand, facilities], group=group),
        ]
    return runs


def extract(ctx, key, outdir):
    """Per community id: covered (for the counts shown; nothing to compare against)."""
    with open(os.path.join(outdir, "coverage.json")) as f:
        return {u["id"]: bool(u["covered"]) for u in json.load(f)["units"]}


def compare(ctx, reports):
    """Notes: how many communities each row covers."""
    return [], [f"{r['group']}: {sum(r['items'].values()):,} of {len(r['items']):,} communities covered."
                for r in reports if "items" in r]
