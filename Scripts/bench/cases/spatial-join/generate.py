"""Deterministic data for the spatial-join case: polygons as hex WKB lines, points as raw float64.

Polygons: star-shaped, 20-60 vertices, one per cell of a jittered grid over a 50 km x 50 km
metric extent (CGCS2000 / Gauss-Krüger-like eastings and northings), sized so that neighbours
sometimes overlap and sometimes leave gaps. Each is simple and valid by construction (vertex
angles strictly increase around its centre, radii are positive).

Points: uniform over the extent, little-endian float64 x, y pairs.

Usage: generate.py OUT_DIR [--points N] [--grid G] [--seed S]
"""
import argparse
import json
import os
import struct

import numpy as np

X0, Y0, EXTENT = 500_000.0, 2_490_000.0, 50_000.0


def polygon_wkb(xs, ys):
    """ISO WKB (little-endian) for a polygon with one closed ring."""
    ring = np.empty((len(xs) + 1, 2), dtype="<f8")
    ring[:-1, 0], ring[:-1, 1] = xs, ys
    ring[-1] = ring[0]
    return struct.pack("<BIII", 1, 3, 1, len(ring)) + ring.tobytes()


def generate(out_dir, points=1_000_000, grid=100, seed=20240601):
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(seed)
    cell = EXTENT / grid
    lines = []
    for row in range(grid):
        for col in range(grid):
            cx = X0 + (col + 0.5 + rng.uniform(-0.3, 0.3)) * cell
            cy = Y0 + (row + 0.5 + rng.uniform(-0.3, 0.3)) * cell
            n = int(rng.integers(20, 61))
            phase = rng.uniform(0, 2 * np.pi)
            theta = phase + 2 * np.pi * (np.arange(n) + rng.uniform(-0.4, 0.4, n)) / n
            # A lumpy outline: a couple of low harmonics plus per-vertex noise.
            r0 = cell * rng.uniform(0.35, 0.68)
            k1, k2 = rng.integers(2, 6, 2)
            a1, a2, p1, p2 = rng.uniform(0, 0.2), rng.uniform(0, 0.12), *rng.uniform(0, 2 * np.pi, 2)
            r = r0 * (1 + a1 * np.sin(k1 * theta + p1) + a2 * np.sin(k2 * theta + p2)
                      + rng.uniform(-0.15, 0.15, n))
            lines.append(polygon_wkb(cx + r * np.cos(theta), cy + r * np.sin(theta)).hex())
    with open(os.path.join(out_dir, "polygons.wkb.hex"), "w") as f:
        f.write("\n".join(lines) + "\n")

    xy = np.empty((points, 2), dtype="<f8")
    xy[:, 0] = rng.uniform(X0, X0 + EXTENT, points)
    xy[:, 1] = rng.uniform(Y0, Y0 + EXTENT, points)
    xy.tofile(os.path.join(out_dir, "points.f64"))

    meta = {"points": points, "polygons": grid * grid, "grid": grid, "seed": seed,
            "extent": [X0, Y0, X0 + EXTENT, Y0 + EXTENT],
            "files": {"polygons": "polygons.wkb.hex (one hex ISO WKB polygon per line)",
                      "points": "points.f64 (little-endian float64 x, y pairs)"}}
    with open(os.path.join(out_dir, "meta.json"), "w") as f:
        json.dump(meta, f, indent=2)
    return meta


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--points", type=int, default=1_000_000)
    ap.add_argument("--grid", type=int, default=100)
    ap.add_argument("--seed", type=int, default=20240601)
    a = ap.parse_args()
    print(json.dumps(generate(a.out_dir, a.points, a.grid, a.seed)))
