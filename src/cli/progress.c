/* progress.c - the stage of a long job on a terminal (see progress.h). */
#include "cli/progress.h"

#include "cli/cli.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define QUIET_SECONDS 1.0 /* nothing before the job has run this long */
/* Overrides QUIET_SECONDS (a number of seconds from 0 to 3600), so that a
 * test on a terminal sees the line on a small corpus. */
#define QUIET_ENV "FACTNET_PROGRESS_AFTER"
#define TICK_NS 200000000L

struct fnet_progress {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t timer;
    struct timespec start, stage_start;
    const char *stage;
    uint64_t total, done;
    double quiet;   /* seconds before anything is shown */
    size_t shown;   /* length of the line on the screen, 0: none */
    char line[160]; /* the line on the screen */
    bool paused;    /* until the next stage */
    bool stop;
};

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) +
           (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* Overwrites the line with text (may be ""). Called with the lock held. */
static void draw(fnet_progress *p, const char *text)
{
    size_t len = strlen(text);
    if (len == p->shown && strcmp(text, p->line) == 0)
        return; /* unchanged */
    snprintf(p->line, sizeof p->line, "%s", text);
    fprintf(stderr, "\r%s%*s\r%s", text,
            (int)(p->shown > len ? p->shown - len : 0), "", text);
    fflush(stderr);
    p->shown = len;
}

static void erase(fnet_progress *p)
{
    if (p->shown)
        draw(p, "");
}

/* One tick: the stage with its percentage, or how long it has run. */
static void tick(fnet_progress *p)
{
    char line[sizeof p->line];
    if (p->paused || seconds_since(&p->start) < p->quiet)
        return;
    if (p->total)
        snprintf(line, sizeof line, "factnet: %s %3.0f%%", p->stage,
                 100.0 * (double)(p->done < p->total ? p->done : p->total) /
                     (double)p->total);
    else
        snprintf(line, sizeof line, "factnet: %s (%.0f s)", p->stage,
                 seconds_since(&p->stage_start));
    draw(p, line);
}

static void *timer(void *arg)
{
    fnet_progress *p = arg;
    struct timespec next;
    pthread_mutex_lock(&p->mu);
    while (!p->stop) {
        clock_gettime(CLOCK_REALTIME, &next);
        next.tv_nsec += TICK_NS;
        if (next.tv_nsec >= 1000000000L) {
            next.tv_sec++;
            next.tv_nsec -= 1000000000L;
        }
        int rc = pthread_cond_timedwait(&p->cv, &p->mu, &next);
        if (rc == ETIMEDOUT && !p->stop)
            tick(p);
    }
    erase(p);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* QUIET_SECONDS, or the value of QUIET_ENV when it is a number of seconds
 * from 0 to 3600. */
static double quiet_seconds(void)
{
    const char *v = getenv(QUIET_ENV);
    char *end;
    double s = v && *v ? strtod(v, &end) : -1;
    return v && *v && !*end && s >= 0 && s <= 3600 ? s : QUIET_SECONDS;
}

fnet_progress *fnet_progress_start(const char *stage, uint64_t total_bytes)
{
    if (isatty(STDERR_FILENO) != 1)
        return NULL;
    fnet_progress *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    clock_gettime(CLOCK_MONOTONIC, &p->start);
    p->stage_start = p->start;
    p->quiet = quiet_seconds();
    p->stage = stage;
    p->total = total_bytes;
    if (pthread_mutex_init(&p->mu, NULL)) {
        free(p);
        return NULL;
    }
    if (pthread_cond_init(&p->cv, NULL)) {
        pthread_mutex_destroy(&p->mu);
        free(p);
        return NULL;
    }
    if (pthread_create(&p->timer, NULL, timer, p)) {
        pthread_cond_destroy(&p->cv);
        pthread_mutex_destroy(&p->mu);
        free(p);
        return NULL;
    }
    return p;
}

void fnet_progress_stage(fnet_progress *p, const char *stage,
                         uint64_t total_bytes)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stage = stage;
    p->total = total_bytes;
    p->done = 0;
    p->paused = false;
    clock_gettime(CLOCK_MONOTONIC, &p->stage_start);
    pthread_mutex_unlock(&p->mu);
}

void fnet_progress_load(void *ctx, const char *stage, uint64_t bytes)
{
    fnet_progress *p = ctx;
    if (!p)
        return;
    if (strcmp(stage, p->stage) != 0) {
        fnet_progress_stage(p, stage, 0);
        return;
    }
    pthread_mutex_lock(&p->mu);
    p->done += bytes;
    pthread_mutex_unlock(&p->mu);
}

void fnet_progress_pause(fnet_progress *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    erase(p);
    p->paused = true;
    pthread_mutex_unlock(&p->mu);
}

void fnet_progress_end(fnet_progress *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stop = true;
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->timer, NULL);
    pthread_cond_destroy(&p->cv);
    pthread_mutex_destroy(&p->mu);
    free(p);
}

void fnet_progress_note(fnet_progress *p, const char *prefix, const char *msg)
{
    if (!msg[0])
        return;
    fnet_progress_pause(p);
    fnet_cli_error("%s%s", prefix, msg);
}
