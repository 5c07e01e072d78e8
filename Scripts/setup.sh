#!/usr/bin/env bash
# Installs the system packages LifeCircle builds against, if any is missing. Idempotent.
# GEOS, PROJ (with its data and cs2cs), GDAL/OGR (with ogrinfo/ogr2ogr) and the CBC MIP solver from
# Debian's packages.
set -euo pipefail

packages=(pkg-config libgeos-dev libproj-dev proj-data proj-bin libgdal-dev gdal-bin coinor-libcbc-dev)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
    echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
  fi
  if ! command -v apt-get >/dev/null; then
    echo "setup: apt-get not found; install these with your package manager: ${missing[*]}" >&2; exit 1
  fi
  # A new machine has empty package lists: update before installing.
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null; then
  echo "setup: no 'swift' on PATH; install Swift 6 (swift.org) and try again" >&2; exit 1
fi
echo "setup: GEOS $(pkg-config --modversion geos), PROJ $(pkg-config --modversion proj), GDAL $(pkg-config --modversion gdal), CBC $(pkg-config --modversion cbc), $(swift --version 2>/dev/null | head -1)"
