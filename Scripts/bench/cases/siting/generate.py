#!/usr/bin/env python3
"""Writes the siting case's data: a travel-time matrix from demand units to candidate sites and the
units' weights, seeded. Units cluster around town centres (as communities and villages do);
candidates are drawn from unit locations, as planners propose sites in built-up places. Travel time
= straight-line distance × a per-pair detour factor (1.2–1.6, as street networks give) at 1 m/s.

Files: minutes.f64 (units × candidates, row-major, little-endian float64), weights.f64 (elderly
population per unit, whole numbers so objective values compare exactly), meta.json."""
import argparse
import json
import os

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--units", type=int, default=2000)
    ap.add_argument("--candidates", type=int, default=300)
    ap.add_argument("--side-m", type=float, default=10_000)
    ap.add_argument("--towns", type=int, default=25)
    ap.add_argument("--seed", type=int, default=20240620)
    a = ap.parse_args()
    rng = np.random.default_rng(a.seed)

    centres = rng.uniform(0, a.side_m, size=(a.towns, 2))
    town = rng.integers(0, a.towns, size=a.units)
    spread = rng.uniform(300, 1500, size=a.towns)[town]
    units = np.clip(centres[town] + rng.normal(size=(a.units, 2)) * spread[:, None], 0, a.side_m)
    sites = units[rng.choice(a.units, size=a.candidates, replace=False)] + rng.normal(scale=50, size=(a.candidates, 2))

    distance = np.hypot(units[:, None, 0] - sites[None, :, 0], units[:, None, 1] - sites[None, :, 1])
    detour = rng.uniform(1.2, 1.6, size=distance.shape)
    minutes = distance * detour / 60.0
    weights = np.round(rng.lognormal(mean=5.5, sigma=0.8, size=a.units)).clip(1, None)

    os.makedirs(a.out, exist_ok=True)
    minutes.astype("<f8").tofile(os.path.join(a.out, "minutes.f64"))
    weights.astype("<f8").tofile(os.path.join(a.out, "weights.f64"))
    with open(os.path.join(a.out, "meta.json"), "w") as f:
        json.dump({"units": a.units, "candidates": a.candidates, "side_m": a.side_m, "towns": a.towns,
                   "seed": a.seed, "total_weight": float(weights.sum())}, f, indent=2)


if __name__ == "__main__":
    main()
