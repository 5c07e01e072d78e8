#!/usr/bin/env python3
"""Runs benchmark cases: every contender of a case on the same data, in one run; checks that they
agree; prints times and ratios; writes bench-out/results.md (and results.json).

Usage: run.py [--swift-bin PATH] [--lifecircle-bin PATH] [CASE ...] [--repeat N] [--quick] [--strict]

A case is a folder Scripts/bench/cases/<case>/ with a case.py (see README.md). Normally started by
Scripts/bench.sh, which builds lifecircle-bench, lifecircle and the Python environment first.
Kernel cases need --swift-bin (lifecircle-bench), end-to-end cases --lifecircle-bin.
"""
import argparse
import datetime
import importlib.util
import json
import math
import os
import platform
import shlex
import shutil
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ next to the cases in the source tree

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(BENCH))
CASES = os.path.join(BENCH, "cases")


def available_cases():
    return sorted(d for d in os.listdir(CASES) if os.path.exists(os.path.join(CASES, d, "case.py")))


def load_case(name):
    spec = importlib.util.spec_from_file_location(f"bench_case_{name.replace('-', '_')}",
                                                  os.path.join(CASES, name, "case.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


class Context:
    """What a case's prepare() and contenders() get."""

    def __init__(self, case, args):
        self.case = case
        self.quick = args.quick
        self.repeat = args.repeat
        self.python = sys.executable
        self._swift_bin, self._lifecircle_bin = args.swift_bin, args.lifecircle_bin
        self.root = ROOT
        self.data_dir = os.path.join(args.out, "data", case + ("-quick" if args.quick else ""))  # kept between runs
        self.out_dir = os.path.join(args.out, case)                   # what the contenders write
        self.build_dir = os.path.join(args.build, "bench", case)      # compiled peers
        for d in (self.data_dir, self.out_dir, self.build_dir):
            os.makedirs(d, exist_ok=True)

    @property
    def swift_bin(self):
        """lifecircle-bench, for the kernel cases."""
        if not self._swift_bin:
            raise RuntimeError("this case needs --swift-bin (lifecircle-bench)")
        return self._swift_bin

    @property
    def lifecircle_bin(self):
        """The lifecircle command, for the end-to-end cases."""
        if not self._lifecircle_bin:
            raise RuntimeError("this case needs --lifecircle-bin (lifecircle)")
        return self._lifecircle_bin

    def log(self, message):
        log(f"{self.case}: {message}")

    def check_call(self, argv, quiet=False):
        self.log("$ " + " ".join(shlex.quote(a) for a in argv))
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL if quiet else None)

    def c_peer(self, source, libraries=("geos",), extra=()):
        """The case's C peer compiled (gcc -O2, flags from pkg-config for `libraries`) into build_dir
        unless the binary is newer than its source; returns the binary's path."""
        binary = os.path.join(self.build_dir, os.path.splitext(os.path.basename(source))[0])
        if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(source):
            flags = subprocess.check_output(["pkg-config", "--cflags", "--libs", *libraries], text=True).split()
            self.check_call(["gcc", "-O2", "-o", binary, source, *flags, *extra])
        return binary

    def gdal_floor(self, inputs, group=None):
        """The I/O floor row of an end-to-end case: a process contender in which GDAL alone reads every
        feature of `inputs` (paths, or "path:layer"; gdal_read.c), shown but never compared."""
        binary = self.c_peer(os.path.join(BENCH, "gdal_read.c"), libraries=("gdal",))
        return {"key": "gdal-read" + (f"-{group}" if group else ""), "group": group, "kind": "process", "floor": True,
                "name": "GDAL alone reads the inputs (I/O floor)", "argv": [binary, *inputs]}

    @staticmethod
    def pkg_version(library):
        """A system library's version, as pkg-config has it (what LifeCircle links)."""
        return subprocess.run(["pkg-config", "--modversion", library], capture_output=True, text=True).stdout.strip()

    def generated_data(self, generator, params, what, recorded_as=None, positional=False, subdir=None):
        """The case's data in data_dir (or its `subdir`) and its meta.json, made by `generator` (a script
        taking that folder and `--name value` for each parameter, or with `positional` the values alone,
        in order) unless meta.json already records the same parameters — under their own names, or
        the names `recorded_as` maps them to. A generator that writes no meta.json gets `params`."""
        recorded_as = recorded_as or {}
        folder = os.path.join(self.data_dir, subdir) if subdir else self.data_dir
        os.makedirs(folder, exist_ok=True)
        meta_path = os.path.join(folder, "meta.json")
        meta = None
        if os.path.exists(meta_path):
            with open(meta_path) as f:
                meta = json.load(f)
        if not meta or any(meta.get(recorded_as.get(k, k)) != v for k, v in params.items()):
            self.log(f"generating {what} in {folder}")
            if os.path.exists(meta_path):
                os.remove(meta_path)
            argv = [self.python, generator, folder]
            for name, value in params.items():
                argv += [str(value)] if positional else ["--" + name.replace("_", "-"), str(value)]
            self.check_call(argv, quiet=True)
            if not os.path.exists(meta_path):
                with open(meta_path, "w") as f:
                    json.dump(params, f)
            with open(meta_path) as f:
                meta = json.load(f)
        return meta


def run_contender(ctx, case, contender, timeout):
    """Runs one contender; returns its report."""
    if contender.get("kind") == "process":
        return run_process(ctx, case, contender, timeout)
    return run_kernel(ctx, contender, timeout)


def run_kernel(ctx, contender, timeout):
    """Runs a contender of the contender protocol; its report is the JSON object on the last line of its stdout."""
    out = os.path.join(ctx.out_dir, f"out-{contender['key']}.bin")
    if os.path.exists(out):
        os.remove(out)
    # A slow peer may ask for fewer runs ("repeat" in its contender entry).
    repeat = min(ctx.repeat, contender.get("repeat", ctx.repeat))
    argv = [*contender["argv"], "--out", out, "--repeat", str(repeat)]
    ctx.log(f"{contender['name']}: $ " + " ".join(shlex.quote(a) for a in argv))
    started = time.monotonic()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, text=True, timeout=timeout)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{contender['name']} failed (exit {proc.returncode})")
    report = json.loads(lines[-1])
    report.update(key=contender["key"], name=contender["name"], group=contender.get("group"), out=out,
                  wall=time.monotonic() - started)
    return with_best(report)


def with_best(report):
    """The report with its best total, the peak memory of that run (process contenders), and the best of each phase."""
    runs = report["runs"]
    best = min(runs, key=lambda r: r["total"])
    report["best"] = best["total"]
    if "peak_mb" in best:
        report["peak_mb"] = best["peak_mb"]
    phases = sorted({p for r in runs for p in r.get("phases", {})}, key=list(runs[0].get("phases", {})).index)
    report["best_phases"] = {p: min(r["phases"][p] for r in runs if p in r.get("phases", {})) for p in phases}
    return report


def spawn(argv, log_path, timeout):
    """Runs argv as a child process (stdout and stderr to log_path); returns (wall seconds, peak RSS in
    MB of that child, exit status). Killed after `timeout` seconds."""
    with open(log_path, "wb") as log_file:
        actions = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                   (os.POSIX_SPAWN_DUP2, log_file.fileno(), 1), (os.POSIX_SPAWN_DUP2, log_file.fileno(), 2)]
        started = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
        timer = threading.Timer(timeout, os.kill, (pid, 9))
        timer.start()
        _, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - started
        timer.cancel()
    code = os.waitstatus_to_exitcode(status)
    if code == -9 and seconds >= timeout:
        raise subprocess.TimeoutExpired(argv, timeout)
    return seconds, usage.ru_maxrss / 1024, code  # ru_maxrss: KB on Linux


def run_process(ctx, case, contender, timeout):
    """Runs a process contender: its argv as a whole process, each run with a fresh, empty output folder
    in place of "{out}", timed by the wall clock around the child with its peak RSS. A JSON object on
    the last line of its output may add "versions", "threads" and "phases" (the peer's own clock).
    The case's extract() reads the last run's outputs (floor rows are not read)."""
    outdir = os.path.join(ctx.out_dir, contender["key"])
    log_path = outdir + ".log"
    repeat = min(ctx.repeat, contender.get("repeat", ctx.repeat))
    report = {"key": contender["key"], "name": contender["name"], "group": contender.get("group"),
              "floor": contender.get("floor", False), "threads": contender.get("threads", ""),
              "versions": dict(contender.get("versions", {})), "check": {}, "runs": [], "outdir": outdir}
    for i in range(repeat):
        shutil.rmtree(outdir, ignore_errors=True)
        os.makedirs(outdir)
        argv = [a.replace("{out}", outdir) for a in contender["argv"]]
        if i == 0:
            ctx.log(f"{contender['name']}: $ " + " ".join(shlex.quote(a) for a in argv) + f"  (× {repeat})")
        seconds, peak_mb, code = spawn(argv, log_path, timeout)
        with open(log_path, errors="replace") as f:
            lines = f.read().strip().splitlines()
        if code != 0:
            tail = " | ".join(lines[-3:])
            raise RuntimeError(f"{contender['name']} failed (exit {code}): {tail} (log: {log_path})")
        run = {"total": seconds, "peak_mb": peak_mb}
        if lines and lines[-1].startswith("{"):
            said = json.loads(lines[-1])
            report["versions"].update(said.get("versions", {}))
            report["threads"] = said.get("threads", report["threads"])
            run["phases"] = said.get("phases", {})
        report["runs"].append(run)
    if hasattr(case, "extract") and not report["floor"]:
        report["items"] = case.extract(ctx, contender["key"], outdir)
        report["check"] = {"items": len(report["items"])}
    return with_best(report)


def same_check(a, b, tolerance):
    """Equal checks; a key in `tolerance` (a case's TOLERANCE) may differ by that relative amount."""
    if a.keys() != b.keys():
        return False
    return all(math.isclose(a[k], b[k], rel_tol=tolerance[k], abs_tol=0) if k in tolerance else a[k] == b[k]
               for k in a)


def groups(reports):
    """The reports by their contender's `group` (cases whose contenders do different jobs), in order."""
    by_group = {}
    for r in reports:
        by_group.setdefault(r.get("group"), []).append(r)
    return list(by_group.values())


def agreement(reports, tolerance=None, same_item=None):
    """Problems if the contenders' checks, output files or extracted items differ (within each group,
    floor rows left out); [] when they agree."""
    problems = []
    for group in groups(reports):
        problems += agreement_within([r for r in group if not r.get("floor")], tolerance, same_item)
    return problems


def agreement_within(reports, tolerance=None, same_item=None):
    problems = []
    if not reports:
        return problems
    reference = reports[0]
    for r in reports[1:]:
        if not same_check(r["check"], reference["check"], tolerance or {}):
            problems.append(f"{r['name']} reports {r['check']}, {reference['name']} reports {reference['check']}")
        if "items" in r and "items" in reference:
            problems += items_agreement(r, reference, same_item or (lambda a, b: a == b))
        if r.get("out") and reference.get("out") and os.path.exists(r["out"]) and os.path.exists(reference["out"]):
            with open(r["out"], "rb") as f:
                a = f.read()
            with open(reference["out"], "rb") as f:
                b = f.read()
            if a != b:
                detail = f"{len(a)} vs {len(b)} bytes"
                if len(a) == len(b) and len(a) % 8 == 0:
                    import numpy as np
                    x, y = np.frombuffer(a, "<i8"), np.frombuffer(b, "<i8")
                    diff = np.flatnonzero(x != y)
                    detail = (f"{len(diff)} of {len(x)} entries differ, first at "
                              + ", ".join(f"[{i}] {x[i]} vs {y[i]}" for i in diff[:5]))
                problems.append(f"{r['name']} and {reference['name']} wrote different results: {detail}")
    return problems


def items_agreement(r, reference, same_item):
    """Problems if two process contenders' extracted items (id → comparable result) differ: how many, and a few."""
    a, b = r["items"], reference["items"]
    problems = []
    for x, y, items in ((r, reference, a.keys() - b.keys()), (reference, r, b.keys() - a.keys())):
        if items:
            problems.append(f"{len(items)} items only in {x['name']}'s outputs, not {y['name']}'s, e.g. "
                            + ", ".join(map(str, sorted(items)[:5])))
    differ = [k for k in a if k in b and not same_item(a[k], b[k])]
    if differ:
        problems.append(f"{r['name']} and {reference['name']} differ on {len(differ):,} of {len(a.keys() & b.keys()):,} "
                        "items, e.g. " + "; ".join(f"{k}: {a[k]} vs {b[k]}" for k in sorted(differ)[:5]))
    return problems


def fmt_s(seconds):
    """Three decimals; three significant digits below 0.1 s, so that millisecond timings keep theirs."""
    return f"{seconds:.3f}" if seconds >= 0.1 or seconds == 0 else f"{seconds:.3g}"


def versions_text(versions):
    return ", ".join(f"{k} {v}" for k, v in versions.items())


def case_tables(name, description, timed, reports, ratios, problems, notes, tolerance=None, limits=()):
    """The case's result as Markdown lines (also printed)."""
    tolerance = tolerance or {}
    counts = {len(r["runs"]) for r in reports}
    fewer = [f"{r['name']}: {len(r['runs'])}" for r in reports if len(r["runs"]) < max(counts)]
    best = f"Best of {max(counts)} runs" + (f" ({'; '.join(fewer)})" if fewer else "")
    lines = [f"### {name}: {description}", "", f"Timed: {timed}. {best}, seconds.", ""]
    # Process contenders add their peak memory; kernel contenders their pairs.
    peak = any("peak_mb" in r for r in reports)
    pairs = any("pairs" in r["check"] for r in reports)
    lines += ["| contender | threads | total | " + ("peak MB (best run) | " if peak else "")
              + "phases (best of each) | " + ("pairs | " if pairs else "") + "versions |",
              "|---|---:|---:|" + ("---:|" if peak else "") + "---|" + ("---:|" if pairs else "") + "---|"]
    for r in reports:
        phases = ", ".join(f"{p} {fmt_s(t)}" for p, t in r["best_phases"].items())
        lines.append(f"| {r['name']} | {r['threads']} | {fmt_s(r['best'])} | "
                     + (f"{r['peak_mb']:,.0f} | " if peak else "") + f"{phases} | "
                     + (f"{r['check'].get('pairs', '')} | " if pairs else "") + f"{versions_text(r['versions'])} |")
    lines.append("")
    notes = notes + floor_notes(reports)
    lines += [f"- {n}" for n in notes] + ([""] if notes else [])
    if problems:
        lines += ["**CONTENDERS DISAGREE — the times above are not comparable:**", ""]
        lines += [f"- {p}" for p in problems]
    else:
        for group in groups(reports):
            group = [r for r in group if not r.get("floor")]
            if not group:
                continue
            within = {k: t for k, t in tolerance.items() if k in group[0]["check"]}
            lines.append((f"{group[0]['group']}: " if group[0].get("group") else "")
                         + (f"All {len(group)} contenders agree: " if len(group) > 1 else "One contender: ")
                         + ", ".join(f"{k} {v}" for k, v in group[0]["check"].items())
                         + "".join(f" ({k} within {t:g} relative)" for k, t in within.items())
                         + ("." if len(group) == 1 else ", agreeing on every item." if "items" in group[0]
                            else ", identical per-item results."))
    lines.append("")
    by_key = {r["key"]: r for r in reports}
    if ratios:
        lines += ["| ratio | value | target | verdict |", "|---|---:|---:|---|"]
        for label, num, den, goal, target in ratios:
            if num not in by_key or den not in by_key:
                lines.append(f"| {label} | – | {goal} {target:.2f} | NOT RUN |")
                continue
            value = by_key[num]["best"] / by_key[den]["best"]
            ok = value >= target if goal == ">=" else value <= target
            verdict = "PASS" if ok and not problems else ("MISS" if not ok else "INVALID (disagree)")
            lines.append(f"| {label} | {value:.2f} | {'≥' if goal == '>=' else '≤'} {target:.2f} | {verdict} |")
        lines.append("")
    if limits:
        units = {"seconds": ("s", "best"), "peak_mb": ("MB", "peak_mb")}
        lines += ["| limit | value | target | verdict |", "|---|---:|---:|---|"]
        for label, key, measure, target in limits:
            unit, field = units[measure]
            if key not in by_key:
                lines.append(f"| {label} | – | < {target:,} {unit} | NOT RUN |")
                continue
            value = by_key[key][field]
            verdict = "PASS" if value < target else "MISS"
            lines.append(f"| {label} | {fmt_s(value) if unit == 's' else f'{value:,.0f}'} {unit} | < {target:,} {unit} | {verdict} |")
        lines.append("")
    geos = {r["name"]: r["versions"].get("geos") for r in reports if r["versions"].get("geos")}
    if len(set(geos.values())) > 1:
        lines += ["Note: the contenders do not run the same GEOS: "
                  + "; ".join(f"{n}: {v}" for n, v in geos.items())
                  + " (shapely's wheel bundles its own GEOS). Part of any difference is GEOS's, not the wrapper's.", ""]
    return lines


def floor_notes(reports):
    """What each floor row (e.g. GDAL alone reading the inputs) is of its group's other contenders' times."""
    notes = []
    for group in groups(reports):
        for f in (r for r in group if r.get("floor")):
            others = [r for r in group if not r.get("floor")]
            notes.append(f"{(group[0]['group'] + ': ') if group[0].get('group') else ''}{f['name']}: {fmt_s(f['best'])} s"
                         + "".join(f", {100 * f['best'] / r['best']:.0f} % of {r['name']}" for r in others) + ".")
    return notes


def print_markdown(lines):
    """Markdown tables as aligned text for the terminal."""
    i = 0
    while i < len(lines):
        if lines[i].startswith("|"):
            block = []
            while i < len(lines) and lines[i].startswith("|"):
                if not set(lines[i]) <= set("|-: "):
                    block.append([c.strip() for c in lines[i].strip("|").split(" | ")])
                i += 1
            widths = [max(len(row[c]) if c < len(row) else 0 for row in block) for c in range(len(block[0]))]
            for n, row in enumerate(block):
                print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
                if n == 0:
                    print("  ".join("-" * w for w in widths))
        else:
            print(lines[i].replace("**", ""))
            i += 1
    sys.stdout.flush()


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"],
                                capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "?"
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}; commit {commit}; load average at start {load}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cases", nargs="*", help=f"cases to run (default: all of {', '.join(available_cases())})")
    ap.add_argument("--swift-bin", help="the lifecircle-bench executable (kernel cases)")
    ap.add_argument("--lifecircle-bin", help="the lifecircle executable (end-to-end cases)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per contender; the best counts (default 3)")
    ap.add_argument("--quick", action="store_true", help="small data, for checking the harness itself")
    ap.add_argument("--strict", action="store_true", help="also exit non-zero when a target or limit is missed")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench-out"))
    ap.add_argument("--build", default=os.path.join(ROOT, ".build-bench"))
    ap.add_argument("--timeout", type=float, default=600, help="seconds per contender")
    args = ap.parse_args()

    names = args.cases or available_cases()
    unknown = [n for n in names if n not in available_cases()]
    if unknown:
        ap.error(f"unknown case(s) {', '.join(unknown)}; available: {', '.join(available_cases())}")

    started = datetime.datetime.now().astimezone()
    host = machine()
    doc = ["# LifeCircle benchmarks", "", f"{started:%Y-%m-%d %H:%M %Z}. {host}.",
           "" if not args.quick else "\n**Quick mode: small data, the times mean nothing.**", ""]
    summary, failed, missed = [], False, False
    for name in names:
        case = load_case(name)
        ctx = Context(name, args)
        try:
            description = case.prepare(ctx)
            reports = [run_contender(ctx, case, c, args.timeout) for c in case.contenders(ctx)]
        except (RuntimeError, subprocess.SubprocessError, OSError, ValueError) as e:
            lines = [f"### {name}", "", f"**FAILED: {e}**", ""]
            failed = True
        else:
            problems = agreement(reports, getattr(case, "TOLERANCE", {}), getattr(case, "same_item", None))
            notes = list(getattr(case, "NOTES", []))
            if hasattr(case, "compare"):  # a case's own checks of the contenders' results, with notes
                more_problems, more_notes = case.compare(ctx, reports)
                problems += more_problems
                notes += more_notes
            failed |= bool(problems)
            lines = case_tables(name, f"{case.SUMMARY}, {description}", case.TIMED, reports,
                                getattr(case, "RATIOS", []), problems, notes,
                                getattr(case, "TOLERANCE", {}), getattr(case, "LIMITS", ()))
            missed |= any("| MISS |" in l for l in lines)
            summary.append({"case": name, "description": description, "problems": problems,
                            "contenders": [{k: r[k] for k in ("key", "name", "group", "floor", "threads", "versions",
                                                              "best", "peak_mb", "best_phases", "runs", "check") if k in r}
                                           for r in reports]})
        print()
        print_markdown(lines)
        if any(l.startswith("**CONTENDERS DISAGREE") or l.startswith("**FAILED") for l in lines):
            print("\n" + "!" * 72 + f"\n!!! {name}: CONTENDERS DISAGREE OR FAILED — see above\n" + "!" * 72, file=sys.stderr)
        doc += lines

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "results.md"), "w") as f:
        f.write("\n".join(doc).rstrip() + "\n")
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump({"started": started.isoformat(), "machine": host, "quick": args.quick, "cases": summary}, f, indent=2)
    log(f"wrote {os.path.relpath(os.path.join(args.out, 'results.md'))} and results.json")
    return 1 if failed or (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
