/* test_child.c - work run by core/child.h really runs in another process
 * when asked (and in-process otherwise), its text, return code and error
 * come back whole, what it changes stays in the child, and the child's
 * death is reported. */
#include "test.h"

#include "core/child.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct probe {
    pid_t ran_in; /* set by the work: the pid it ran in */
    int fail;     /* 1: return FNET_EDATA; 2: die; 3: a long text */
} probe;

static int work(void *ctx, FILE *out, fnet_err *err)
{
    probe *p = ctx;
    p->ran_in = getpid();
    if (p->fail == 2)
        _exit(9);
    fprintf(out, "pid %ld\n", (long)getpid());
    if (p->fail == 3)
        for (int i = 0; i < 20000; i++)
            fprintf(out, "line %05d\n", i); /* 220 kB: more than a pipe */
    if (p->fail == 1)
        return fnet_err_set(err, FNET_EDATA, "work failed: %d", 42);
    return 0;
}

/* The text the work wrote, through a memory FILE. */
static int finish_to_text(fnet_child *c, char **text, fnet_err *err)
{
    size_t len = 0;
    FILE *mem = open_memstream(text, &len);
    int rc = fnet_child_finish(c, mem, err);
    fclose(mem);
    return rc;
}

static void test_in_child(void)
{
    probe p = {0};
    fnet_child c;
    fnet_err err = {0};
    char *text = NULL, want[64];
    fnet_child_start(&c, work, &p, true);
    CHECK(c.pid > 0);
    pid_t child = c.pid;
    CHECK_INT(finish_to_text(&c, &text, &err), 0);
    CHECK_INT(p.ran_in, 0); /* set in the child's memory only */
    snprintf(want, sizeof want, "pid %ld\n", (long)child);
    CHECK_STR(text, want);
    free(text);
}

static void test_in_process(void)
{
    probe p = {0};
    fnet_child c;
    fnet_err err = {0};
    char *text = NULL, want[64];
    fnet_child_start(&c, work, &p, false);
    CHECK_INT(c.pid, 0);
    CHECK_INT(finish_to_text(&c, &text, &err), 0);
    CHECK_INT(p.ran_in, getpid());
    snprintf(want, sizeof want, "pid %ld\n", (long)getpid());
    CHECK_STR(text, want);
    free(text);
}

static void test_error_and_long_text(void)
{
    probe p = {.fail = 1};
    fnet_child c;
    fnet_err err = {0};
    char *text = NULL;
    fnet_child_start(&c, work, &p, true);
    CHECK_INT(finish_to_text(&c, &text, &err), FNET_EDATA);
    CHECK_STR(err.msg, "work failed: 42");
    free(text);
    text = NULL;
    p.fail = 3;
    fnet_child_start(&c, work, &p, true);
    CHECK_INT(finish_to_text(&c, &text, &err), 0);
    CHECK(text && strlen(text) > 200000);
    CHECK(text && strstr(text, "line 19999\n") != NULL);
    free(text);
}

static void test_death(void)
{
    probe p = {.fail = 2};
    fnet_child c;
    fnet_err err = {0};
    char *text = NULL;
    fnet_child_start(&c, work, &p, true);
    CHECK_INT(finish_to_text(&c, &text, &err), FNET_EINTERNAL);
    CHECK_STR(err.msg, "a child process died before it answered");
    CHECK(!text || !*text);
    free(text);
}

int main(void)
{
    RUN(test_in_child);
    RUN(test_in_process);
    RUN(test_error_and_long_text);
    RUN(test_death);
    return TEST_REPORT();
}
