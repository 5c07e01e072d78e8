"""coverage: street-network coverage on a synthetic city of about 1,000,000 street edges
(Scripts/synthetic_city.py), in three groups of contenders:

- nearest: the nearest facility (within 1,200 m along the network) of each of 25,000 demand
  points, network build included: LifeCircle vs pandana.
- areas: a service area (the nodes within 1,200 m) for each of the first 100 facilities:
  LifeCircle vs networkx (the search alone, and OSMnx's isochrone recipe).
- polygons: LifeCircle's service-area polygons for the same facilities (no peer; reported).

Demand points and facilities sit exactly on nodes, so pandana (which joins points to the nearest
node) and LifeCircle (nearest point of the nearest edge, here a node with a zero leg) place them
alike. The cutoff is 1,200 m: the 15-minute elderly walk (720 m at 0.8 m/s) with margin; LifeCircle
walks at 0.8 m/s on every road class, so its cutoff is 1,500 s and its distances are seconds × 0.8.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(HERE))), "synthetic_city.py")

CUTOFF = 1200  # metres
AREAS = 100    # service areas: the first AREAS facilities

SUMMARY = "nearest facility for every demand point, and service areas, along a street network"
TIMED = ("nearest: from the road lines to every demand point's nearest facility — LifeCircle: StreetGraph from the "
         "in-memory centreline features (one two-vertex line per edge, with its class), the snapping index (GEOS "
         "STRtree of the edges), snapping facilities and demand points, one multi-source Dijkstra with the cutoff, "
         "travel(for:); pandana: Network (its contraction hierarchy), precompute(1200), set_pois, nearest_pois "
         "(every node), get_node_ids and the look-up; "
         f"areas: the {AREAS} searches only — LifeCircle: ParallelSearches.map (a NetworkSearch per facility with the "
         "cutoff, on 2 workers), the reached nodes and their distances; networkx: single_source_dijkstra_path_length(cutoff), "
         "or OSMnx's recipe (nearest_nodes once, ego_graph per facility); graphs, features, snaps and LifeCircle's search "
         "workspaces (made once per graph, logged) are made beforehand, untimed; "
         "polygons: ServiceAreas.polygons for the same facilities (buffer 25 m)")

NOTES = [
    "pandana: one run (its network build takes over a minute at this size); the others: best of the runs given.",
    "pandana runs its contraction hierarchy and nearest_pois on 2 OpenMP threads; LifeCircle snaps on 2 "
    "threads and builds and makes the nearest-facility pass on one, and runs the service areas and polygons on 2 "
    "(one search workspace per worker); networkx runs on one.",
    "pandana keeps edge weights as whole millimetres (weight × 1,000, truncated), so its distances are a few "
    "millimetres shorter than the exact sums and, where two facilities are within millimetres of a point, it may "
    "name the other one. Compared: which points are reached, exactly (result files); distances per point within "
    "3 cm; facilities per point, exactly except near-ties confirmed by exact distances (the case's own check, below).",
    "precompute(1200) is not needed by nearest_pois (it caches range queries for aggregations); it is timed as "
    "listed (phase precompute) and is a small part of pandana's total.",
    "networkx searches an undirected nx.Graph, cheaper for it than OSMnx's MultiDiGraph; OSMnx's recipe also pays "
    "nearest_nodes, which turns the graph's nodes into a GeoDataFrame on every call.",
]

RATIOS = [
    ("pandana / LifeCircle, nearest facility end to end", "pandana", "lifecircle-nearest", ">=", 10.0),
    ("networkx search / LifeCircle, per service area", "networkx", "lifecircle-areas", ">=", 20.0),
    ("OSMnx recipe / LifeCircle, per service area", "osmnx", "lifecircle-areas", ">=", 20.0),
]

# pandana's whole-millimetre weights: relative difference of the distance sums (bound: 1 mm per edge of ≥ 48 m).
TOLERANCE = {"metres": 1e-4}


def params(ctx):
    if ctx.quick:
        return {"edges": 50_000, "communities": 1_000, "villages": 250, "facilities": 200, "seed": 20240701}
    return {"edges": 1_000_000, "communities": 20_000, "villages": 5_000, "facilities": 2_000, "seed": 20240701}


def prepare(ctx):
    """Generates the city (kept while its parameters are unchanged)."""
    p = params(ctx)
    meta = ctx.generated_data(GENERATOR, p, f"a city of about {p['edges']:,} street edges",
                              recorded_as={"edges": "edges_requested"})
    return (f"{meta['edge_count']:,} street edges, {meta['nodes']:,} nodes ({meta['urban_nodes']:,} urban), "
            f"{meta['communities']:,} communities + {meta['villages']:,} villages, {meta['facilities']:,} facilities, "
            f"cutoff {CUTOFF:,} m, {AREAS} service areas, seed {meta['seed']}")


def contenders(ctx):
    data = ["--data", ctx.data_dir, "--cutoff", str(CUTOFF)]
    areas = [*data, "--areas", str(AREAS)]
    nx_peer = os.path.join(HERE, "peer_networkx.py")
    polygons = 20 if ctx.quick else AREAS  # the quick city's areas are larger: GEOS's buffers take long
    return [
        {"key": "lifecircle-nearest", "group": "nearest", "name": "LifeCircle, nearest facility",
         "argv": [ctx.swift_bin, "coverage", "--part", "nearest", *data]},
        {"key": "pandana", "group": "nearest", "name": "pandana, nearest_pois", "repeat": 1,
         "argv": [ctx.python, os.path.join(HERE, "peer_pandana.py"), *data]},
        {"key": "lifecircle-areas", "group": "areas", "name": f"LifeCircle, {AREAS} service areas",
         "argv": [ctx.swift_bin, "coverage", "--part", "areas", *areas]},
        {"key": "networkx", "group": "areas", "name": f"networkx, {AREAS} × single_source_dijkstra_path_length",
         "argv": [ctx.python, nx_peer, "--method", "dijkstra", *areas]},
        {"key": "osmnx", "group": "areas", "name": f"OSMnx recipe, nearest_nodes + {AREAS} × ego_graph",
         "argv": [ctx.python, nx_peer, "--method", "ego", *areas]},
        {"key": "lifecircle-polygons", "group": "polygons", "name": f"LifeCircle, {polygons} service-area polygons",
         "repeat": 1, "argv": [ctx.swift_bin, "coverage", "--part", "polygons", *data, "--areas", str(polygons)]},
    ]


def compare(ctx, reports):
    """What the byte comparison of the result files (which points are reached) leaves out: each
    point's facility and distance (nearest) and each area's sum of node distances (areas).
    Returns (problems, notes)."""
    by_key = {r["key"]: r for r in reports}
    problems, notes = [], []

    def side(key, suffix, dtype):
        path = by_key[key]["out"] + suffix if key in by_key else None
        return np.fromfile(path, dtype=dtype) if path and os.path.exists(path) else None

    a, b = side("lifecircle-nearest", ".metres.f64", "<f8"), side("pandana", ".metres.f64", "<f8")
    fa, fb = side("lifecircle-nearest", ".facility.i64", "<i8"), side("pandana", ".facility.i64", "<i8")
    if any(x is None for x in (a, b, fa, fb)) or len({len(a), len(b), len(fa), len(fb)}) != 1:
        problems.append("nearest: per-point facilities or distances missing, or of different lengths")
    elif not np.array_equal(np.isnan(a), np.isnan(b)):
        problems.append(f"nearest: {int((np.isnan(a) != np.isnan(b)).sum())} demand points reached by one contender only")
    else:
        d = np.abs(a - b)[~np.isnan(a)]
        worst = float(d.max()) if len(d) else 0.0
        if worst > 0.03:
            problems.append(f"nearest: {int((d > 0.03).sum())} demand points' distances differ by more than 3 cm "
                            f"(worst {worst:.3f} m)")
        notes.append(f"nearest: per-point distances, LifeCircle − pandana: max {worst * 1000:.1f} mm, "
                     f"mean {float(np.nanmean(a - b)) * 1000:.1f} mm over {len(d):,} reached points "
                     "(pandana truncates each edge to whole millimetres).")
        differ = np.flatnonzero(fa != fb)
        if len(differ):
            ties, worse = near_ties(ctx.data_dir, differ, fa, fb)
            if worse:
                problems.append(f"nearest: {len(worse)} demand points have different nearest facilities that are not "
                                f"near-ties, first: {worse[:3]}")
            if ties:
                notes.append(f"nearest: {len(ties)} demand point(s) with a different facility, each a near-tie by exact "
                             "distances (scipy.sparse.csgraph.dijkstra): " + "; ".join(
                                 f"point {i}: LifeCircle's facility {f} at {x:.4f} m, pandana's {g} at {y:.4f} m"
                                 for i, f, g, x, y in ties[:3]) + ("; …" if len(ties) > 3 else "") + ".")
        else:
            notes.append("nearest: the same facility for every demand point.")

    a, b = side("lifecircle-areas", ".metres.f64", "<f8"), side("networkx", ".metres.f64", "<f8")
    if a is None or b is None or len(a) != len(b):
        problems.append("areas: per-area distance sums missing or of different lengths")
    else:
        rel = float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1))) if len(a) else 0.0
        if rel > 1e-9:
            problems.append(f"areas: per-area sums of node distances differ by up to {rel:.2e} relative")
        notes.append(f"areas: identical reached node sets; per-area sums of node distances agree within {rel:.1e} relative.")
    return problems, notes


def near_ties(data_dir, points, fa, fb):
    """Exact network distances from both facilities to each point where the contenders named different
    ones: a near-tie when they differ by at most 3 cm and the first contender's is not the farther.
    Returns (ties, others) as lists of (point, facility a, facility b, metres a, metres b)."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    ends = np.fromfile(os.path.join(data_dir, "edge_nodes.i32"), dtype="<i4").reshape(-1, 2)
    length = np.fromfile(os.path.join(data_dir, "edge_length.f64"), dtype="<f8")
    n = len(np.fromfile(os.path.join(data_dir, "nodes_xy.f64"), dtype="<f8")) // 2
    facility_node = np.fromfile(os.path.join(data_dir, "facility_node.i32"), dtype="<i4")
    demand_node = np.fromfile(os.path.join(data_dir, "demand_node.i32"), dtype="<i4")
    graph = csr_matrix((np.r_[length, length], (np.r_[ends[:, 0], ends[:, 1]], np.r_[ends[:, 1], ends[:, 0]])),
                       shape=(n, n))
    ties, others = [], []
    for i in points:
        f, g = int(fa[i]), int(fb[i])
        if f < 0 or g < 0:
            others.append((int(i), f, g, float("nan"), float("nan")))
            continue
        x, y = dijkstra(graph, indices=[facility_node[f], facility_node[g]], limit=CUTOFF * 1.1)[:, demand_node[i]]
        (ties if abs(x - y) <= 0.03 and x <= y + 1e-9 else others).append((int(i), f, g, float(x), float(y)))
    return ties, others
