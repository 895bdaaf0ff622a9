/* test_formats.c - the input-format table (input/formats.h): names once,
 * detection by file ending and content, the option checks, and the load
 * plan (input/load.h). */
#include "input/formats.h"
#include "input/load.h"
#include "test.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[64];

static const char *tmp_file(const char *name, const char *text)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *fp = fopen(path, "w");
    if (fp) {
        fputs(text, fp);
        fclose(fp);
    }
    return path;
}

static const char *detect(const char *path)
{
    const fnet_input_format *f = fnet_input_format_detect(path, NULL);
    return f ? f->name : "(none)";
}

static void test_names(void)
{
    fnet_buf b = {0};
    fnet_input_formats_list(&b);
    CHECK_STR(fnet_buf_str(&b), "json, jsonl, csv, tsv, brat, labelstudio, "
                                "doccano, gdelt or icews");
    fnet_buf_free(&b);
    size_t n = 0;
    for (const fnet_input_format *f; (f = fnet_input_format_at(n)); n++) {
        CHECK(fnet_input_format_find(f->name) == f);
        CHECK(f->load != NULL);
        CHECK(!f->sniff == !f->sniff_on);
    }
    CHECK_INT(n, 9);
    CHECK(fnet_input_format_find("auto") == NULL);
    CHECK(fnet_input_format_find("JSON") == NULL);
    CHECK(fnet_input_format_find("xml") == NULL);
}

/* Paths that need no peek (no such file): the longest ending wins. */
static void test_detect_by_name(void)
{
    CHECK_STR(detect("a.json"), "json");
    CHECK_STR(detect("a.JSON"), "json"); /* nothing matches: the default */
    CHECK_STR(detect("a"), "json");
    CHECK_STR(detect("-"), "json");
    CHECK_STR(detect("a.jsonl"), "jsonl");
    CHECK_STR(detect("a.ndjson"), "jsonl");
    CHECK_STR(detect("a.JSONL"), "json"); /* fact formats match exactly */
    CHECK_STR(detect("a.csv"), "csv");
    CHECK_STR(detect("a.CSV"), "csv");
    CHECK_STR(detect("a.tsv"), "tsv");
    CHECK_STR(detect("a.Tab"), "tsv");
    CHECK_STR(detect("a.ann"), "brat");
    CHECK_STR(detect("a.ANN"), "brat");
    CHECK_STR(detect("x.export.CSV"), "gdelt");
    CHECK_STR(detect("x.gdelt.tsv"), "gdelt");
    CHECK_STR(detect("x.gdelt.csv"), "gdelt");
    CHECK_STR(detect("x.icews.tsv"), "icews");
    fnet_load_opts o = {.format = "doccano"};
    CHECK_STR(fnet_input_format_detect("a.csv", &o)->name, "doccano");
    o.format = "auto";
    CHECK_STR(fnet_input_format_detect("a.csv", &o)->name, "csv");
}

/* Content decides between formats sharing an ending; folders are brat
 * unless named like a fact file. */
static void test_detect_by_content(void)
{
    CHECK_STR(detect(tmp_file("ls.json", "[{\"data\": {\"text\": \"x\"}}]")),
              "labelstudio");
    CHECK_STR(detect(tmp_file("f.json", "{\"facts\": []}")), "json");
    CHECK_STR(detect(tmp_file("d.jsonl", "{\"text\": \"x\"}\n")), "doccano");
    CHECK_STR(detect(tmp_file("f.jsonl", "{\"kind\": \"fact\"}\n")), "jsonl");
    CHECK_STR(detect(tmp_file("e.tsv", "a\tb\n")), "tsv");
    CHECK_STR(detect(tmpdir), "brat");
    char dir[128];
    snprintf(dir, sizeof dir, "%s/sub.jsonl", tmpdir);
    CHECK_INT(mkdir(dir, 0700), 0);
    CHECK_STR(detect(dir), "jsonl");
    rmdir(dir);
    snprintf(dir, sizeof dir, "%s/sub.csv", tmpdir);
    CHECK_INT(mkdir(dir, 0700), 0);
    CHECK_STR(detect(dir), "brat");
    rmdir(dir);
}

static void test_check(void)
{
    fnet_err err = {0};
    fnet_load_opts o = {.format = "xml"};
    CHECK_INT(fnet_load_opts_check(&o, &err), FNET_EUSAGE);
    CHECK_STR(err.msg, "unknown input format \"xml\" (expected json, jsonl, "
                       "csv, tsv, brat, labelstudio, doccano, gdelt or "
                       "icews)");
    o.format = "auto";
    CHECK_INT(fnet_load_opts_check(&o, &err), FNET_OK);
    o.import.event_weight = "bogus";
    CHECK_INT(fnet_load_opts_check(&o, &err), FNET_EUSAGE);
    CHECK_INT(fnet_load_opts_check(NULL, &err), FNET_OK);
}

/* The plan: formats found once; streaming only for JSON Lines files. */
static void test_plan(void)
{
    fnet_err err = {0};
    fnet_load_plan p;
    char *paths[] = {"a.jsonl", "b.ndjson", "-"};
    CHECK_INT(fnet_load_plan_make(&p, paths, 2, NULL, &err), FNET_OK);
    CHECK(p.o.checked);
    CHECK_STR(p.formats[1]->name, "jsonl");
    CHECK(fnet_load_plan_streams(&p));
    fnet_load_plan_free(&p);
    CHECK_INT(fnet_load_plan_make(&p, paths, 3, NULL, &err), FNET_OK);
    CHECK(!fnet_load_plan_streams(&p)); /* standard input */
    fnet_load_plan_free(&p);
    fnet_load_opts o = {.import.label_map = "m.json"};
    CHECK_INT(fnet_load_plan_make(&p, paths, 2, &o, &err), FNET_OK);
    CHECK(!fnet_load_plan_streams(&p)); /* a label map to load */
    fnet_load_plan_free(&p);
    o = (fnet_load_opts){.format = "nope"};
    CHECK_INT(fnet_load_plan_make(&p, paths, 2, &o, &err), FNET_EUSAGE);
    fnet_load_plan_free(&p);
    o.checked = true; /* trusted: the caller checked */
    CHECK_INT(fnet_load_plan_make(&p, paths, 2, &o, &err), FNET_OK);
    CHECK(p.formats[0] == NULL);
    CHECK(!fnet_load_plan_streams(&p));
    fnet_load_plan_free(&p);
}

int main(void)
{
    strcpy(tmpdir, "/tmp/fnet-formats-XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(test_names);
    RUN(test_detect_by_name);
    RUN(test_detect_by_content);
    RUN(test_check);
    RUN(test_plan);
    static const char *const files[] = {"ls.json", "f.json", "d.jsonl",
                                        "f.jsonl", "e.tsv"};
    char path[128];
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", tmpdir, files[i]);
        unlink(path);
    }
    rmdir(tmpdir);
    return TEST_REPORT();
}
