/* graphopts.c - the shared view/filter/weighting options (graphopts.h). */
#include "cli/graphopts.h"

#include "cli/cli.h"
#include "cli/progress.h"
#include "graph/graph_pairs.h"
#include "output/tables/metrics_table.h"
#include "input/aggregate.h"
#include "job/job.h"

#include <float.h>
#include <stdlib.h>
#include <string.h>

typedef fnet_graphopts G;

static const char *const views[] = {"full", "actors", NULL};
static const char *const weights[] = {"count", "newman", "jaccard", NULL};

/* Sorted by name. */
/* clang-format off */
const fnet_opt fnet_graphopts_spec[] = {
    FNET_FLAG("dated-only", 0, G, graph.dated_only,
              "leave out undated facts"),
    FNET_FLAG("directed", 0, G, graph.directed,
              "directed graph: subject -> object for directed relations"),
    {.name = "duplicates", .type = FNET_OPT_CHOICE,
     FNET_FIELD(G, graph.duplicates),
     .values = fnet_duplicates_names, .arg = "WHEN",
     .help = "count a repeated statement once per document, week, month, "
             "year or all (default include: count every one)"},
    {.name = "from", .type = FNET_OPT_DATE, FNET_FIELD(G, graph.from),
     .arg = "DATE",
     .help = "keep facts that overlap DATE or later (YYYY[-MM[-DD]])"},
    FNET_REAL("min-weight", G, graph.min_weight, 0, DBL_MAX, "W",
              "drop edges whose aggregated weight is below W"),
    {.name = "normalize", .type = FNET_OPT_CHOICE,
     FNET_FIELD(G, graph.normalize), FNET_GIVEN(G, normalize_given),
     .values = fnet_normalize_names, .arg = "N",
     .help = "actors view tie normalisation (DNA's): none (default), "
             "average, jaccard or cosine"},
    FNET_STRING("relations", 0, G, graph.relations, "LIST",
                "keep only facts of these relations (comma list)"),
    {.name = "tie", .type = FNET_OPT_CHOICE, FNET_FIELD(G, graph.tie),
     FNET_GIVEN(G, tie_given), .values = fnet_tie_names, .arg = "MODE",
     .help = "actors view tie from stances (DNA's): signed (default), "
             "congruence, conflict, subtract or ignore"},
    {.name = "to", .type = FNET_OPT_DATE, FNET_FIELD(G, graph.to),
     .arg = "DATE", .help = "keep facts that overlap DATE or earlier"},
    FNET_STRING("types", 0, G, graph.types, "LIST",
                "keep only entities of these types (comma list)"),
    FNET_FLAG("unweighted", 0, G, unweighted,
              "ignore edge weights in every metric"),
    {.name = "via", .type = FNET_OPT_STRING, FNET_FIELD(G, graph.via),
     FNET_GIVEN(G, via_given), .arg = "TYPES",
     .help = "actors view: item types linking actors (default: all "
             "non-actor)"},
    {.name = "view", .type = FNET_OPT_CHOICE, FNET_FIELD(G, graph.view),
     .values = views, .arg = "VIEW",
     .help = "full (default) or actors (one-mode projection on actors)"},
    {.name = "weight", .type = FNET_OPT_CHOICE,
     FNET_FIELD(G, graph.projection), FNET_GIVEN(G, weight_given),
     .values = weights, .arg = "W",
     .help = "actors view stance-free tie weight instead of --tie: count, "
             "newman or jaccard"},
    FNET_FLAG("weighted", 0, G, weighted_paths,
              "path metrics use distance 1/weight (default: unweighted "
              "paths)"),
    {0},
};
/* clang-format on */

void fnet_graphopts_init(fnet_graphopts *o)
{
    memset(o, 0, sizeof *o);
    fnet_graph_opts_init(&o->graph);
}

/* --tie, --normalize and --weight: the stance ties, or the stance-free
 * projection that --weight selects (docs/METRICS.md, "Stance ties"). */
static int finish_ties(fnet_graphopts *o, const char *cmd)
{
    fnet_graph_opts *g = &o->graph;
    const char *actors_only = o->via_given         ? "via"
                              : o->weight_given    ? "weight"
                              : o->tie_given       ? "tie"
                              : o->normalize_given ? "normalize"
                                                   : NULL;
    if (g->view != FNET_VIEW_ACTORS && actors_only) {
        fnet_cli_usage(cmd, "--%s applies only to --view actors", actors_only);
        return -1;
    }
    if (o->weight_given && (o->tie_given || o->normalize_given)) {
        fnet_cli_usage(cmd,
                       "--weight picks a stance-free projection and --%s the "
                       "stance ties of the actors view: give one",
                       o->tie_given ? "tie" : "normalize");
        return -1;
    }
    if (o->weight_given)
        g->tie = FNET_TIE_MEMBERSHIP;
    return 0;
}

int fnet_graphopts_finish(fnet_graphopts *o, const char *cmd)
{
    const fnet_graph_opts *g = &o->graph;
    if (finish_ties(o, cmd))
        return -1;
    if (o->unweighted && o->weighted_paths) {
        fnet_cli_usage(cmd, "--weighted and --unweighted contradict each "
                            "other");
        return -1;
    }
    if (fnet_date_is_set(g->from) && fnet_date_is_set(g->to) &&
        fnet_date_first_day(g->from) > fnet_date_last_day(g->to)) {
        fnet_cli_usage(cmd, "--from is after --to: the window is empty");
        return -1;
    }
    return 0;
}

/* The command's own options, then the graph and input ones. */
static void groups(fnet_opt_group g[5], const fnet_opt *own, void *own_base,
                   const fnet_opt_group *extra, fnet_graphopts *go,
                   fnet_cli_input *in)
{
    size_t n = 0;
    g[n++] =
        (fnet_opt_group){.title = "options", .opts = own, .base = own_base};
    if (extra)
        g[n++] = *extra;
    g[n++] = (fnet_opt_group)FNET_GRAPHOPTS_GROUP(go);
    g[n++] = (fnet_opt_group)FNET_CLI_INPUT_GROUP(in);
    g[n] = (fnet_opt_group){0};
}

int fnet_graphopts_parse_args(const char *cmd, const fnet_opt *own,
                              void *own_base, fnet_graphopts *g,
                              fnet_cli_input *in, int argc, char **argv,
                              fnet_opt_result *r)
{
    return fnet_graphopts_parse_args_with(cmd, own, own_base, NULL, g, in, argc,
                                          argv, r);
}

int fnet_graphopts_parse_args_with(const char *cmd, const fnet_opt *own,
                                   void *own_base, const fnet_opt_group *extra,
                                   fnet_graphopts *g, fnet_cli_input *in,
                                   int argc, char **argv, fnet_opt_result *r)
{
    fnet_opt_group gr[5];
    groups(gr, own, own_base, extra, g, in);
    return fnet_opt_parse(cmd, gr, true, argc, argv, r);
}

const char fnet_graphopts_rules[] =
    "The graph: facts between the same two entities become one edge\n"
    "whose weight is the sum of the facts' weights; self-loops are left\n"
    "out; entities without facts stay as isolated nodes. --view actors\n"
    "ties two actors who have facts with the same entity of a --via\n"
    "type by DNA's --tie of their stances on it: signed (default) =\n"
    "agreement as w+, disagreement as w-. --weight instead counts shared\n"
    "items as positive (count, newman: 1/(k-1) per item, jaccard);\n"
    "direct actor-actor facts add their weights. With negative ties,\n"
    "communities (but spinglass) use max(w+ - w-, 0). A date window\n"
    "keeps a fact when the days it covers (a year-precision date covers\n"
    "the year) overlap the window; undated facts are kept unless\n"
    "--dated-only. Weights are tie strengths: strength, eigenvector,\n"
    "PageRank, hub/authority, constraint and communities use them;\n"
    "betweenness, closeness and harmonic ignore them unless --weighted\n"
    "(distance = 1/weight). See docs/METRICS.md.";

void fnet_graphopts_job(fnet_job_opts *jo, const fnet_graphopts *g,
                        const fnet_community_opts *co)
{
    fnet_job_opts_init(jo);
    jo->unweighted = g->unweighted;
    jo->weighted_paths = g->weighted_paths;
    jo->co = *co;
}

void fnet_graphopts_notes(fnet_progress *p, const fnet_job *j)
{
    char msg[512];
    fnet_job_duplicates_message(j, msg, sizeof msg);
    fnet_progress_note(p, "note: ", msg);
    fnet_job_signs_message(j, msg, sizeof msg);
    fnet_progress_note(p, "note: ", msg);
}

void fnet_graphopts_notes_to(fnet_buf *out, const fnet_job *j)
{
    char msg[512];
    fnet_job_duplicates_message(j, msg, sizeof msg);
    if (msg[0])
        fnet_buf_printf(out, "%s\n", msg);
    fnet_job_signs_message(j, msg, sizeof msg);
    if (msg[0])
        fnet_buf_printf(out, "%s\n", msg);
}

int fnet_graphopts_parallel(const char *cmd, int *parallel, fnet_cli_input *in)
{
    const char *v = getenv("FACTNET_PARALLEL");
    *parallel = fnet_job_parallel_from_name(v);
    if (*parallel < 0)
        return fnet_cli_usage(cmd,
                              "FACTNET_PARALLEL: expected auto, always "
                              "or serial, got '%s'",
                              v);
    if (*parallel == FNET_JOB_SERIAL)
        in->lo.threads = 1;
    return FNET_EXIT_OK;
}

int fnet_graphopts_load(fnet_graph **g, fnet_corpus **c, fnet_aggregate **agg,
                        const char *cmd, char **paths, size_t n,
                        const fnet_graphopts *o, const fnet_cli_input *in)
{
    fnet_err err = {0};
    int status, rc;
    if (agg && fnet_graph_pairs_supported(&o->graph))
        status = fnet_cli_load_pairs(agg, c, cmd, paths, n, in);
    else
        status = fnet_cli_load(c, cmd, paths, n, in);
    if (status != FNET_EXIT_OK)
        return status;
    fnet_progress_stage(in->progress, "building the graph", 0);
    if (agg && *agg) {
        rc = fnet_graph_build_pairs(g, (*agg)->corpus, (*agg)->pairs,
                                    (*agg)->n_pairs, &o->graph, &err);
        fnet_aggregate_free_pairs(*agg); /* the graph has them now */
    } else {
        rc = fnet_graph_build(g, *c, &o->graph, &err);
    }
    fnet_progress_pause(in->progress);
    return fnet_cli_status(cmd, rc, &err);
}

bool fnet_graphopts_columns_ok(const char *cmd, int problem, const char *bad,
                               bool metrics_only)
{
    const char *near = fnet_opt_near_column(bad, !metrics_only);
    switch (problem) {
    case FNET_MCHOICE_OK: return true;
    case FNET_MCHOICE_UNKNOWN:
        fnet_cli_usage_near(cmd, near, "--columns: unknown %s '%s'",
                            metrics_only ? "metric" : "column", bad);
        break;
    case FNET_MCHOICE_TWICE:
        fnet_cli_usage(cmd, "--columns: '%s' given twice", bad);
        break;
    case FNET_MCHOICE_SORT_UNKNOWN:
        fnet_cli_usage_near(cmd, near, "--sort: unknown column '%s'", bad);
        break;
    case FNET_MCHOICE_STABILITY:
        fnet_cli_usage(cmd, "column stability needs --runs N with N > 1");
        break;
    default: /* FNET_MCHOICE_SORT_STABILITY */
        fnet_cli_usage(cmd, "--sort stability needs --runs N with N > 1");
        break;
    }
    return false;
}
