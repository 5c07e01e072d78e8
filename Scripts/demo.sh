#!/usr/bin/env bash
# Installs what is missing, builds, and runs the main job on the bundled demo data.
# Outputs go to demo-out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build --product lifecircle
bin="$(swift build --show-bin-path)/lifecircle"
out=demo-out
mkdir -p "$out"

echo "== inspect: Yinchuan districts as published by a web map (GCJ-02) =="
"$bin" inspect GeoData/china/yinchuan_districts_gcj02.geojson --from gcj02

echo "== convert: GCJ-02 → CGCS2000 (EPSG:4490) GeoPackage and a UTF-8 Shapefile =="
"$bin" convert GeoData/china/yinchuan_districts_gcj02.geojson "$out/yinchuan_districts_cgcs2000.gpkg" --from gcj02 --to EPSG:4490
"$bin" convert GeoData/china/yinchuan_districts_gcj02.geojson "$out/yinchuan_districts_gk105.shp" --from gcj02 --to EPSG:4544
"$bin" inspect "$out/yinchuan_districts_gk105.shp"

echo "== inspect: Beijing Haidian OpenStreetMap extract =="
"$bin" inspect GeoData/osm/beijing_haidian_wudaokou_2017.osm.pbf --layer lines

echo "== check: an ILLUSTRATIVE pre-approval scenario in Haidian against the Yinchuan 2020 norms =="
"$bin" check --districts GeoData/demo/haidian_districts.geojson \
  --facilities GeoData/demo/haidian_facilities_gcj02.csv --facilities-from gcj02 \
  --rules yinchuan-2020 --out "$out/check" \
  --note "示意情景（illustrative）：居住区边界取自 OpenStreetMap；户数按建筑基底面积×层数÷90平方米估算，设施为虚构示例，见 GeoData/demo/README.md。"
echo "== coverage: Yinchuan's communities and villages, with an ILLUSTRATIVE centre at each town/street seat =="
"$bin" coverage --demand GeoData/demo/yinchuan_units_gcj02.geojson --demand-from gcj02 \
  --facilities GeoData/demo/yinchuan_centres_gcj02_illustrative.geojson --facilities-from gcj02 \
  --rules yinchuan-2020 --out "$out/coverage" \
  --note "示意情景（illustrative）：社区、行政村点位为真实数据（GCJ-02）；假设每个乡镇/街道驻地设有一处综合养老服务中心。无路网，按直线距离计算。"
echo "== site: the 5 new sites that cover the most of Yinchuan's communities and villages (ILLUSTRATIVE candidates) =="
"$bin" site --demand GeoData/demo/yinchuan_units_gcj02.geojson --demand-from gcj02 \
  --facilities GeoData/demo/yinchuan_centres_gcj02_illustrative.geojson --facilities-from gcj02 \
  --candidates GeoData/demo/yinchuan_candidates_gcj02_illustrative.geojson --candidates-from gcj02 \
  --add 5 --by units --rules yinchuan-2020 --out "$out/site" \
  --note "示意情景（illustrative）：社区、行政村点位为真实数据（GCJ-02）；现有中心与候选点均为假设（候选点取各社区、行政村驻地）。无路网，按直线距离计算。"
echo "== coverage along the street network: the Haidian districts, 10 minutes at an elderly walking pace =="
"$bin" coverage --demand GeoData/demo/haidian_districts.geojson \
  --facilities GeoData/demo/haidian_facilities_gcj02.csv --facilities-from gcj02 \
  --network GeoData/osm/beijing_haidian_wudaokou_2017.osm.pbf --profile elderly --minutes 10 \
  --out "$out/coverage-network" \
  --note "示意情景（illustrative）：路网取自 OpenStreetMap（2017）；设施为虚构示例，见 GeoData/demo/README.md。"
echo "Outputs are in $out/ (open $out/check/report.html, $out/coverage/report.html, $out/coverage-network/report.html, $out/site/report.html)."
