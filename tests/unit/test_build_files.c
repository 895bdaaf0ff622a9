/* test_build_files.c - unit tests for src/output/tables/build_files: the
 * NAME of an input path, names that clash, the output paths and mkdir -p. */
#include "test.h"

#include "output/tables/build_files.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_name(void)
{
    char name[256];
    fnet_build_files_name("data/iran.json", name, sizeof name);
    CHECK_STR(name, "iran");
    fnet_build_files_name("a/b/events.jsonl", name, sizeof name);
    CHECK_STR(name, "events");
    fnet_build_files_name("corpus/", name, sizeof name);
    CHECK_STR(name, "corpus");
    fnet_build_files_name("x.ann", name, sizeof name);
    CHECK_STR(name, "x");
    fnet_build_files_name(".json", name, sizeof name); /* no NAME left */
    CHECK_STR(name, ".json");
    fnet_build_files_name("notes.txt", name, sizeof name);
    CHECK_STR(name, "notes.txt");
}

static void test_clash(void)
{
    char *paths[] = {"a/x.json", "b/y.csv", "c/x.tsv"};
    size_t a = 9, b = 9;
    CHECK(fnet_build_files_clash(paths, 3, &a, &b));
    CHECK_INT(a, 0);
    CHECK_INT(b, 2);
    CHECK(!fnet_build_files_clash(paths, 2, &a, &b));
}

static void test_path_and_dir(void)
{
    fnet_buf b = {0};
    fnet_err err = {0};
    char tmp[] = "/tmp/fnet_build_files_XXXXXX";
    CHECK_STR(fnet_build_files_path(&b, "out", "iran", ".summary.md"),
              "out/iran.summary.md");
    CHECK(mkdtemp(tmp) != NULL);
    fnet_buf_reset(&b);
    fnet_buf_printf(&b, "%s/one/two", tmp);
    CHECK_INT(fnet_build_files_make_dir(fnet_buf_str(&b), &err), 0);
    struct stat st;
    CHECK(stat(fnet_buf_str(&b), &st) == 0 && S_ISDIR(st.st_mode));
    CHECK_INT(fnet_build_files_make_dir(fnet_buf_str(&b), &err), 0);
    rmdir(fnet_buf_str(&b));
    fnet_buf_reset(&b);
    fnet_buf_printf(&b, "%s/one", tmp);
    rmdir(fnet_buf_str(&b));
    rmdir(tmp);
    fnet_buf_free(&b);
}

int main(void)
{
    RUN(test_name);
    RUN(test_clash);
    RUN(test_path_and_dir);
    return TEST_REPORT();
}
