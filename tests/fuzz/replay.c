/* replay.c - runs a fuzz harness's LLVMFuzzerTestOneInput on saved inputs
 * without libFuzzer, so that the crash regressions (tests/fuzz/regressions/)
 * are replayed by every build, sanitized or not.
 *
 * usage: fuzz_NAME_replay PATH...   (files, or directories of files)
 * Exit status 0 when every input ran; 1 when a path cannot be read or a
 * directory given holds no inputs (so a wrong path cannot pass as an empty
 * success). A crashing input crashes this program. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        perror(path);
        return -1;
    }
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    int rc = 0;
    for (;;) {
        if (!buf) {
            rc = -1;
            break;
        }
        n += fread(buf + n, 1, cap - n, fp);
        if (n < cap)
            break;
        uint8_t *p = realloc(buf, cap * 2);
        if (!p)
            free(buf);
        buf = p;
        cap *= 2;
    }
    if (rc == 0 && ferror(fp)) {
        perror(path);
        rc = -1;
    }
    fclose(fp);
    if (rc == 0) {
        /* Like libFuzzer: the harness gets exactly the file's bytes, in a
         * buffer of that size (so ASan sees any read past the end). */
        uint8_t *exact = malloc(n ? n : 1);
        if (!exact) {
            rc = -1;
        } else {
            memcpy(exact, buf, n);
            fprintf(stderr, "replay %s (%zu bytes)\n", path, n);
            LLVMFuzzerTestOneInput(exact, n);
            free(exact);
        }
    }
    free(buf);
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every regular file of dir, in name order. Returns the number run or
 * -1. */
static long run_dir(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        perror(dir);
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    long rc = 0;
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) {
                rc = -1;
                break;
            }
            names = p;
        }
        size_t len = strlen(dir) + strlen(de->d_name) + 2;
        if (!(names[n] = malloc(len))) {
            rc = -1;
            break;
        }
        snprintf(names[n++], len, "%s/%s", dir, de->d_name);
    }
    closedir(dp);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n && rc >= 0; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && !S_ISREG(st.st_mode))
            continue;
        rc = run_file(names[i]) == 0 ? rc + 1 : -1;
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    long total = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            perror(argv[i]);
            return 1;
        }
        if (S_ISDIR(st.st_mode)) {
            long n = run_dir(argv[i]);
            if (n < 0)
                return 1;
            if (n == 0) {
                fprintf(stderr, "%s: no inputs\n", argv[i]);
                return 1;
            }
            total += n;
        } else if (run_file(argv[i]) != 0) {
            return 1;
        } else {
            total++;
        }
    }
    printf("%ld inputs replayed\n", total);
    return 0;
}
