#!/usr/bin/env python3
"""Independent counts of the default walking network of an OSM extract, to check LifeCircleNetwork.

GDAL's ogr2ogr applies the walking filter in SQL (SQLite dialect, hstore_get_value on other_tags)
and writes the kept ways twice: in lon/lat, where nodes are identified by identical coordinates,
and projected to the metric CRS, where lengths are measured. networkx finds the components.

    python3 Scripts/reference/osm_walk_network_counts.py GeoData/osm/helsinki_2019.osm.pbf 32635
    python3 Scripts/reference/osm_walk_network_counts.py GeoData/osm/beijing_haidian_wudaokou_2017.osm.pbf 4548

Prints ways kept, components, and nodes / edges / metres of the largest component and of the rest.
"""
import json
import math
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import networkx as nx

EXCLUDED = ("motorway", "motorway_link", "trunk", "trunk_link", "construction", "proposed",
            "abandoned", "platform", "raceway", "bus_guideway")


def tag(key):
    return f"COALESCE(hstore_get_value(other_tags, '{key}'), '')"


WHERE = (
    "highway IS NOT NULL"
    f" AND highway NOT IN ({', '.join(repr(h) for h in EXCLUDED)})"
    f" AND {tag('area')} <> 'yes'"
    f" AND {tag('foot')} <> 'no'"
    f" AND NOT ({tag('access')} IN ('no', 'private')"
    f" AND {tag('foot')} NOT IN ('yes', 'designated', 'permissive'))"
)


def export(source, target, epsg=None):
    command = ["ogr2ogr", "-f", "GeoJSON", "-lco", "SIGNIFICANT_FIGURES=17", "-dialect", "sqlite",
               "-sql", f"SELECT osm_id, geometry FROM lines WHERE {WHERE}", target, source]
    if epsg:
        command[1:1] = ["-t_srs", f"EPSG:{epsg}"]
    subprocess.run(command, check=True)
    return [f["geometry"]["coordinates"] for f in json.loads(Path(target).read_text())["features"]]


def main(source, epsg):
    with tempfile.TemporaryDirectory() as scratch:
        lonlat = export(source, f"{scratch}/lonlat.geojson")
        metric = export(source, f"{scratch}/metric.geojson", epsg)

    # Each way as (location key, projected point) pairs without consecutive repeats.
    ways = []
    for keys, points in zip(lonlat, metric):
        way = []
        for key, point in zip(map(tuple, keys), points):
            if not way or way[-1][0] != key:
                way.append((key, point))
        if len(way) >= 2:
            ways.append(way)

    visits = Counter(key for way in ways for key, _ in way)
    for way in ways:
        visits[way[0][0]] = visits[way[-1][0]] = 2

    graph = nx.MultiGraph()
    for way in ways:
        start = 0
        for v in range(1, len(way)):
            if visits[way[v][0]] >= 2:
                metres = sum(math.dist(a[1], b[1]) for a, b in zip(way[start:v], way[start + 1:v + 1]))
                graph.add_edge(way[start][0], way[v][0], metres=metres)
                start = v

    components = sorted(nx.connected_components(graph), key=len, reverse=True)
    largest = graph.subgraph(components[0])
    total = sum(d["metres"] for _, _, d in graph.edges(data=True))
    kept = sum(d["metres"] for _, _, d in largest.edges(data=True))
    print(f"ways kept by the filter: {len(lonlat)} ({len(ways)} with two or more distinct points)")
    print(f"components: {len(components)}")
    print(f"largest: nodes {largest.number_of_nodes()} edges {largest.number_of_edges()} metres {kept:.6f}")
    print(f"dropped: nodes {graph.number_of_nodes() - largest.number_of_nodes()} "
          f"edges {graph.number_of_edges() - largest.number_of_edges()} metres {total - kept:.6f}")
    print(f"all: metres {total:.6f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
