"""PySAL spopt contender for the siting case: MCLP and LSCP through PuLP and its bundled CBC.
Prints one JSON line (see Scripts/bench/README.md).

Timed per run, end to end from the matrix, as spopt's documentation uses it:
MCLP.from_cost_matrix(minutes, weights, service_radius, p_facilities).solve(PULP_CBC_CMD(msg=False)),
then for LSCP the rows no candidate reaches are dropped (LSCP is infeasible with them) and
LSCP.from_cost_matrix(minutes, service_radius).solve(...). PuLP writes the model to an MPS file and
runs CBC's command-line binary on it. Not timed: reading the files."""
import argparse
import json
import os
import time
from importlib.metadata import version

import numpy as np
import pulp
from spopt.locate import LSCP, MCLP


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--radius", type=float, default=15)
    ap.add_argument("--sites", type=int, default=20)
    a = ap.parse_args()

    weights = np.fromfile(os.path.join(a.data, "weights.f64"), dtype="<f8")
    minutes = np.fromfile(os.path.join(a.data, "minutes.f64"), dtype="<f8").reshape(len(weights), -1)
    solver = pulp.PULP_CBC_CMD(msg=False)

    runs, mclp_covered, lscp_sites = [], None, None
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        mclp = MCLP.from_cost_matrix(minutes, weights, service_radius=a.radius, p_facilities=a.sites).solve(solver)
        mclp_covered = pulp.value(mclp.problem.objective)
        assert pulp.LpStatus[mclp.problem.status] == "Optimal", pulp.LpStatus[mclp.problem.status]
        t1 = time.perf_counter()
        coverable = (minutes <= a.radius).any(axis=1)
        lscp = LSCP.from_cost_matrix(minutes[coverable], service_radius=a.radius).solve(solver)
        lscp_sites = pulp.value(lscp.problem.objective)
        assert pulp.LpStatus[lscp.problem.status] == "Optimal", pulp.LpStatus[lscp.problem.status]
        t2 = time.perf_counter()
        runs.append({"total": t2 - t0, "phases": {"mclp": t1 - t0, "lscp": t2 - t1}})

    check = {"mclp_covered": int(round(mclp_covered)), "lscp_sites": int(round(lscp_sites))}
    np.array(list(check.values()), dtype="<i8").tofile(a.out)
    cbc = solver.path
    print(json.dumps({
        "contender": "spopt",
        "threads": 1,
        "versions": {"spopt": version("spopt"), "pulp": pulp.__version__, "cbc": cbc_version(cbc), "numpy": np.__version__},
        "runs": runs,
        "check": check,
    }))


def cbc_version(path):
    """The version line of the CBC binary PuLP runs (it bundles its own)."""
    import subprocess
    text = subprocess.run([path, "-quit"], capture_output=True, text=True).stdout
    return next((l.split(":", 1)[1].strip() for l in text.splitlines() if l.startswith("Version")), "unknown")


if __name__ == "__main__":
    main()
