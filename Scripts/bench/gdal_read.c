/* GDAL alone reads the inputs: the I/O floor row of the end-to-end cases (see README.md).
 *
 * Usage: gdal_read FILE[:LAYER] ...
 *
 * Opens each file with GDAL (the system's, the one LifeCircle links) and reads every feature of
 * LAYER, or of every layer, with OGR_L_GetNextFeature: its geometry exported to WKB and every set
 * field read as a string — what any program that uses the features must at least do. Nothing else.
 * Prints the counts, then one JSON line with GDAL's version and the seconds per file as phases.
 * Exits 1 when a file or layer cannot be opened.
 */
#include <gdal.h>
#include <ogr_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static unsigned char *wkb = NULL;
static size_t wkb_capacity = 0;

/* Every feature of the layer; adds the features, WKB bytes and field characters read. */
static void read_layer(OGRLayerH layer, long long *features, long long *bytes, long long *chars) {
    OGRFeatureH f;
    OGR_L_ResetReading(layer);
    while ((f = OGR_L_GetNextFeature(layer)) != NULL) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        if (g != NULL) {
            size_t size = (size_t)OGR_G_WkbSize(g);
            if (size > wkb_capacity) {
                wkb_capacity = size * 2;
                wkb = realloc(wkb, wkb_capacity);
            }
            OGR_G_ExportToWkb(g, wkbNDR, wkb);
            *bytes += (long long)size;
        }
        int fields = OGR_F_GetFieldCount(f);
        for (int i = 0; i < fields; i++) {
            if (OGR_F_IsFieldSetAndNotNull(f, i)) *chars += (long long)strlen(OGR_F_GetFieldAsString(f, i));
        }
        OGR_F_Destroy(f);
        (*features)++;
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: gdal_read FILE[:LAYER] ...\n");
        return 64;
    }
    GDALAllRegister();
    char phases[8192] = "";
    size_t used = 0;
    for (int a = 1; a < argc; a++) {
        char path[4096];
        snprintf(path, sizeof path, "%s", argv[a]);
        char *colon = strrchr(path, ':');
        const char *layer_name = NULL;
        if (colon != NULL && strchr(colon, '/') == NULL) {
            *colon = '\0';
            layer_name = colon + 1;
        }
        double t0 = now();
        GDALDatasetH ds = GDALOpenEx(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, NULL, NULL, NULL);
        if (ds == NULL) {
            fprintf(stderr, "gdal_read: cannot open %s\n", path);
            return 1;
        }
        long long features = 0, bytes = 0, chars = 0;
        if (layer_name != NULL) {
            OGRLayerH layer = GDALDatasetGetLayerByName(ds, layer_name);
            if (layer == NULL) {
                fprintf(stderr, "gdal_read: %s has no layer %s\n", path, layer_name);
                return 1;
            }
            read_layer(layer, &features, &bytes, &chars);
        } else {
            for (int i = 0; i < GDALDatasetGetLayerCount(ds); i++) {
                read_layer(GDALDatasetGetLayer(ds, i), &features, &bytes, &chars);
            }
        }
        GDALClose(ds);
        double seconds = now() - t0;
        printf("%s%s%s: %lld features, %lld WKB bytes, %lld field characters, %.3f s\n", path,
               layer_name ? ":" : "", layer_name ? layer_name : "", features, bytes, chars, seconds);
        const char *base = strrchr(argv[a], '/');
        used += snprintf(phases + used, sizeof phases - used, "%s\"%s\": %.6f", used ? ", " : "",
                         base ? base + 1 : argv[a], seconds);
        if (used >= sizeof phases) used = sizeof phases - 1;
    }
    free(wkb);
    printf("{\"threads\": 1, \"versions\": {\"GDAL\": \"%s\"}, \"phases\": {%s}}\n", GDALVersionInfo("RELEASE_NAME"), phases);
    return 0;
}
