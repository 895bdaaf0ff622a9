/* fixed_clock.h - the one wall-clock time factnet's outputs may carry.
 *
 * Outputs never hold the time of the run: the same input gives the same
 * bytes. The only time a written file carries (a PDF's /CreationDate,
 * which cairo stamps) is SOURCE_DATE_EPOCH when it is set to a
 * non-negative integer, else the Unix epoch.
 *
 * cairo reads the clock with time(); 1.16 writes the stamp in plain text
 * (render.c overwrites it in place), but 1.18 (Debian 13) compresses it
 * into an object stream where it cannot be patched, and ignores
 * SOURCE_DATE_EPOCH. So this module also defines time() for the process:
 * the executables export it (CMakeLists.txt, --export-dynamic-symbol), the
 * Graphviz plugin's cairo binds to it, and every caller of time() in the
 * process gets the fixed time. factnet's own code measures durations with
 * clock_gettime() (cli/progress.c), which is not affected. */
#ifndef FNET_FIXED_CLOCK_H
#define FNET_FIXED_CLOCK_H

#include <time.h>

/* SOURCE_DATE_EPOCH, or 0 when unset or not a non-negative integer. */
time_t fnet_fixed_clock_now(void);

#endif
