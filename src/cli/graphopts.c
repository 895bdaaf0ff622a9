/* graphopts.c - the shared view/filter/weighting options (graphopts.h). */
#include "cli/graphopts.h"
#include "cli/input_opts.h"

#include <float.h>
#include <stdlib.h>
#include <string.h>

const fnet_opt fnet_graphopts_options[] = {FNET_GRAPHOPTS_OPTIONS, {0}};

void fnet_graphopts_init(fnet_graphopts *o)
{
    memset(o, 0, sizeof *o);
    fnet_graph_opts_init(&o->graph);
}

static int date_opt(fnet_date *out, const char *opt, const char *v,
                    const char *cmd)
{
    char why[160];
    if (fnet_date_parse(v, out, why, sizeof why) != 0) {
        fnet_cli_usage(cmd, "--%s: '%s': %s", opt, v, why);
        return -1;
    }
    return 1;
}

int fnet_graphopts_handle(fnet_graphopts *o, int id, const char *value,
                          const char *cmd)
{
    fnet_graph_opts *g = &o->graph;
    switch (id) {
    case FNET_GOPT_VIEW:
        if (strcmp(value, "full") == 0)
            g->view = FNET_VIEW_FULL;
        else if (strcmp(value, "actors") == 0)
            g->view = FNET_VIEW_ACTORS;
        else {
            fnet_cli_usage(cmd, "--view: expected full or actors, got '%s'",
                           value);
            return -1;
        }
        return 1;
    case FNET_GOPT_VIA:
        g->via = value;
        o->via_given = true;
        return 1;
    case FNET_GOPT_WEIGHT:
        if (strcmp(value, "count") == 0)
            g->projection = FNET_PROJ_COUNT;
        else if (strcmp(value, "newman") == 0)
            g->projection = FNET_PROJ_NEWMAN;
        else if (strcmp(value, "jaccard") == 0)
            g->projection = FNET_PROJ_JACCARD;
        else {
            fnet_cli_usage(cmd,
                           "--weight: expected count, newman or "
                           "jaccard, got '%s'",
                           value);
            return -1;
        }
        o->weight_given = true;
        return 1;
    case FNET_GOPT_RELATIONS: g->relations = value; return 1;
    case FNET_GOPT_TYPES: g->types = value; return 1;
    case FNET_GOPT_FROM: return date_opt(&g->from, "from", value, cmd);
    case FNET_GOPT_TO: return date_opt(&g->to, "to", value, cmd);
    case FNET_GOPT_DATED_ONLY: g->dated_only = true; return 1;
    case FNET_GOPT_MIN_WEIGHT:
        if (!fnet_cli_number(cmd, "min-weight", value, 0, DBL_MAX,
                             &g->min_weight))
            return -1;
        return 1;
    case FNET_GOPT_DIRECTED: g->directed = true; return 1;
    case FNET_GOPT_UNWEIGHTED: o->unweighted = true; return 1;
    case FNET_GOPT_WEIGHTED: o->weighted_paths = true; return 1;
    default: return 0;
    }
}

int fnet_graphopts_finish(fnet_graphopts *o, const char *cmd)
{
    const fnet_graph_opts *g = &o->graph;
    if (g->view != FNET_VIEW_ACTORS && (o->via_given || o->weight_given)) {
        fnet_cli_usage(cmd, "--%s applies only to --view actors",
                       o->via_given ? "via" : "weight");
        return -1;
    }
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

void fnet_graphopts_print_options(FILE *fp, const fnet_opt *opts)
{
    size_t n = 0;
    while (opts[n].name)
        n++;
    fnet_opt *own = calloc(n + 1, sizeof *own);
    size_t k = 0;
    if (own) {
        for (size_t i = 0; i < n; i++)
            if (!fnet_graphopts_owns(opts[i].id) &&
                !fnet_cli_input_owns(opts[i].id))
                own[k++] = opts[i];
        fputs("options:\n", fp);
        fnet_opts_print(fp, own);
        free(own);
    } else {
        fnet_opts_print(fp, opts); /* out of memory: print all together */
        return;
    }
    fputs("\ngraph options:\n", fp);
    fnet_opts_print(fp, fnet_graphopts_options);
    for (size_t i = 0; i < n; i++)
        if (fnet_cli_input_owns(opts[i].id)) {
            fnet_cli_input_help(fp);
            break;
        }
}

void fnet_graphopts_help(FILE *fp)
{
    fputs("\nThe graph: facts between the same two entities become one edge\n"
          "whose weight is the sum of the facts' weights; self-loops are left\n"
          "out; entities without facts stay as isolated nodes. --view actors\n"
          "links two actors when they share an entity of a --via type (both\n"
          "have a fact with it), weighted by --weight: count = shared items,\n"
          "newman = sum over shared items of 1/(k-1) (k = actors linked to\n"
          "the item), jaccard = shared / union of the two actors' items; the\n"
          "weights of direct actor-actor facts are added. A date window keeps\n"
          "a fact when the days it covers (a year-precision date covers the\n"
          "year) overlap the window; undated facts are kept unless\n"
          "--dated-only. Weights are tie strengths: strength, eigenvector,\n"
          "PageRank, hub/authority, constraint and communities use them;\n"
          "betweenness, closeness and harmonic ignore them unless --weighted\n"
          "(distance = 1/weight). See docs/METRICS.md.\n",
          fp);
}

static int shared(void *o, int id, const char *value, const char *cmd)
{
    return fnet_graphopts_handle(o, id, value, cmd);
}

int fnet_graphopts_parse_args(const char *cmd, int argc, char **argv,
                              const fnet_opt *options, fnet_graphopts *g,
                              int help_id, void (*help)(void),
                              bool (*own)(void *ctx, int id, const char *v),
                              void *ctx, char **paths, size_t *n_paths,
                              bool *done)
{
    const fnet_arg_loop l = {cmd, options, shared, g, help_id, help, own, ctx};
    return fnet_args_loop(&l, argc, argv, paths, n_paths, done);
}
