#!/usr/bin/env bash
# Fuzzes the parsers that take a user's bytes with libFuzzer, one target after another.
#
#   Scripts/fuzz.sh SECONDS_PER_TARGET [TARGET ...]
#
# Targets: rule-pack, coordinate-table, number, crs (all when none is named). Builds
# lifecircle-fuzz with -sanitize=fuzzer into .build-fuzz (the normal build is left alone), seeds
# each corpus from GeoData (rule packs, demo tables) and keeps it in .build-fuzz/corpus/TARGET, so
# later runs start where earlier ones stopped. A crash leaves its input in .build-fuzz/crashes/TARGET;
# replay it with a plain build: LIFECIRCLE_FUZZ_TARGET=TARGET swift run lifecircle-fuzz FILE.
# Prints one line per target (executions, coverage, crashes) for the README's fuzzing table.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:?usage: Scripts/fuzz.sh SECONDS_PER_TARGET [TARGET ...]}"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(rule-pack coordinate-table number crs)

bash Scripts/setup.sh >&2
swift build -c release --build-path .build-fuzz --product lifecircle-fuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING >&2
binary=.build-fuzz/release/lifecircle-fuzz

seed() {  # seed TARGET DIR: the shipped files a target's inputs look like
  case "$1" in
    rule-pack) cp GeoData/rules/*.yaml "$2"/ ;;
    coordinate-table) find GeoData -name '*.csv' -size -64k -exec cp {} "$2"/ \; ;;
    number) printf '1,234.5' >"$2/comma"; printf ' 260 ' >"$2/spaces"; printf '1e308' >"$2/big" ;;
    crs) printf 'EPSG:4490' >"$2/epsg"; printf '+proj=tmerc +lon_0=105 +x_0=500000 +ellps=GRS80' >"$2/proj" ;;
  esac
}

for target in "${targets[@]}"; do
  corpus=".build-fuzz/corpus/$target" crashes=".build-fuzz/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  [ -n "$(ls -A "$corpus")" ] || seed "$target" "$corpus"
  log=".build-fuzz/$target.log"
  status=0
  # Swift's own backtracer would take the crash signal before libFuzzer saves the input.
  SWIFT_BACKTRACE=enable=no LIFECIRCLE_FUZZ_TARGET="$target" "$binary" "$corpus" -max_total_time="$seconds" -max_len=65536 \
    -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  found=$(find "$crashes" -type f | wc -l)
  echo "fuzz: $target: ${seconds} s, ${runs:-?} inputs, coverage ${coverage:-?} edges, corpus $(ls "$corpus" | wc -l), crashes $found (exit $status, log $log)"
done
