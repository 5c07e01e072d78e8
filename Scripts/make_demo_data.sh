#!/usr/bin/env bash
# Rebuilds GeoData/demo/haidian_districts.geojson from the real OpenStreetMap extract, with GDAL's
# SQLite/SpatiaLite dialect (independent of LifeCircle's own code). The households it derives are
# ILLUSTRATIVE: footprint × floors ÷ dwelling size, with stated defaults (see GeoData/demo/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
osm=GeoData/osm/beijing_haidian_wudaokou_2017.osm.pbf
out=GeoData/demo/haidian_districts.geojson
floors=6          # floors of a residential building without building:levels
dwelling=90       # m² of gross floor area per household
density=300       # persons per hectare for a district without mapped buildings

rm -f "$out"
ogr2ogr -f GeoJSON -lco RFC7946=YES -lco COORDINATE_PRECISION=7 "$out" "$osm" -nln haidian_districts \
  -dialect sqlite -sql "
WITH b AS (
  SELECT d.osm_way_id AS district,
         SUM(ST_Area(ST_Transform(b.geometry, 4548))
             * COALESCE(CAST(substr(b.other_tags, instr(b.other_tags, '\"building:levels\"=>\"') + 21) AS INTEGER), $floors)) AS gfa
  FROM multipolygons d JOIN multipolygons b
    ON b.building IN ('yes', 'residential', 'apartments', 'dormitory')
   AND ST_Within(ST_PointOnSurface(b.geometry), d.geometry)
  WHERE d.landuse = 'residential' GROUP BY d.osm_way_id)
SELECT 'W' || d.osm_way_id AS 编号, d.name AS 名称,
       CASE d.name WHEN '华清嘉园小区' THEN '新建' WHEN '西王庄小区' THEN '新建'
                   WHEN '新林院' THEN '老旧小区' ELSE '已建' END AS 状态,
       CAST(ROUND(b.gfa / $dwelling) AS INTEGER) AS 户数,
       CAST(CASE WHEN b.gfa IS NULL THEN ROUND(ST_Area(ST_Transform(d.geometry, 4548)) / 10000 * $density) END AS INTEGER) AS 人口,
       CASE WHEN b.gfa IS NULL
            THEN 'illustrative: no buildings mapped; population = land area × $density persons/ha'
            ELSE 'illustrative: households = Σ footprint × floors (building:levels, else $floors) ÷ $dwelling m²' END AS basis,
       d.geometry
FROM multipolygons d LEFT JOIN b ON b.district = d.osm_way_id
WHERE d.landuse = 'residential' ORDER BY d.osm_way_id"
echo "wrote $out"

# Yinchuan coverage scenario: the real community/village centre points (GCJ-02, from Vonng/adcode)
# as demand units, their kind from the NBS urban–rural code (1xx urban → community, 2xx → village);
# and, ILLUSTRATIVE, one elderly-care centre assumed at each town/street seat.
src=GeoData/china/yinchuan_town_village_points_gcj02.geojson
rm -f GeoData/demo/yinchuan_units_gcj02.geojson GeoData/demo/yinchuan_centres_gcj02_illustrative.geojson
ogr2ogr -f GeoJSON -lco RFC7946=YES GeoData/demo/yinchuan_units_gcj02.geojson "$src" -nln yinchuan_units -dialect sqlite -sql "
SELECT code AS id, name, county, town,
       CASE WHEN ur_code LIKE '1%' THEN 'community' ELSE 'village' END AS kind, ur_code, geometry
FROM yinchuan_town_village_points_gcj02 WHERE level = 'village' ORDER BY code"
ogr2ogr -f GeoJSON -lco RFC7946=YES GeoData/demo/yinchuan_centres_gcj02_illustrative.geojson "$src" -nln yinchuan_centres -dialect sqlite -sql "
SELECT 'C' || code AS id, name || ' 综合养老服务中心（示意）' AS name, '综合养老服务中心' AS kind,
       'illustrative: a centre assumed at the town/street seat' AS basis, geometry
FROM yinchuan_town_village_points_gcj02 WHERE level = 'town' ORDER BY code"
# ILLUSTRATIVE candidate sites for siting: one at each community/village centre.
rm -f GeoData/demo/yinchuan_candidates_gcj02_illustrative.geojson
ogr2ogr -f GeoJSON -lco RFC7946=YES GeoData/demo/yinchuan_candidates_gcj02_illustrative.geojson "$src" -nln yinchuan_candidates -dialect sqlite -sql "
SELECT 'S' || code AS id, name || ' 候选点（示意）' AS name,
       'illustrative: a candidate site assumed at the community/village centre' AS basis, geometry
FROM yinchuan_town_village_points_gcj02 WHERE level = 'village' ORDER BY code"
echo "wrote GeoData/demo/yinchuan_units_gcj02.geojson, yinchuan_centres_gcj02_illustrative.geojson and yinchuan_candidates_gcj02_illustrative.geojson"
