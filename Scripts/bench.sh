#!/usr/bin/env bash
# The benchmark harness: every case, or the ones named, each against its Python / C peers.
#
#   Scripts/bench.sh                  all cases
#   Scripts/bench.sh spatial-join     one case (cases: Scripts/bench/cases/)
#   Scripts/bench.sh --quick          small data, to check the harness itself
#   (other options go to Scripts/bench/run.py: --repeat N, --strict, --timeout S)
#
# Installs what it needs: system packages (Scripts/setup.sh, plus gcc and python3-venv), a release
# build of lifecircle-bench and lifecircle in .build-bench, and a scratch virtualenv with shapely,
# numpy, geopandas, pyogrio, scipy, spopt, pulp, pandana, networkx, pyarrow and osmnx from PyPI
# (LIFECIRCLE_BENCH_VENV, default .build-bench/venv).
# Results: bench-out/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "bench: $*" >&2; }

apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "need root (or sudo) to install: $*"; exit 1; }
    sudo=(sudo)
  fi
  command -v apt-get >/dev/null || { say "apt-get not found; install these yourself: $*"; exit 1; }
  say "installing $*"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >/dev/null
}

# System packages.
if [ -f Scripts/setup.sh ]; then
  bash Scripts/setup.sh
else
  dpkg-query -W -f='${Status}' libgeos-dev 2>/dev/null | grep -q "install ok installed" || apt_install libgeos-dev pkg-config
fi
missing=()
command -v gcc >/dev/null || missing+=(gcc)
command -v pkg-config >/dev/null || missing+=(pkg-config)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
# Debian's python3 has no venv/ensurepip without python3-venv.
python3 -c 'import ensurepip, venv' 2>/dev/null || apt_install python3-venv

# The LifeCircle contenders: lifecircle-bench for the kernel cases, the lifecircle command for the
# end-to-end ones (SwiftPM builds one --product per invocation; the second reuses the first's modules).
mkdir -p .build-bench
: >.build-bench/bench-build.log
for product in lifecircle-bench lifecircle; do
  say "building $product (release)"
  if ! swift build -c release --scratch-path .build-bench --product "$product" >>.build-bench/bench-build.log 2>&1; then
    grep -E 'error:' .build-bench/bench-build.log >&2 || tail -20 .build-bench/bench-build.log >&2
    say "build failed (full log: .build-bench/bench-build.log)"; exit 1
  fi
done
bin_dir="$(swift build -c release --scratch-path .build-bench --show-bin-path)"

# The Python peers' environment: created if it is missing or broken, then given what it lacks.
venv="${LIFECIRCLE_BENCH_VENV:-.build-bench/venv}"
if ! "$venv/bin/python" -c 'import sys' 2>/dev/null; then
  say "creating $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import shapely, numpy, geopandas, pyogrio, scipy, spopt, pulp, pandana, networkx' 2>/dev/null; then
  say "installing shapely, numpy, geopandas (with pandas, pyproj), pyogrio, scipy, spopt, pulp (with its CBC), pandana and networkx into $venv from PyPI"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'shapely>=2,<3' numpy 'geopandas>=1,<2' 'pyogrio>=0.7,<1' \
    scipy 'spopt>=0.6,<1' 'pulp>=2.7,<4' 'pandana>=0.7,<1' 'networkx>=3,<4'
fi
# pyarrow only for the end-to-end peers' reading and writing (pyogrio's use_arrow=True): optional.
if ! "$venv/bin/python" -c 'import pyarrow' 2>/dev/null; then
  say "installing pyarrow into $venv from PyPI"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'pyarrow>=15' \
    || say "pyarrow did not install: the end-to-end peers read and write through pyogrio without Arrow"
fi
# OSMnx only for the coverage case's isochrone recipe (its search is networkx's): optional.
if ! "$venv/bin/python" -c 'import osmnx' 2>/dev/null; then
  say "installing osmnx into $venv from PyPI"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'osmnx>=2,<3' \
    || say "osmnx did not install: the coverage case's OSMnx recipe runs ego_graph on the facilities' nodes without it"
fi
"$venv/bin/python" -c 'import shapely, numpy, geopandas, pandas; print(f"bench: shapely {shapely.__version__} (bundled GEOS {shapely.geos_version_string}), numpy {numpy.__version__}, geopandas {geopandas.__version__}, pandas {pandas.__version__}")' >&2
say "system GEOS $(pkg-config --modversion geos) (LifeCircle and the C peers link it)"

exec "$venv/bin/python" Scripts/bench/run.py --swift-bin "$bin_dir/lifecircle-bench" --lifecircle-bin "$bin_dir/lifecircle" "$@"
