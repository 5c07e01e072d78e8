"""compliance: 100,000 districts × 200,000 facilities against the yinchuan-2020 pack.

LifeCircle runs `ComplianceCheck.run`, the library path of `lifecircle check`; geopandas runs the same
computation with sjoin + groupby + pandas columns. Contenders read the same files (generate.py),
agree on every district's provided floor area, on the pass / fail counts and on the total shortfall.
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

SUMMARY = "districts × facilities against the yinchuan-2020 pack (floor area per 100 households, per site)"
TIMED = ("LifeCircle: ComplianceCheck.run (GEOS polygons, STRtree and prepared polygons, each facility "
         "placed in its district, floor area per district, every rule of the pack per district, summary); "
         "geopandas: sjoin (STRtree, within), groupby sum/min, required / shortfall / pass columns, totals; "
         "C (GEOS floor): the same GEOS 3.11 calls as LifeCircle in a plain C loop on 2 threads (STRtree, "
         "prepare, points in Z-order, prepared intersects) and the rules in a few lines; "
         "file loading and building the input layers / GeoDataFrames / the C loop's GEOS polygons not timed")

NOTES = [
    "Rules, as the pack has them: new districts ≥ 30 m² per 100 households (YC-NEW); existing ≥ 20 (YC-OLD) "
    "and every facility in them ≥ 200 m² (YC-SITE); at a threshold within 1e-9 relative counts as met. "
    "required = households / 100 × threshold; shortfall = max(0, required − provided).",
    "LifeCircle converts the value polygons to GEOS inside the timed call (it is part of ComplianceCheck.run); "
    "geopandas gets shapely polygons made before the clock starts. geopandas' sjoin with predicate within "
    "builds its STRtree over the facility points and queries it with the districts (contains); LifeCircle "
    "builds its tree over the districts and queries it with the points (prepared intersects, in Hilbert order), using one "
    "worker per core. LifeCircle's result also carries every check of every district with its figures and "
    "citation (its English and Chinese sentences are written when an output asks for them).",
    "The 1-core LifeCircle row is the same binary pinned with taskset -c 0: ComplianceCheck has no "
    "worker-count option, so its workers share one core.",
    "The C row is the floor for any program on Debian 12's GEOS 3.11 (LifeCircle must call GEOS for every "
    "point-in-polygon test): when geopandas / C is below the target, no wrapper of this GEOS can meet it. "
    "GEOS ≥ 3.12 has GEOSPreparedContainsXY and faster point locators (shapely's wheel has 3.14).",
]

RATIOS = [
    ("geopandas / LifeCircle", "geopandas", "lifecircle", ">=", 3.0),
    ("geopandas / LifeCircle (1 core)", "geopandas", "lifecircle-1core", ">=", 3.0),
    ("geopandas / C (GEOS 3.11 floor, 2 threads)", "geopandas", "c", ">=", 3.0),
    ("LifeCircle / C (wrapper overhead)", "lifecircle", "c", "<=", 1.5),
]

# Real-valued checks compared within this relative tolerance (summation order differs).
TOLERANCE = {"shortfall_m2": 1e-6}


def params(ctx):
    if ctx.quick:
        return {"cols": 100, "rows": 100, "facilities": 20_000, "seed": 20240611}
    return {"cols": 400, "rows": 250, "facilities": 200_000, "seed": 20240611}


def prepare(ctx):
    """Generates the data (kept while its parameters are unchanged) and compiles the C peer."""
    p = params(ctx)
    meta = ctx.generated_data(os.path.join(HERE, "generate.py"), p,
                              f"{p['cols'] * p['rows']:,} districts and {p['facilities']:,} facilities")
    ctx.c_peer(os.path.join(HERE, "peer_geos.c"), extra=("-lpthread", "-lm"))
    return (f"{meta['districts']:,} districts ({meta['vertices']:,} vertices, {meta['cell_m']:.0f} m grid) × "
            f"{meta['facilities']:,} facilities, seed {meta['seed']}")


def contenders(ctx):
    data = ["--data", ctx.data_dir]
    lifecircle = [ctx.swift_bin, "compliance", *data]
    runs = [{"key": "lifecircle", "name": "LifeCircle, all cores", "argv": lifecircle}]
    if shutil.which("taskset") and (os.cpu_count() or 1) > 1:
        runs.append({"key": "lifecircle-1core", "name": "LifeCircle, 1 core (taskset)",
                     "argv": ["taskset", "-c", "0", *lifecircle]})
    runs.append({"key": "geopandas", "name": "geopandas",
                 "argv": [ctx.python, os.path.join(HERE, "peer_geopandas.py"), *data]})
    runs.append({"key": "c", "name": "C loop, GEOS C API, 2 threads",
                 "argv": [os.path.join(ctx.build_dir, "peer_geos"), *data, "--threads", "2"]})
    return runs
