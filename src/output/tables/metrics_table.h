/* metrics_table.h - node and graph metrics as tables (output/tables/table.h), with
 * the columns, row order and number kinds of `factnet metrics`
 * (docs/METRICS.md), so that every command writing them (metrics, build,
 * balance) gives the same table for the same values.
 *
 * Ownership: everything given is borrowed; the tables made are the
 * caller's (fnet_table_free()). */
#ifndef FNET_METRICS_TABLE_H
#define FNET_METRICS_TABLE_H

#include "analysis/metrics.h"
#include "graph/graph.h"
#include "job/job.h"
#include "output/tables/table.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Node table columns: a metric (enum fnet_metric, >= 0) or one of these. */
enum {
    FNET_MCOL_ID = -1,
    FNET_MCOL_LABEL = -2,
    FNET_MCOL_TYPE = -3,
    FNET_MCOL_STABILITY = -4, /* share of community runs agreeing */
    FNET_MCOL_UNKNOWN = -5    /* from_name: no such column */
};

/* "id", "label", "type", "stability" or a metric name -> the column;
 * FNET_MCOL_UNKNOWN for any other name. */
int fnet_metrics_table_column_from_name(const char *name);

/* Walks a comma-separated column list (--columns of metrics, export and
 * evolve): calls add with each name's column (as from_name above, so
 * FNET_MCOL_UNKNOWN for a name that is none) and the name itself (cut to
 * 63 bytes), in order, until add returns false. Returns false when add
 * did, true after the last name. The command's add decides which columns
 * it takes and reports the others. */
bool fnet_metrics_table_columns_each(const char *list,
                                     bool (*add)(void *ctx, int col,
                                                 const char *name),
                                     void *ctx);

/* The FNET_METRIC_BIT()s of the metric columns (>= 0) among cols, which
 * a job (job/job.h's want) computes for them. Can't fail. */
unsigned fnet_metrics_table_want(const int *cols, size_t n);

/* The header name of a valid column. */
const char *fnet_metrics_table_column_name(int col);

/* The header a reader sees in md and latex for a column or graph metric id
 * ("pagerank" -> "PageRank", "average_path_length" -> "Avg. path
 * length"); the id itself when it has none. csv, tsv and json keep the
 * ids. Can't fail. */
const char *fnet_metrics_table_header(const char *id);

/* Sets every column's md/latex header of t to its human header
 * (fnet_metrics_table_header() of the column's name). Returns 0 or
 * FNET_ENOMEM. */
int fnet_metrics_table_human_headers(fnet_table *t);

/* Appends to the string out (size bytes in all, truncated; after a space
 * when out is not empty, e.g. holding the sampling note) the LaTeX table
 * note defining every metric among the table's columns (one sentence
 * each, as in docs/METRICS.md) and stating the weighting: weights as tie
 * strengths, or none when unweighted. Can't fail. */
void fnet_metrics_table_note(char *out, size_t size, const int *cols,
                             size_t n_cols, bool unweighted);

/* The node columns `metrics` writes when --columns is not given: NULL (all
 * of them) except for latex, where a page holds a few columns: the label
 * and three centralities (stability instead of degree when runs > 1), so
 * that the table fits a column. Can't fail. */
const char *fnet_metrics_table_default_list(int format, int runs);

/* The default columns of a node table: id, label, type, every metric in
 * enum order (the signed ones only when g has a negative edge, as
 * docs/METRICS.md says), then stability when asked. Fills cols (room for
 * FNET_M_COUNT + 4) and returns how many. Can't fail. */
size_t fnet_metrics_table_default_columns(int *cols, const fnet_graph *g,
                                          bool stability);

/* Which columns a --columns list may name. */
enum fnet_metrics_table_kind {
    FNET_MCHOICE_TABLE,   /* metrics: id, label, type, stability, metrics */
    FNET_MCHOICE_METRICS, /* evolve: metrics only */
    FNET_MCHOICE_EXPORT   /* export: as TABLE, but id, label and type (always
                             exported) are skipped, and stability with
                             runs < 2 is a problem where it is named */
};

/* The columns and the row order of a node table as --columns and --sort
 * choose them, and what the job must compute. */
typedef struct fnet_metrics_table_choice {
    int cols[FNET_M_COUNT + 8];
    size_t n_cols;
    int sort;
    unsigned want;  /* FNET_METRIC_BIT()s of the columns and the sort */
    bool stability; /* the stability column or sort: communities needed */
    int kind;       /* enum fnet_metrics_table_kind */
    long runs;      /* community runs (stability needs two or more) */
    int problem;    /* after a failure: why (below) */
    char bad[64];   /* after a failure: the name at fault */
} fnet_metrics_table_choice;

/* Why a choice failed: the command words the usage error. */
enum {
    FNET_MCHOICE_OK,
    FNET_MCHOICE_UNKNOWN,       /* --columns: bad is no column (of kind) */
    FNET_MCHOICE_TWICE,         /* --columns: bad is given twice */
    FNET_MCHOICE_FULL,          /* more columns than room */
    FNET_MCHOICE_SORT_UNKNOWN,  /* --sort: bad is no column */
    FNET_MCHOICE_STABILITY,     /* column stability with runs < 2 */
    FNET_MCHOICE_SORT_STABILITY /* --sort stability with runs < 2 */
};

/* Chooses the columns of the list columns (not NULL) of kind, in order,
 * each once, into out->cols, and out->want (out->stability when the
 * stability column is among them). Returns FNET_MCHOICE_OK or the first
 * problem met (UNKNOWN, TWICE, FULL, or STABILITY for the export kind),
 * out->bad naming the column. */
int fnet_metrics_table_choose_list(fnet_metrics_table_choice *out,
                                   const char *columns, int kind, long runs);

/* `metrics --level node`: chooses the columns (the list columns, or when
 * NULL the default ones of g, with stability when runs > 1) and the sort
 * column (sort, NULL: pagerank), checked in that order. Returns
 * FNET_MCHOICE_OK, or the first problem found. */
int fnet_metrics_table_choose(fnet_metrics_table_choice *out,
                              const char *columns, const char *sort,
                              const fnet_graph *g, long runs);

/* Where the cells of a node table come from. */
typedef struct fnet_metrics_table_data {
    const fnet_graph *g;       /* nodes: id, label, type */
    const fnet_metrics *m;     /* metric columns: m->value[col]; a metric
                                  not computed (NULL) gives empty cells */
    const uint32_t *community; /* community column, by node; NULL:
                                  m->value[FNET_M_COMMUNITY] */
    const double *stability;   /* stability column; NULL: empty cells */
} fnet_metrics_table_data;

/* The nodes of d->g in the row order of a table sorted by column sort:
 * numbers descending (community ascending), text ascending by bytes,
 * undefined values last, ties by id. On success *out (free with free())
 * holds d->g->n_nodes nodes. Returns 0 or FNET_ENOMEM. */
int fnet_metrics_table_order(uint32_t **out, const fnet_metrics_table_data *d,
                             int sort);

typedef struct fnet_metrics_table_spec {
    const int *cols; /* valid columns, in table order */
    size_t n_cols;
    int sort;             /* rows sorted by this column (as above) */
    size_t max_rows;      /* at most this many rows (SIZE_MAX: all) */
    long sampled_sources; /* >= 0: a last integer column sampled_sources
                             holding it in every row (json); < 0: none */
} fnet_metrics_table_spec;

/* The node table: one row per node, in the order above. Metric columns
 * are reals, written as integers for the integer metrics
 * (fnet_metric_is_integer()); NaN is an empty cell. Returns 0 or
 * FNET_ENOMEM (*out is then freed and NULL). */
int fnet_metrics_table_nodes(fnet_table **out, const fnet_metrics_table_data *d,
                             const fnet_metrics_table_spec *s);

/* `metrics --level node`: the node table of job j (analysed for ch's
 * want, with communities when ch->stability) in ch's columns and order,
 * at most max_rows rows, with the sampled_sources column when json and
 * the path metrics were sampled. Returns 0 or FNET_ENOMEM (*out is then
 * freed and NULL). */
int fnet_metrics_table_job_nodes(fnet_table **out, const fnet_job *j,
                                 const fnet_metrics_table_choice *ch,
                                 size_t max_rows, bool json);

/* One row of a metric,value table. */
typedef struct fnet_metrics_table_row {
    const char *name;
    double value; /* NaN: empty */
    bool integer; /* written as an integer when finite */
} fnet_metrics_table_row;

/* The rows of the graph metrics of gm (nodes ... modularity, in the order
 * of fnet_graph_metrics; docs/METRICS.md). Fills rows (room for
 * FNET_METRICS_TABLE_GRAPH_ROWS) and returns how many. Can't fail. */
#define FNET_METRICS_TABLE_GRAPH_ROWS 13
size_t fnet_metrics_table_graph_rows(fnet_metrics_table_row *rows,
                                     const fnet_graph_metrics *gm);

/* A table with columns metric,value and one row per entry of rows, named
 * by their ids, or with human their headers (fnet_metrics_table_header(),
 * for md and latex). Returns 0 or FNET_ENOMEM (*out is then freed and
 * NULL). */
int fnet_metrics_table_values(fnet_table **out,
                              const fnet_metrics_table_row *rows, size_t n,
                              bool human);

/* `metrics --level graph`: the metric,value table of a job run with
 * graph_metrics: the graph rows, then modularity_mean, _sd, _min and _max
 * when communities ran more than once, then the signed rows
 * (negative_edges, mixed_edges, negative_within, positive_between,
 * frustration) when the job has a frustration. Returns 0 or FNET_ENOMEM
 * (*out is then freed and NULL). */
int fnet_metrics_table_job_graph(fnet_table **out, const fnet_job *j,
                                 bool human);

#endif
