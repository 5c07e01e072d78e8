# Copied unchanged from shared/bench-data/synth_compliance.py (the project's shared folder), the generator the
# end-to-end targets are stated on. The benchmark runs this copy and never reads shared/.
"""Generated compliance instance near Yinchuan (lon/lat): an n x n grid of 200 x 150 m districts
(households, status) and 2 facilities per district on average (floor area), some outside any
district. Usage: synth_compliance.py OUTDIR N_SIDE N_FACILITIES SEED"""
import sys, json, random, math
out, n, nf, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rnd = random.Random(seed); lat0, lon0 = 38.30, 106.05
dlat = 1 / 110540.0; dlon = 1 / (111320.0 * math.cos(math.radians(lat0)))
W, H, GAP = 200.0, 150.0, 30.0
with open(f"{out}/districts.geojson", "w") as f:
    f.write('{"type":"FeatureCollection","features":[\n')
    for i in range(n):
        for j in range(n):
            x, y = j * (W + GAP), i * (H + GAP)
            ring = [[lon0 + (x + a) * dlon, lat0 + (y + b) * dlat] for a, b in ((0, 0), (W, 0), (W, H), (0, H), (0, 0))]
            p = {"id": f"D{i}_{j}", "name": f"D{i}_{j}", "status": rnd.choice(("new", "existing")), "households": rnd.randint(200, 3000)}
            f.write(("," if i or j else "") + json.dumps({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [ring]}, "properties": p}) + "\n")
    f.write("]}\n")
span_x, span_y = n * (W + GAP), n * (H + GAP)
with open(f"{out}/facilities.geojson", "w") as f:
    f.write('{"type":"FeatureCollection","features":[\n')
    for k in range(nf):
        c = [lon0 + rnd.uniform(0, span_x) * dlon, lat0 + rnd.uniform(0, span_y) * dlat]
        p = {"id": f"F{k}", "name": f"F{k}", "floor_area_m2": rnd.randint(50, 800)}
        f.write(("," if k else "") + json.dumps({"type": "Feature", "geometry": {"type": "Point", "coordinates": c}, "properties": p}) + "\n")
    f.write("]}\n")
