# Copied unchanged from shared/bench-data/synth_grid.py (the project's shared folder), the generator the
# end-to-end targets are stated on. The benchmark runs this copy and never reads shared/.
"""A jittered grid street network written as OSM XML (near Yinchuan, lon/lat WGS84), plus demand
and facility points, for side-by-side speed runs. Usage: synth_grid.py OUTDIR N NDEMAND NFAC SEED"""
import sys, random, json, math
out, n, nd, nf, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rnd = random.Random(seed)
lon0, lat0, step = 106.20, 38.40, 80.0
dlat = step / 110540.0; dlon = step / (111320.0 * math.cos(math.radians(lat0)))
with open(f"{out}/grid.osm", "w") as f:
    f.write("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6' generator='synth'>\n")
    for i in range(n):
        for j in range(n):
            lat = lat0 + i * dlat + rnd.uniform(-0.2, 0.2) * dlat; lon = lon0 + j * dlon + rnd.uniform(-0.2, 0.2) * dlon
            f.write(f" <node id='{i*n+j+1}' version='1' lat='{lat:.7f}' lon='{lon:.7f}'/>\n")
    wid = 1
    for i in range(n):   # one way per row and per column, split every 10 nodes
        for s in range(0, n - 1, 10):
            refs = [i * n + j + 1 for j in range(s, min(s + 11, n))]
            f.write(f" <way id='{wid}' version='1'>" + "".join(f"<nd ref='{r}'/>" for r in refs) + "<tag k='highway' v='residential'/></way>\n"); wid += 1
    for j in range(n):
        for s in range(0, n - 1, 10):
            refs = [i * n + j + 1 for i in range(s, min(s + 11, n))]
            f.write(f" <way id='{wid}' version='1'>" + "".join(f"<nd ref='{r}'/>" for r in refs) + "<tag k='highway' v='footway'/></way>\n"); wid += 1
    f.write("</osm>\n")
def pts(k, prefix, kind=None):
    feats = []
    for q in range(k):
        lat = lat0 + rnd.uniform(0, (n - 1) * dlat); lon = lon0 + rnd.uniform(0, (n - 1) * dlon)
        p = {"id": f"{prefix}{q}", "name": f"{prefix}{q}"}
        if kind: p.update(kind=kind, population=rnd.randint(500, 5000))
        feats.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": p})
    return {"type": "FeatureCollection", "features": feats}
json.dump(pts(nd, "C", "community"), open(f"{out}/demand.geojson", "w"))
json.dump(pts(nf, "F"), open(f"{out}/facilities.geojson", "w"))
print("grid", n, "x", n, "nodes", n * n)
