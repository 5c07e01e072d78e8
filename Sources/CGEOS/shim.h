// Only the reentrant (*_r) API: the non-reentrant one shares global state between threads.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
