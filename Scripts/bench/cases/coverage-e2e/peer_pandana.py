"""pandana peer of coverage-e2e: what `lifecircle coverage --network` does for the nearest facility,
as a whole process from the files to the output, with pandana. Prints one JSON line last (see
Scripts/bench/README.md: process contenders).

1. Reads the OSM file's `lines` layer (pyogrio: GDAL's OSM driver, as LifeCircle does) and the demand
   and facility points, keeps the ways LifeCircle's walking filter keeps by their highway value
   (the synthetic city has no other tags that matter), and takes everything to EPSG:4544 (the metric
   CRS LifeCircle picks near Yinchuan).
2. Builds the street graph: every vertex a node (ways sharing a node carry the same coordinates),
   every pair of consecutive vertices an edge of its straight length; the largest connected
   component only.
3. Joins each point to the nearest point of the nearest edge (shapely STRtree, as LifeCircle joins
   with GEOS), within 500 m, and puts the join into the graph: the edge is cut at the joining point
   and the point hangs from it by an edge of its straight leg. pandana itself joins points to the
   nearest node; these extra nodes make its distances LifeCircle's (walk at 1.0 m/s: metres = seconds).
4. pandana.Network (its contraction hierarchy), set_pois(facility nodes), nearest_pois for every
   node within a search radius a little above the 15-minute walk (900 m), then the demand points'
   own nodes: covered when the nearest facility is within 900 m.
5. Writes OUT/coverage.csv: id, covered, meters, nearest_facility (meters and facility for covered
   points only, as LifeCircle's coverage.json has them).

pandana keeps edge weights as whole millimetres (weight × 1,000, truncated) and returns float32
distances, so its distances are up to a few centimetres shorter than exact sums; the case compares
within that.
"""
import time

t_start = time.perf_counter()
import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402

import geopandas as gpd  # noqa: E402
import numpy as np  # noqa: E402
import pandana  # noqa: E402
import pandas as pd  # noqa: E402
import pyogrio  # noqa: E402
import shapely  # noqa: E402
from scipy.sparse import coo_matrix  # noqa: E402
from scipy.sparse.csgraph import connected_components  # noqa: E402

try:
    import pyarrow
except ImportError:
    pyarrow = None

CRS = "EPSG:4544"
# LifeCircle's WalkingFilter.excludedHighways.
EXCLUDED = {"motorway", "motorway_link", "trunk", "trunk_link", "construction", "proposed", "abandoned",
            "platform", "raceway", "bus_guideway"}
MAX_SNAP = 500.0


def graph_from_lines(lines):
    """Nodes (x, y) and edges (from, to, metres) of the lines, every vertex a node: identical
    coordinates are one node; the largest connected component only."""
    xy, line = shapely.get_coordinates(lines, return_index=True)
    unique, node = np.unique(xy, axis=0, return_inverse=True)
    node = node.ravel()
    same_line = line[1:] == line[:-1]
    a, b = node[:-1][same_line], node[1:][same_line]
    keep = a != b
    a, b = a[keep], b[keep]
    n = len(unique)
    _, label = connected_components(coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n)), directed=False)
    largest = np.argmax(np.bincount(label))
    kept = label[a] == largest
    a, b = a[kept], b[kept]
    used = np.unique(np.r_[a, b])
    renumber = np.full(n, -1)
    renumber[used] = np.arange(len(used))
    xy = unique[used]
    a, b = renumber[a], renumber[b]
    return xy, a, b, np.hypot(*(xy[b] - xy[a]).T)


def join_points(xy, a, b, length, points):
    """The graph with each point hung from the nearest point of its nearest edge (cut there), within
    MAX_SNAP. Returns the new (xy, a, b, length) and each point's node (-1: off the network)."""
    segments = shapely.linestrings(np.stack([xy[a], xy[b]], axis=1))
    tree = shapely.STRtree(segments)
    (which, edge), leg = tree.query_nearest(points, return_distance=True, all_matches=False)
    order = np.argsort(which)
    which, edge, leg = which[order], edge[order], leg[order]
    on = leg <= MAX_SNAP
    which, edge, leg = which[on], edge[on], leg[on]
    along = shapely.line_locate_point(segments[edge], points[which])
    joint = shapely.get_coordinates(shapely.line_interpolate_point(segments[edge], along))
    n = len(xy)
    joint_node = n + np.arange(len(which))
    point_node = n + len(which) + np.arange(len(which))
    new_xy = [xy, joint, shapely.get_coordinates(points[which])]
    # Each cut edge becomes a chain through its joining points, in order along it.
    cut = np.zeros(len(a), bool)
    cut[edge] = True
    chain_from, chain_to, chain_len = [], [], []
    by_edge = np.lexsort((along, edge))
    starts = np.flatnonzero(np.r_[True, edge[by_edge][1:] != edge[by_edge][:-1]])
    for s, e in zip(starts, np.r_[starts[1:], len(by_edge)]):
        k = by_edge[s:e]
        j = edge[k[0]]
        nodes = np.r_[a[j], joint_node[k], b[j]]
        at = np.r_[0.0, along[k], length[j]]
        chain_from.append(nodes[:-1])
        chain_to.append(nodes[1:])
        chain_len.append(np.diff(at))
    a2 = np.r_[a[~cut], *chain_from, joint_node]
    b2 = np.r_[b[~cut], *chain_to, point_node]
    length2 = np.r_[length[~cut], *chain_len, leg]
    node = np.full(len(points), -1)
    node[which] = point_node
    return np.concatenate(new_xy), a2, b2, length2, node


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--demand", required=True)
    ap.add_argument("--facilities", required=True)
    ap.add_argument("--network", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--minutes", type=float, default=15)
    ap.add_argument("--speed", type=float, default=1.0, help="m/s (LifeCircle's walk profile)")
    a = ap.parse_args()
    limit = a.minutes * 60 * a.speed
    phases = {"import": time.perf_counter() - t_start}

    def clock(name, t0):
        phases[name] = time.perf_counter() - t0
        return time.perf_counter()

    t = time.perf_counter()
    read = {"engine": "pyogrio", "use_arrow": pyarrow is not None}
    ways = gpd.read_file(a.network, layer="lines", columns=["highway"], **read)
    demand = gpd.read_file(a.demand, columns=["id"], **read)
    facilities = gpd.read_file(a.facilities, columns=["id"], **read)
    t = clock("read", t)
    ways = ways[ways["highway"].notna() & ~ways["highway"].isin(EXCLUDED)].to_crs(CRS)
    demand_points = demand.geometry.to_crs(CRS).to_numpy()
    facility_points = facilities.geometry.to_crs(CRS).to_numpy()
    t = clock("to_crs", t)
    xy, fr, to, length = graph_from_lines(ways.geometry.to_numpy())
    t = clock("graph", t)
    points = np.r_[facility_points, demand_points]
    xy, fr, to, length, node = join_points(xy, fr, to, length, points)
    facility_node, demand_node = node[:len(facility_points)], node[len(facility_points):]
    t = clock("join", t)

    net = pandana.Network(pd.Series(xy[:, 0]), pd.Series(xy[:, 1]), pd.Series(fr), pd.Series(to),
                          pd.DataFrame({"length": length}))
    t = clock("network", t)
    on = facility_node >= 0
    search = limit * 1.1  # a little beyond the limit: points just past it are reported with their distance
    net.set_pois("facility", search, 1, pd.Series(xy[facility_node[on], 0], index=np.flatnonzero(on)),
                 pd.Series(xy[facility_node[on], 1], index=np.flatnonzero(on)))
    nearest = net.nearest_pois(search, "facility", num_pois=1, include_poi_ids=True)
    t = clock("nearest_pois", t)

    at = nearest.reindex(np.where(demand_node >= 0, demand_node, -1))
    poi = at["poi1"].to_numpy()
    metres = at[1].to_numpy(dtype=np.float64)
    covered = ~np.isnan(poi) & (metres <= limit)
    facility_ids = facilities["id"].to_numpy()
    result = pd.DataFrame({
        "id": demand["id"], "covered": covered.astype(int),
        "meters": np.where(covered, metres, np.nan),
        "nearest_facility": np.where(covered, facility_ids[np.nan_to_num(poi, nan=0).astype(int)], ""),
    })
    result.to_csv(os.path.join(a.out, "coverage.csv"), index=False)
    clock("write", t)

    print(f"{len(xy):,} nodes, {len(fr):,} edges; {int(covered.sum()):,} of {len(demand):,} covered")
    print(json.dumps({
        "threads": int(os.environ.get("OMP_NUM_THREADS", os.cpu_count())),
        "versions": {"pandana": pandana.__version__, "geopandas": gpd.__version__, "pandas": pd.__version__,
                     "shapely": shapely.__version__, "geos": shapely.geos_version_string,
                     "pyogrio": pyogrio.__version__, "GDAL (pyogrio's)": pyogrio.__gdal_version_string__,
                     "pyarrow": pyarrow.__version__ if pyarrow else "not installed (use_arrow=False)"},
        "phases": phases,
    }))


if __name__ == "__main__":
    main()
