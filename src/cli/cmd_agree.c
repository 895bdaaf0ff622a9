/* cmd_agree.c - `factnet agree`: intercoder reliability of two codings or
 * more of the same sources (F1, Krippendorff's alpha, Cohen's kappa), the
 * disagreements for adjudication, and the agreed facts as a corpus. */
#include "cli/cli.h"
#include "cli/helptext.h"
#include "cli/input_opts.h"

#include "analysis/agree.h"
#include "core/outfile.h"
#include "output/export/consensus.h"
#include "output/tables/agree_table.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CODERS 16

typedef struct coder_ids {
    const char *id[MAX_CODERS];
    uint32_t n;
} coder_ids;

typedef struct aopts {
    fnet_cli_input in;
    fnet_table_style style;
    coder_ids ids;
    const char *out, *consensus;
    int match, table, by;
    long min_coders;
    bool min_given;
} aopts;

/* --coder ID, once per file (or several times for one file). */
static int add_coder(void *field, const char *value, const char *cmd)
{
    coder_ids *ids = field;
    if (!*value)
        return fnet_cli_usage(cmd, "--coder: expected a coder id"), -1;
    if (ids->n == MAX_CODERS)
        return fnet_cli_usage(cmd, "--coder: at most %d coders", MAX_CODERS),
               -1;
    ids->id[ids->n++] = value;
    return 0;
}

/* clang-format off */
static const fnet_opt options[] = {
    FNET_CHOICE("by", 0, aopts, by, fnet_agree_by_names, NULL, "U",
                "fact (default), pair or entity: the unit of analysis"),
    FNET_CALL("coder", aopts, ids, add_coder, "ID",
              "count only the facts whose attribute coder is ID (once per "
              "file, in file order; or several times after one file)"),
    FNET_DIGITS_OPTION(aopts, style.digits),
    FNET_TABLE_FORMAT_OPTION(aopts, style.format,
                             "md, csv, tsv, latex or json",
                             "md (default), csv, tsv, latex or json"),
    FNET_OPT_HELP_SPEC,
    FNET_LATEX_WIDTH_OPTION(aopts, style.latex_width),
    FNET_CHOICE("match", 0, aopts, match, fnet_agree_match_names, NULL, "M",
                "exact (default), span or pair: when two facts agree"),
    {.name = "min-coders", .type = FNET_OPT_WHOLE,
     FNET_FIELD(aopts, min_coders), FNET_GIVEN(aopts, min_given), .min = 1,
     .max = MAX_CODERS, .arg = "N",
     .help = "--write-consensus: facts N coders agree on (default: all)"},
    FNET_FORMULA_GUARD_OPTION(aopts, style.no_formula_guard),
    FNET_STRING("output", 'o', aopts, out, "FILE",
                "write to FILE (default: standard output)"),
    FNET_CHOICE("table", 0, aopts, table, fnet_agree_table_names, NULL, "T",
                "csv/tsv/latex: pairs (default), alpha, relations, sources, "
                "entities or disagreements"),
    FNET_STRING("write-consensus", 0, aopts, consensus, "FILE",
                "write the agreed facts as a factnet JSON corpus"),
    {0},
};
/* clang-format on */

static int parse(aopts *o, int argc, char **argv, fnet_opt_result *r)
{
    int status = fnet_cli_input_parse_args("agree", options, o, &o->in, true,
                                           argc, argv, r);
    if (status != FNET_EXIT_OK || r->done)
        return status;
    if (fnet_cli_input_check("agree", &o->in) != FNET_EXIT_OK)
        return FNET_EXIT_USAGE;
    size_t files = r->n_paths, ids = o->ids.n;
    if (ids == 0 && files < 2)
        return fnet_cli_usage("agree", "give two coders or more: a file "
                                       "per coder, or one file with "
                                       "--coder ID for each coder");
    if (ids && ids != files && !(files == 1 && ids >= 2))
        return fnet_cli_usage("agree",
                              "%zu files and %zu --coder: give one --coder "
                              "per file, or one file and a --coder for "
                              "each coder",
                              files, ids);
    if (files > MAX_CODERS)
        return fnet_cli_usage("agree", "at most %d coders", MAX_CODERS);
    size_t n = ids ? ids : files;
    if (o->by > FNET_AGREE_BY_FACT && (o->match >= 0 || o->consensus))
        return fnet_cli_usage("agree", "%s applies to --by fact, not --by %s",
                              o->match >= 0 ? "--match" : "--write-consensus",
                              fnet_agree_by_names[o->by]);
    if (o->min_given && !o->consensus)
        return fnet_cli_usage("agree",
                              "--min-coders applies to --write-consensus");
    if (o->min_given && (size_t)o->min_coders > n)
        return fnet_cli_usage("agree", "--min-coders %ld: there are %zu coders",
                              o->min_coders, n);
    if (o->consensus && strcmp(o->consensus, "-") == 0 &&
        (!o->out || strcmp(o->out, "-") == 0))
        return fnet_cli_usage("agree", "--write-consensus - and the tables "
                                       "would both go to standard output: "
                                       "give -o FILE");
    if (o->table >= 0 && (o->style.format == FNET_TABLE_MD ||
                          o->style.format == FNET_TABLE_JSON))
        return fnet_cli_usage("agree", "--table applies to csv, tsv and "
                                       "latex (md and json hold every "
                                       "table)");
    return FNET_EXIT_OK;
}

/* A coder's name: its id, else its file's name without folder and
 * ending; a clash keeps the whole path, then adds "#K". */
static char *coder_name(const aopts *o, char **paths, uint32_t k, char **names)
{
    const char *p = paths[o->ids.n && paths[1] == NULL ? 0 : k];
    const char *base = strrchr(p, '/') ? strrchr(p, '/') + 1 : p;
    size_t len = strcspn(base, ".");
    char *s = malloc(strlen(p) + 16);
    if (!s)
        return NULL;
    if (o->ids.n)
        snprintf(s, strlen(p) + 16, "%s", o->ids.id[k]);
    else
        snprintf(s, strlen(p) + 16, "%.*s", (int)(len ? len : strlen(base)),
                 base);
    for (uint32_t l = 0; l < k; l++)
        if (strcmp(names[l], s) == 0) {
            snprintf(s, strlen(p) + 16, "%s#%u", p, k + 1);
            break;
        }
    return s;
}

static int write_output(const aopts *o, const fnet_agree *a, fnet_err *err)
{
    fnet_outfile *f = NULL;
    fnet_agree_write_opts wo = {.style = o->style,
                                .table = o->table < 0 ? 0 : o->table};
    int rc = fnet_outfile_open(&f, o->out ? o->out : "-", err);
    if (rc)
        return rc;
    rc = fnet_agree_write(fnet_outfile_stream(f), a, &wo, err);
    return fnet_outfile_end(f, rc, err);
}

static int run(const aopts *o, fnet_agree_coder *coders, uint32_t n,
               fnet_err *err)
{
    fnet_agree a = {0};
    uint64_t written = 0;
    int rc = 0;
    for (uint32_t k = 0; !rc && k < n; k++)
        rc = fnet_agree_coder_check(&coders[k], err);
    if (!rc)
        rc = fnet_agree_compute_by(&a, coders, n, o->match < 0 ? 0 : o->match,
                                   o->by, err);
    if (!rc)
        rc = write_output(o, &a, err);
    if (!rc && o->consensus) {
        uint32_t min = o->min_given ? (uint32_t)o->min_coders : n;
        rc = fnet_consensus_write(o->consensus, &a, min, &written, err);
        if (!rc)
            fprintf(stderr,
                    "factnet: consensus: %" PRIu64 " facts (agreed by at "
                    "least %u of %u coders) written to %s\n",
                    written, min, n,
                    strcmp(o->consensus, "-") ? o->consensus
                                              : "standard output");
    }
    fnet_agree_free(&a);
    return rc;
}

int fnet_cmd_agree(int argc, char **argv)
{
    aopts o = {.table = -1, .match = -1};
    fnet_opt_result r = {.paths = calloc((size_t)argc + 1, sizeof(char *)),
                         .help = &fnet_helptext_agree};
    fnet_agree_coder coders[MAX_CODERS] = {{0}};
    fnet_corpus *corpora[MAX_CODERS] = {0};
    char *names[MAX_CODERS] = {0};
    fnet_err err = {0};
    uint32_t n = 0;
    int status;

    if (!r.paths)
        return FNET_EXIT_INTERNAL;
    o.style.format = FNET_TABLE_MD;
    o.style.digits = -1;
    status = parse(&o, argc, argv, &r);
    if (status != FNET_EXIT_OK || r.done)
        goto out;
    n = o.ids.n ? o.ids.n : (uint32_t)r.n_paths;
    for (uint32_t k = 0; k < r.n_paths; k++) {
        status = fnet_cli_load(&corpora[k], "agree", &r.paths[k], 1, &o.in);
        if (status != FNET_EXIT_OK)
            goto out;
    }
    for (uint32_t k = 0; k < n; k++) {
        if (!(names[k] = coder_name(&o, r.paths, k, names))) {
            status = FNET_EXIT_INTERNAL;
            goto out;
        }
        coders[k] = (fnet_agree_coder){.c = corpora[r.n_paths == 1 ? 0 : k],
                                       .name = names[k],
                                       .coder = o.ids.n ? o.ids.id[k] : NULL};
    }
    status = fnet_cli_status("agree", run(&o, coders, n, &err), &err);
out:
    for (uint32_t k = 0; k < MAX_CODERS; k++) {
        fnet_corpus_free(corpora[k]);
        free(names[k]);
    }
    free(r.paths);
    return status;
}
