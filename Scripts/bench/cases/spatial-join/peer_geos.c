/* Plain C contender for the spatial-join case: a loop over the GEOS C API (reentrant only).
 *
 * Timed per run: STRtree create + insert, GEOSPrepare_r of every polygon, then per point
 * GEOSGeom_createPointFromXY_r + GEOSSTRtree_query_r + GEOSPreparedContains_r on each candidate,
 * counting hits per polygon. Not timed: reading the files, destroying the tree and geometries.
 *
 * Usage: peer_geos --data DIR --out COUNTS_FILE [--repeat N]
 * Prints one JSON line (see Scripts/bench/README.md). */
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void die(const char *what) { fprintf(stderr, "peer_geos: %s\n", what); exit(1); }

static void on_error(const char *message, void *userdata) {
    (void)userdata;
    fprintf(stderr, "peer_geos: GEOS error: %s\n", message);
}

typedef struct { size_t *items; size_t count, capacity; } Candidates;

static void collect(void *item, void *userdata) {
    Candidates *c = userdata;
    if (c->count == c->capacity) {
        c->capacity = c->capacity ? 2 * c->capacity : 16;
        if (!(c->items = realloc(c->items, c->capacity * sizeof *c->items))) die("out of memory");
    }
    c->items[c->count++] = (size_t)(uintptr_t)item - 1; /* item = index + 1 */
}

int main(int argc, char **argv) {
    const char *data = NULL, *out = NULL;
    int repeat = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--data")) data = argv[i + 1];
        else if (!strcmp(argv[i], "--out")) out = argv[i + 1];
        else if (!strcmp(argv[i], "--repeat")) repeat = atoi(argv[i + 1]);
        else die("usage: peer_geos --data DIR --out FILE [--repeat N]");
    }
    if (!data || !out || repeat < 1) die("usage: peer_geos --data DIR --out FILE [--repeat N]");

    GEOSContextHandle_t h = GEOS_init_r();
    GEOSContext_setErrorMessageHandler_r(h, on_error, NULL);

    /* Load (not timed). */
    char path[4096];
    snprintf(path, sizeof path, "%s/polygons.wkb.hex", data);
    FILE *f = fopen(path, "r");
    if (!f) die("cannot open polygons.wkb.hex");
    GEOSWKBReader *reader = GEOSWKBReader_create_r(h);
    size_t npoly = 0, cap = 0;
    GEOSGeometry **polys = NULL;
    char *line = NULL;
    size_t linecap = 0;
    ssize_t len;
    while ((len = getline(&line, &linecap, f)) > 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
        if (len == 0) continue;
        if (npoly == cap) {
            cap = cap ? 2 * cap : 1024;
            if (!(polys = realloc(polys, cap * sizeof *polys))) die("out of memory");
        }
        if (!(polys[npoly++] = GEOSWKBReader_readHEX_r(h, reader, (unsigned char *)line, (size_t)len)))
            die("unreadable WKB");
    }
    free(line);
    fclose(f);
    GEOSWKBReader_destroy_r(h, reader);

    snprintf(path, sizeof path, "%s/points.f64", data);
    if (!(f = fopen(path, "rb"))) die("cannot open points.f64");
    fseek(f, 0, SEEK_END);
    size_t npts = (size_t)ftell(f) / 16;
    fseek(f, 0, SEEK_SET);
    double *xy = malloc(npts * 16);
    if (!xy || fread(xy, 16, npts, f) != npts) die("cannot read points.f64");
    fclose(f);

    int64_t *counts = calloc(npoly, sizeof *counts);
    const GEOSPreparedGeometry **prepared = malloc(npoly * sizeof *prepared);
    Candidates cand = {0};
    printf("{\"contender\": \"C\", \"threads\": 1, \"versions\": {\"geos\": \"%s\", \"compiler\": \"gcc %s\"}, \"runs\": [",
           GEOSversion(), __VERSION__);
    for (int r = 0; r < repeat; r++) {
        memset(counts, 0, npoly * sizeof *counts);
        double t0 = now();
        GEOSSTRtree *tree = GEOSSTRtree_create_r(h, 10);
        for (size_t i = 0; i < npoly; i++) {
            GEOSSTRtree_insert_r(h, tree, polys[i], (void *)(uintptr_t)(i + 1));
            if (!(prepared[i] = GEOSPrepare_r(h, polys[i]))) die("prepare failed");
        }
        double t1 = now();
        for (size_t i = 0; i < npts; i++) {
            GEOSGeometry *pt = GEOSGeom_createPointFromXY_r(h, xy[2 * i], xy[2 * i + 1]);
            if (!pt) die("create point failed");
            cand.count = 0;
            GEOSSTRtree_query_r(h, tree, pt, collect, &cand);
            for (size_t k = 0; k < cand.count; k++) {
                char hit = GEOSPreparedContains_r(h, prepared[cand.items[k]], pt);
                if (hit == 1) counts[cand.items[k]]++;
                else if (hit != 0) die("prepared contains failed");
            }
            GEOSGeom_destroy_r(h, pt);
        }
        double t2 = now();
        printf("%s{\"total\": %.9f, \"phases\": {\"build\": %.9f, \"query\": %.9f}}", r ? ", " : "",
               t2 - t0, t1 - t0, t2 - t1);
        for (size_t i = 0; i < npoly; i++) GEOSPreparedGeom_destroy_r(h, prepared[i]);
        GEOSSTRtree_destroy_r(h, tree);
    }
    int64_t pairs = 0;
    uint64_t checksum = 0;
    for (size_t i = 0; i < npoly; i++) {
        pairs += counts[i];
        checksum += (uint64_t)(i + 1) * (uint64_t)counts[i];
    }
    printf("], \"check\": {\"pairs\": %lld, \"checksum\": %llu}}\n", (long long)pairs, (unsigned long long)checksum);

    if (!(f = fopen(out, "wb")) || fwrite(counts, sizeof *counts, npoly, f) != npoly) die("cannot write counts");
    fclose(f);  /* little-endian on every platform this runs on (x86-64, arm64) */

    for (size_t i = 0; i < npoly; i++) GEOSGeom_destroy_r(h, polys[i]);
    free(polys); free(prepared); free(counts); free(xy); free(cand.items);
    GEOS_finish_r(h);
    return 0;
}
