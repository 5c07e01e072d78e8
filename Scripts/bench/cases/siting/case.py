"""siting: maximal covering (MCLP, p = 20) and location set covering (LSCP) on a 2,000 × 300
travel-time matrix.

LifeCircle runs `SitingSolver.solve`, the library path of `lifecircle site`, with CBC through its C
interface; PySAL spopt builds the same models with PuLP and runs PuLP's CBC. Contenders read the same
matrix (generate.py) and must agree on both objective values: the covered weight and the number of sites.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

SUMMARY = "MCLP (p = 20) and LSCP on a travel-time matrix, objective values compared"
TIMED = ("end to end from the matrix, MCLP then LSCP: coverage (time ≤ 15 min), the model, CBC, the answer. "
         "LifeCircle: coverage sets, reduction, greedy + swaps, CBC from that start through the C API; "
         "spopt: from_cost_matrix, PuLP writing an MPS file, the CBC binary, reading the answer back "
         "(LSCP after dropping the units no candidate reaches); file loading not timed")

NOTES = [
    "Both run CBC: LifeCircle links Debian's libCbcSolver (2.10.8); PuLP runs the CBC 2.10.3 binary it bundles.",
    "LifeCircle's model is smaller than spopt's but has the same optimum: units reached by exactly the same "
    "candidates are merged, candidates reaching only units another reaches are set aside, and "
    "coverage variables are continuous (whole at an optimum). It proves optimality (bound = objective) before "
    "it answers; the run fails if either answer is not proved optimal.",
    "Where spopt's time goes (measured apart from the harness): from_cost_matrix builds the PuLP model in Python "
    "from the dense matrix, ≈2.9 s for MCLP and ≈2.6 s for LSCP; PuLP's CBC call (MPS file, binary, solution) takes "
    "≈0.1 s, CBC's own MCLP solve 0.08 s. Against that call alone, LifeCircle's end-to-end time is about 1.5× shorter: "
    "most of the ratio is the modelling layer, not the solver.",
]

RATIOS = [
    ("spopt / LifeCircle", "spopt", "lifecircle", ">=", 5.0),
]


def params(ctx):
    if ctx.quick:
        return {"units": 500, "candidates": 100, "seed": 20240620}
    return {"units": 2000, "candidates": 300, "seed": 20240620}


def prepare(ctx):
    """Generates the matrix (kept while its parameters are unchanged)."""
    p = params(ctx)
    meta = ctx.generated_data(os.path.join(HERE, "generate.py"), p,
                              f"a {p['units']:,} × {p['candidates']:,} travel-time matrix")
    return (f"{meta['units']:,} demand units × {meta['candidates']:,} candidate sites, travel time ≤ 15 min, "
            f"weights = elderly population (Σ {meta['total_weight']:,.0f}), seed {meta['seed']}")


def contenders(ctx):
    data = ["--data", ctx.data_dir]
    return [
        {"key": "lifecircle", "name": "LifeCircle (CBC C API)", "argv": [ctx.swift_bin, "siting", *data]},
        {"key": "spopt", "name": "spopt + PuLP (CBC binary)",
         "argv": [ctx.python, os.path.join(HERE, "peer_spopt.py"), *data]},
    ]
