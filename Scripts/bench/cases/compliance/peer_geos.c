/* The GEOS floor of the compliance case: the spatial join as a plain C loop over the same GEOS C
 * API (reentrant only) that LifeCircle links, on every core, and the case's rules in a few lines.
 * No wrapper, no result records: what any program on this GEOS would need at least.
 *
 * Timed per run: STRtree of the districts, GEOSPrepare_r of each, the facility points sorted along
 * a Z-order curve (so consecutive points meet the same polygons), then per point on THREADS
 * threads: GEOSGeom_createPointFromXY_r + GEOSSTRtree_query_r + GEOSPreparedIntersects_r on each
 * candidate (a point on a shared boundary counts in the first district only, as in LifeCircle);
 * floor area summed per district; the yinchuan-2020 rules of peer_geopandas.py; the totals;
 * freeing the prepared polygons and the tree.
 * Not timed: reading the files, making the GEOS polygons (geopandas gets its shapely ones made).
 *
 * Usage: peer_geos --data DIR --out FILE [--repeat N] [--threads T]
 * Prints one JSON line (see Scripts/bench/README.md). */
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SLACK 1e-9 /* LifeCircle's DistrictRules.tolerance */

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void die(const char *what) { fprintf(stderr, "peer_geos: %s\n", what); exit(1); }

static void *slurp(const char *dir, const char *name, size_t *bytes) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) die(path);
    fseek(f, 0, SEEK_END);
    *bytes = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    void *buffer = malloc(*bytes ? *bytes : 1);
    if (!buffer || fread(buffer, 1, *bytes, f) != *bytes) die(path);
    fclose(f);
    return buffer;
}

/* Shared, read-only during the queries. */
static GEOSSTRtree *tree;
static const GEOSPreparedGeometry **prepared;
static const double *fxy;
static const uint64_t *order; /* Z-order key << 32 | facility index */
static int *placed;           /* per facility: its district, or -1 */

typedef struct { GEOSContextHandle_t h; const GEOSGeometry *point; int facility; } Query;

static void on_candidate(void *item, void *userdata) {
    Query *q = userdata;
    int d = (int)((uintptr_t)item - 1);
    if (GEOSPreparedIntersects_r(q->h, prepared[d], q->point) == 1 && (placed[q->facility] < 0 || d < placed[q->facility]))
        placed[q->facility] = d;
}

typedef struct { size_t begin, end; GEOSContextHandle_t h; } Slice;

static GEOSGeometry **polygons;

/* Builds each prepared polygon's point locator (GEOS does it lazily, and not thread-safely, on
 * first use): polygons begin..<end, one thread per slice, before any query is shared. */
static void *warm_slice(void *arg) {
    Slice *s = arg;
    for (size_t d = s->begin; d < s->end; d++) {
        double x, y;
        GEOSGeom_getXMin_r(s->h, polygons[d], &x);
        GEOSGeom_getYMin_r(s->h, polygons[d], &y);
        GEOSGeometry *p = GEOSGeom_createPointFromXY_r(s->h, x, y);
        GEOSPreparedIntersects_r(s->h, prepared[d], p);
        GEOSGeom_destroy_r(s->h, p);
    }
    return NULL;
}

static void *query_slice(void *arg) {
    Slice *s = arg;
    for (size_t k = s->begin; k < s->end; k++) {
        int f = (int)(order[k] & 0xffffffffu);
        GEOSGeometry *point = GEOSGeom_createPointFromXY_r(s->h, fxy[2 * f], fxy[2 * f + 1]);
        Query q = {s->h, point, f};
        GEOSSTRtree_query_r(s->h, tree, point, on_candidate, &q);
        GEOSGeom_destroy_r(s->h, point);
    }
    return NULL;
}

/* The 16-bit cell coordinates interleaved: a Z-order key. */
static uint64_t zorder(uint32_t x, uint32_t y) {
    uint64_t key = 0;
    for (int b = 0; b < 16; b++) key |= (uint64_t)((x >> b) & 1) << (2 * b) | (uint64_t)((y >> b) & 1) << (2 * b + 1);
    return key;
}

static int compare_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    const char *data = NULL, *out = NULL;
    int repeat = 3, threads = 2;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--data")) data = argv[i + 1];
        else if (!strcmp(argv[i], "--out")) out = argv[i + 1];
        else if (!strcmp(argv[i], "--repeat")) repeat = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--threads")) threads = atoi(argv[i + 1]);
        else die("usage: peer_geos --data DIR --out FILE [--repeat N] [--threads T]");
    }
    if (!data || !out || repeat < 1 || threads < 1) die("usage: peer_geos --data DIR --out FILE [--repeat N] [--threads T]");

    /* Load (not timed). */
    size_t bytes;
    const double *xy = slurp(data, "districts.xy.f64", &bytes);
    const int64_t *offsets = slurp(data, "districts.offsets.i64", &bytes);
    int nd = (int)(bytes / 8) - 1;
    const int64_t *households = slurp(data, "districts.households.i64", &bytes);
    const uint8_t *is_new = slurp(data, "districts.new.u8", &bytes);
    fxy = slurp(data, "facilities.xy.f64", &bytes);
    int nf = (int)(bytes / 16);
    const double *floor_area = slurp(data, "facilities.floor_area.f64", &bytes);

    GEOSContextHandle_t *contexts = malloc(sizeof *contexts * threads);
    for (int t = 0; t < threads; t++) contexts[t] = GEOS_init_r();
    GEOSContextHandle_t h = contexts[0];
    polygons = malloc(sizeof *polygons * nd);
    for (int d = 0; d < nd; d++) {
        GEOSCoordSequence *ring = GEOSCoordSeq_copyFromBuffer_r(h, xy + 2 * offsets[d], (unsigned)(offsets[d + 1] - offsets[d]), 0, 0);
        polygons[d] = GEOSGeom_createPolygon_r(h, GEOSGeom_createLinearRing_r(h, ring), NULL, 0);
        if (!polygons[d]) die("bad polygon");
    }

    prepared = malloc(sizeof *prepared * nd);
    placed = malloc(sizeof *placed * nf);
    uint64_t *keys = malloc(sizeof *keys * nf);
    double *provided = malloc(sizeof *provided * nd), *smallest = malloc(sizeof *smallest * nd);
    pthread_t *workers = malloc(sizeof *workers * threads);
    Slice *slices = malloc(sizeof *slices * threads);
    long pairs = 0, pass = 0, fail = 0, new_pass = 0;
    double shortfall = 0;

    printf("{\"contender\": \"C (GEOS floor)\", \"threads\": %d, \"versions\": {\"geos\": \"%s\"}, \"runs\": [",
           threads, GEOSversion());
    for (int run = 0; run < repeat; run++) {
        double t0 = now();
        tree = GEOSSTRtree_create_r(h, 10);
        for (int d = 0; d < nd; d++) {
            GEOSSTRtree_insert_r(h, tree, polygons[d], (void *)(uintptr_t)(d + 1));
            prepared[d] = GEOSPrepare_r(h, polygons[d]);
        }
        GEOSGeometry *probe = GEOSGeom_createPointFromXY_r(h, 0, 0);
        Query warm = {h, probe, 0};
        placed[0] = -1;
        GEOSSTRtree_query_r(h, tree, probe, on_candidate, &warm); /* builds the tree on one thread */
        GEOSGeom_destroy_r(h, probe);
        double minx = INFINITY, miny = INFINITY, maxx = -INFINITY, maxy = -INFINITY;
        for (int f = 0; f < nf; f++) {
            minx = fmin(minx, fxy[2 * f]); maxx = fmax(maxx, fxy[2 * f]);
            miny = fmin(miny, fxy[2 * f + 1]); maxy = fmax(maxy, fxy[2 * f + 1]);
        }
        for (int f = 0; f < nf; f++) {
            uint32_t cx = (uint32_t)((fxy[2 * f] - minx) / (maxx - minx) * 65535);
            uint32_t cy = (uint32_t)((fxy[2 * f + 1] - miny) / (maxy - miny) * 65535);
            keys[f] = zorder(cx, cy) << 32 | (uint64_t)f;
            placed[f] = -1;
        }
        qsort(keys, nf, sizeof *keys, compare_u64);
        order = keys;
        double t1 = now();
        for (int t = 0; t < threads; t++) {
            slices[t] = (Slice){(size_t)nd * t / threads, (size_t)nd * (t + 1) / threads, contexts[t]};
            pthread_create(&workers[t], NULL, warm_slice, &slices[t]);
        }
        for (int t = 0; t < threads; t++) pthread_join(workers[t], NULL);
        double t2 = now();
        for (int t = 0; t < threads; t++) {
            slices[t] = (Slice){(size_t)nf * t / threads, (size_t)nf * (t + 1) / threads, contexts[t]};
            pthread_create(&workers[t], NULL, query_slice, &slices[t]);
        }
        for (int t = 0; t < threads; t++) pthread_join(workers[t], NULL);
        double t3 = now();
        pairs = pass = fail = new_pass = 0;
        shortfall = 0;
        for (int d = 0; d < nd; d++) { provided[d] = 0; smallest[d] = INFINITY; }
        for (int f = 0; f < nf; f++) {
            int d = placed[f];
            if (d < 0) continue;
            pairs++;
            provided[d] += floor_area[f];
            smallest[d] = fmin(smallest[d], floor_area[f]);
        }
        for (int d = 0; d < nd; d++) {
            double threshold = is_new[d] ? 30 : 20, hh = (double)households[d];
            double required = hh / 100 * threshold;
            shortfall += fmax(0, required - provided[d]);
            int ok = provided[d] / hh * 100 >= threshold - SLACK * threshold
                     && (is_new[d] || isinf(smallest[d]) || smallest[d] >= 200 - SLACK * 200);
            if (ok) { pass++; if (is_new[d]) new_pass++; } else fail++;
        }
        double t4 = now();
        /* Freeing the prepared polygons and the tree counts too: LifeCircle's run frees its index. */
        for (int d = 0; d < nd; d++) GEOSPreparedGeom_destroy_r(h, prepared[d]);
        GEOSSTRtree_destroy_r(h, tree);
        double t5 = now();
        printf("%s{\"total\": %.6f, \"phases\": {\"index+prepare+order\": %.6f, \"warm\": %.6f, \"queries\": %.6f, \"rules\": %.6f, \"free\": %.6f}}",
               run ? ", " : "", t5 - t0, t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4);
    }

    FILE *o = fopen(out, "wb");
    if (!o) die("cannot write --out");
    uint64_t checksum = 0;
    for (int d = 0; d < nd; d++) {
        int64_t cents = llround(provided[d] * 100);
        fwrite(&cents, sizeof cents, 1, o);
        checksum += (uint64_t)(d + 1) * (uint64_t)cents;
    }
    fclose(o);
    printf("], \"check\": {\"pairs\": %ld, \"pass\": %ld, \"fail\": %ld, \"new_pass\": %ld, \"checksum\": %llu, "
           "\"shortfall_m2\": %.17g}}\n", pairs, pass, fail, new_pass, (unsigned long long)checksum, shortfall);
    return 0;
}
