"""Deterministic data for the compliance case: residential districts with households and status,
facility points with floor areas, as raw little-endian arrays every contender reads.

Districts: one per cell of a jittered grid of 200 m cells (the grid's corners moved by up to ±20 %
of a cell, so every cell is a convex quadrilateral and the cells tile the extent). Each district is
its cell with 1–8 extra vertices on its edges (5–12 in all), shrunk towards the cell's centre by
80–95 % and each vertex by a further 93–100 %: irregular blocks with streets between them, simple
by construction (vertices in angular order around the centre) and never overlapping (each lies in
its own convex cell). Households 200–3,000; about 30 % new, the rest existing.

Facilities: 88 % drawn uniformly inside a district chosen at random (uniformly within its outline),
12 % uniformly over the whole extent (so some stand in the streets, in no district). Floor area
50–800 m², one decimal.

Files (little-endian):
  districts.xy.f64          float64 x, y of every district's closed exterior ring, one after another
  districts.offsets.i64     int64, districts + 1: district i's ring is vertices offsets[i]..<offsets[i+1]
  districts.households.i64  int64 households per district
  districts.new.u8          uint8 1 = new, 0 = existing
  facilities.xy.f64         float64 x, y per facility
  facilities.floor_area.f64 float64 floor area (m²) per facility
  meta.json                 parameters and counts

Usage: generate.py OUT_DIR [--cols C] [--rows R] [--facilities N] [--seed S]
"""
import argparse
import json
import os

import numpy as np

X0, Y0, CELL = 500_000.0, 4_200_000.0, 200.0  # eastings / northings of CGCS2000 / 3° Gauss-Krüger CM 105°E (EPSG:4544), around Yinchuan


def generate(out_dir, cols=400, rows=250, facilities=200_000, seed=20240611):
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(seed)
    n = cols * rows

    # Grid corners, jittered; cell (r, c) has corners (r, c), (r, c+1), (r+1, c+1), (r+1, c), counter-clockwise.
    gx = X0 + (np.arange(cols + 1)[None, :] + rng.uniform(-0.2, 0.2, (rows + 1, cols + 1))) * CELL
    gy = Y0 + (np.arange(rows + 1)[:, None] + rng.uniform(-0.2, 0.2, (rows + 1, cols + 1))) * CELL
    r, c = np.divmod(np.arange(n), cols)
    corners = np.stack([np.stack([gx[r, c], gy[r, c]], -1), np.stack([gx[r, c + 1], gy[r, c + 1]], -1),
                        np.stack([gx[r + 1, c + 1], gy[r + 1, c + 1]], -1), np.stack([gx[r + 1, c], gy[r + 1, c]], -1)], 1)
    centre = corners.mean(axis=1)                                   # inside: the cells are convex

    extra = rng.integers(1, 9, n)                                   # 1..8 extra vertices: 5..12 in all
    shrink = rng.uniform(0.80, 0.95, n)
    vertex_counts = 4 + extra
    offsets = np.zeros(n + 1, dtype="<i8")
    offsets[1:] = np.cumsum(vertex_counts + 1)                      # closed rings
    xy = np.empty((offsets[-1], 2), dtype="<f8")
    for i in range(n):
        # Extra vertices: which edge each goes on, and where along it (sorted, so the ring stays in order).
        edges = rng.integers(0, 4, extra[i])
        along = rng.uniform(0.1, 0.9, extra[i])
        ring = []
        for e in range(4):
            a, b = corners[i, e], corners[i, (e + 1) % 4]
            ring.append(a)
            for t in np.sort(along[edges == e]):
                ring.append(a + t * (b - a))
        ring = np.array(ring)
        scale = shrink[i] * rng.uniform(0.93, 1.0, len(ring))[:, None]
        ring = centre[i] + scale * (ring - centre[i])
        xy[offsets[i]:offsets[i + 1] - 1] = ring
        xy[offsets[i + 1] - 1] = ring[0]
    xy.tofile(os.path.join(out_dir, "districts.xy.f64"))
    offsets.tofile(os.path.join(out_dir, "districts.offsets.i64"))
    rng.integers(200, 3001, n).astype("<i8").tofile(os.path.join(out_dir, "districts.households.i64"))
    (rng.uniform(size=n) < 0.30).astype("u1").tofile(os.path.join(out_dir, "districts.new.u8"))

    # Facilities: inside a random district (a triangle of its fan around the centre, chosen by area, then
    # a uniform point in it), or anywhere.
    inside = rng.uniform(size=facilities) < 0.88
    fxy = np.empty((facilities, 2), dtype="<f8")
    fxy[~inside, 0] = rng.uniform(X0, X0 + cols * CELL, (~inside).sum())
    fxy[~inside, 1] = rng.uniform(Y0, Y0 + rows * CELL, (~inside).sum())
    districts = rng.integers(0, n, inside.sum())
    places = []
    for d in districts:
        ring = xy[offsets[d]:offsets[d + 1]]
        o = ring[:-1].mean(axis=0)                                  # the ring is star-shaped around it too
        a, b = ring[:-1] - o, ring[1:] - o
        areas = np.abs(a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0])
        k = rng.choice(len(areas), p=areas / areas.sum())
        u, v = rng.uniform(size=2)
        if u + v > 1:
            u, v = 1 - u, 1 - v
        places.append(o + u * a[k] + v * b[k])
    fxy[inside] = np.array(places)
    fxy.tofile(os.path.join(out_dir, "facilities.xy.f64"))
    np.round(rng.uniform(50, 800, facilities), 1).astype("<f8").tofile(os.path.join(out_dir, "facilities.floor_area.f64"))

    meta = {"districts": n, "facilities": facilities, "cols": cols, "rows": rows, "seed": seed, "cell_m": CELL,
            "vertices": int(offsets[-1]), "extent": [X0, Y0, X0 + cols * CELL, Y0 + rows * CELL],
            "files": {"districts.xy.f64": "float64 x, y of each closed exterior ring, concatenated",
                      "districts.offsets.i64": "int64 ring start offsets (vertices), districts + 1",
                      "districts.households.i64": "int64 households", "districts.new.u8": "1 new, 0 existing",
                      "facilities.xy.f64": "float64 x, y", "facilities.floor_area.f64": "float64 m²"}}
    with open(os.path.join(out_dir, "meta.json"), "w") as f:
        json.dump(meta, f, indent=2)
    return meta


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--cols", type=int, default=400)
    ap.add_argument("--rows", type=int, default=250)
    ap.add_argument("--facilities", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=20240611)
    a = ap.parse_args()
    print(json.dumps(generate(a.out_dir, a.cols, a.rows, a.facilities, a.seed)))
