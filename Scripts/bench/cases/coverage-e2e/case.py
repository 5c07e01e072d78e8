"""coverage-e2e: `lifecircle coverage --network` as a whole process, from the files to its outputs,
against pandana doing the nearest-facility part from the same files.

The data is shared/bench-data's synth_grid.py (copied here): a jittered 150 × 150 grid of streets
with 80 m blocks near Yinchuan as OSM XML, 10,000 communities and 200 facilities at random points
(not on nodes) as GeoJSON. Compared per community (by id): covered or not within the 15-minute
walk (1.0 m/s: 900 m, LifeCircle's default profile; the command is given no rule pack), and the
distance to the nearest facility.
"""
import csv
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "synth_grid.py")

LIMIT_M = 900.0   # 15 minutes at 1.0 m/s
TOLERANCE_M = 0.05  # pandana: ≤ 1 mm per edge (whole-millimetre weights; ≤ 30 edges in 900 m here) + float32

SUMMARY = "`lifecircle coverage --network` end to end (files in, outputs written) against pandana"
TIMED = ("each contender as a whole process, wall clock from start to exit, with its peak RSS: "
         "LifeCircle: `lifecircle coverage --demand … --facilities … --network grid.osm --out DIR` (reads the OSM "
         "through GDAL, builds the walking graph, snaps, one multi-source search, traces the service circles, writes "
         "coverage.json, coverage.geojson, circles.geojson and report.html); pandana: Python start and imports, "
         "reading the OSM lines and both point layers (pyogrio), to_crs, the graph, joining the points to their "
         "nearest edges, pandana.Network (contraction hierarchy), set_pois, nearest_pois, coverage.csv; "
         "its phases are its own clock")

NOTES = [
    "pandana joins points to the nearest node; the peer cuts each nearest edge at the joining point and hangs the "
    "point from it by its straight leg, so that pandana's distances are LifeCircle's (nearest point of the nearest "
    "edge, the leg walked at the profile's speed).",
    f"Compared per community: covered exactly, except within {TOLERANCE_M * 100:.0f} cm of the 900 m limit; the "
    f"distance within {TOLERANCE_M * 100:.0f} cm (pandana truncates each edge to whole millimetres and returns "
    "float32); a different nearest facility at the same distance is a near-tie, counted below.",
    "What the peer does not do: service circles (circles.geojson), report.html, the coverage shares and targets, "
    "the network report, off-network and rejected-feature notes; it filters ways by their highway value only "
    "(LifeCircle also reads area, foot and access tags, none of which the synthetic city has).",
    "The I/O floor row is gdal_read (Scripts/bench/gdal_read.c): system GDAL reading every feature of the OSM "
    "file's lines layer and of both point layers, nothing else.",
]

RATIOS = [
    ("pandana / LifeCircle, coverage --network end to end", "pandana", "lifecircle", ">=", 10.0),
]


def params(ctx):
    # synth_grid.py OUT N NDEMAND NFAC SEED
    if ctx.quick:
        return {"n": 40, "demand": 800, "facilities": 20, "seed": 3}
    return {"n": 150, "demand": 10_000, "facilities": 200, "seed": 3}


def prepare(ctx):
    p = params(ctx)
    ctx.generated_data(GENERATOR, p, f"a {p['n']} × {p['n']} grid city", positional=True)
    return (f"{p['n'] ** 2:,}-node grid city (80 m blocks, OSM XML), {p['demand']:,} communities, "
            f"{p['facilities']:,} facilities, seed {p['seed']}, synth_grid.py")


def files(ctx):
    return {name: os.path.join(ctx.data_dir, f) for name, f in
            (("demand", "demand.geojson"), ("facilities", "facilities.geojson"), ("network", "grid.osm"))}


def contenders(ctx):
    f = files(ctx)
    return [
        {"key": "lifecircle", "kind": "process", "name": "LifeCircle coverage --network", "threads": os.cpu_count(),
         "versions": {"GDAL": ctx.pkg_version("gdal"), "geos": ctx.pkg_version("geos")},
         "argv": [ctx.lifecircle_bin, "coverage", "--demand", f["demand"], "--facilities", f["facilities"],
                  "--network", f["network"], "--out", "{out}"]},
        {"key": "pandana", "kind": "process", "name": "pandana, nearest_pois",
         "argv": [ctx.python, os.path.join(HERE, "peer_pandana.py"), "--demand", f["demand"],
                  "--facilities", f["facilities"], "--network", f["network"], "--out", "{out}"]},
        ctx.gdal_floor([f["network"] + ":lines", f["demand"], f["facilities"]]),
    ]


def extract(ctx, key, outdir):
    """Per community id: (covered, metres or None, nearest facility or None), from LifeCircle's coverage.json
    or the peer's coverage.csv."""
    if os.path.exists(os.path.join(outdir, "coverage.json")):
        with open(os.path.join(outdir, "coverage.json")) as f:
            return {u["id"]: (bool(u["covered"]), u.get("meters"), u.get("nearest_facility"))
                    for u in json.load(f)["units"]}
    with open(os.path.join(outdir, "coverage.csv"), newline="") as f:
        return {r["id"]: (r["covered"] == "1", float(r["meters"]) if r["meters"] else None, r["nearest_facility"] or None)
                for r in csv.DictReader(f)}


def same_item(a, b):
    """Covered alike with distances within TOLERANCE_M (the facility may differ: a near-tie), or covered by
    one side only with its distance within TOLERANCE_M of the limit."""
    (covered_a, metres_a, _), (covered_b, metres_b, _) = a, b
    if covered_a and covered_b:
        return abs(metres_a - metres_b) <= TOLERANCE_M
    if covered_a != covered_b:
        return abs((metres_a if covered_a else metres_b) - LIMIT_M) <= TOLERANCE_M
    return True


def compare(ctx, reports):
    """Notes: how far the distances are apart, and the near-ties. No problems of its own (same_item judges)."""
    by_key = {r["key"]: r for r in reports}
    if "items" not in by_key.get("lifecircle", {}) or "items" not in by_key.get("pandana", {}):
        return [], []
    a, b = by_key["lifecircle"]["items"], by_key["pandana"]["items"]
    both = [k for k in a.keys() & b.keys() if a[k][0] and b[k][0]]
    gaps = [a[k][1] - b[k][1] for k in both]
    ties = [k for k in both if a[k][2] != b[k][2]]
    edge = [k for k in a.keys() & b.keys() if a[k][0] != b[k][0]]
    notes = [f"{sum(x[0] for x in a.values()):,} of {len(a):,} communities covered (LifeCircle). Distances, "
             f"LifeCircle − pandana, over {len(both):,} covered by both: max {max(map(abs, gaps), default=0) * 1000:.1f} mm, "
             f"mean {sum(gaps) / max(len(gaps), 1) * 1000:.1f} mm."]
    if ties:
        notes.append(f"{len(ties)} near-tie(s), another facility at the same distance: " + "; ".join(
            f"{k}: LifeCircle {a[k][2]} at {a[k][1]:.3f} m, pandana {b[k][2]} at {b[k][1]:.3f} m" for k in sorted(ties)[:3]))
    if edge:
        notes.append(f"{len(edge)} communit(ies) within {TOLERANCE_M * 100:.0f} cm of the limit, covered by one side only: "
                     + ", ".join(sorted(edge)[:3]))
    return [], notes
