/* summary.c - the Markdown summary of a corpus (summary.h). */
#include "output/summary.h"

#include "core/buf.h"
#include "output/metrics_table.h"

#include <stdlib.h>

/* The first FNET_SUMMARY_TOP nodes by PageRank, with columns cols. */
static int top_table(const fnet_job *j, const int *cols, size_t n_cols,
                     fnet_table **out)
{
    fnet_metrics_table_data d = {
        .g = j->g, .m = &j->m, .community = j->cm.community};
    fnet_metrics_table_spec s = {.cols = cols,
                                 .n_cols = n_cols,
                                 .sort = FNET_M_PAGERANK,
                                 .max_rows = FNET_SUMMARY_TOP,
                                 .sampled_sources = -1};
    return fnet_metrics_table_nodes(out, &d, &s);
}

static int graph_table(const fnet_job *j, fnet_table **t)
{
    fnet_metrics_table_row rows[FNET_METRICS_TABLE_GRAPH_ROWS];
    size_t n = fnet_metrics_table_graph_rows(rows, &j->gm);
    return fnet_metrics_table_values(t, rows, n);
}

/* One row per community: number, size, members by PageRank. */
static int community_table(const fnet_job *j, fnet_table **t)
{
    static const fnet_table_col cols[] = {{"community", FNET_COL_INTEGER},
                                          {"size", FNET_COL_INTEGER},
                                          {"members", FNET_COL_STRING}};
    fnet_metrics_table_data d = {.g = j->g, .m = &j->m};
    fnet_buf members = {0};
    uint32_t *order = NULL;
    int rc = fnet_table_new(t, cols, 3);
    if (!rc)
        rc = fnet_metrics_table_order(&order, &d, FNET_M_PAGERANK);
    for (uint32_t k = 1; !rc && k <= j->cm.n_communities; k++) {
        size_t row, n = 0;
        fnet_buf_reset(&members);
        for (uint32_t i = 0; i < j->g->n_nodes; i++) {
            if (j->cm.community[order[i]] != k)
                continue;
            fnet_buf_puts(&members, n++ ? ", " : "");
            fnet_buf_puts(&members,
                          fnet_graph_node_entity(j->g, order[i])->label);
        }
        rc = fnet_table_add_row(*t, &row);
        if (!rc) {
            fnet_table_set_int(*t, row, 0, k);
            fnet_table_set_int(*t, row, 1, (int64_t)n);
            rc = fnet_buf_ok(&members)
                     ? fnet_table_set_str(*t, row, 2, fnet_buf_str(&members))
                     : FNET_ENOMEM;
        }
    }
    free(order);
    fnet_buf_free(&members);
    return rc;
}

static int md_section(FILE *fp, const char *heading, const fnet_table *t,
                      fnet_err *err)
{
    fnet_table_style st = {.format = FNET_TABLE_MD, .digits = 3};
    fprintf(fp, "\n## %s\n\n", heading);
    return fnet_table_write(t, fp, &st, err);
}

int fnet_summary_write(FILE *fp, const fnet_summary *s, fnet_err *err)
{
    static const int top_cols[] = {
        FNET_MCOL_LABEL, FNET_MCOL_ID,       FNET_MCOL_TYPE,  FNET_M_PAGERANK,
        FNET_M_DEGREE,   FNET_M_BETWEENNESS, FNET_M_COMMUNITY};
    const fnet_job *j = s->job;
    const fnet_community_opts *co = s->co;
    fnet_table *t = NULL;
    int rc;
    fputs("# ", fp);
    fnet_table_put_md(fp, s->c->title ? s->c->title : s->name);
    fputs("\n\nInput: ", fp);
    if ((rc = fnet_table_put_md_code(fp, s->path))) /* a path may hold ` */
        return fnet_err_set(err, rc, "out of memory");
    fprintf(fp,
            ": %u entities, %llu facts, %u sources. "
            "Graph: full view, undirected, weighted by the sum of fact "
            "weights.\n",
            s->c->n_entities, (unsigned long long)s->c->n_facts,
            s->c->n_sources);
    if (!(rc = graph_table(j, &t)))
        rc = md_section(fp, "Graph metrics", t, err);
    fnet_table_free(t);
    t = NULL;
    if (!rc && !(rc = top_table(j, top_cols, 7, &t)))
        rc = md_section(fp, "Top 10 by PageRank", t, err);
    fnet_table_free(t);
    t = NULL;
    if (!rc) {
        fprintf(fp,
                "\n## Communities\n\n%s (resolution %g, seed %lu): %u "
                "communities, modularity %.3f. Members by PageRank.\n",
                fnet_community_algorithm_name(co->algorithm), co->resolution,
                co->seed, j->cm.n_communities, j->cm.modularity);
        fnet_table_style st = {.format = FNET_TABLE_MD, .digits = 3};
        fputc('\n', fp);
        if (!(rc = community_table(j, &t)))
            rc = fnet_table_write(t, fp, &st, err);
    }
    fnet_table_free(t);
    if (rc == FNET_ENOMEM)
        fnet_err_set(err, rc, "out of memory");
    return rc;
}
