/* fixed_clock.c - the fixed wall-clock time of outputs (see fixed_clock.h). */
#include "output/diagram/fixed_clock.h"

#include <stdlib.h>

time_t fnet_fixed_clock_now(void)
{
    const char *env = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long secs = env ? strtoll(env, &end, 10) : 0;
    return (time_t)(env && end != env && !*end && secs >= 0 ? secs : 0);
}

/* The process's time(): see fixed_clock.h. */
time_t time(time_t *out)
{
    time_t t = fnet_fixed_clock_now();
    if (out)
        *out = t;
    return t;
}
