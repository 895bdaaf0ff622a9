/* evolve_table.h - `factnet evolve`'s tables (docs/EVOLUTION.md): node
 * metrics per period (long: one row per node, period and metric; wide:
 * one column per metric), graph metrics per period, rank changes between
 * consecutive periods and communities over time; each alone, or all in
 * one stream (md sections under a header, one json object, latex floats),
 * or each in its own file of a directory. The pivot (one metric, nodes x
 * periods) is written only when asked for alone.
 *
 * Ownership: borrows everything; every file goes through core/outfile.h
 * (nothing is left behind on failure). */
#ifndef FNET_EVOLVE_TABLE_H
#define FNET_EVOLVE_TABLE_H

#include "job/evolve.h"
#include "core/error.h"
#include "output/tables/metrics_table.h"
#include "output/tables/table.h"

#include <stdbool.h>
#include <stddef.h>

/* The tables, in the order of a stream that holds them all
 * (FNET_EVOLVE_TABLES of them), then the pivot, written only alone. */
enum {
    FNET_EVOLVE_NODES,
    FNET_EVOLVE_GRAPH,
    FNET_EVOLVE_RANKS,
    FNET_EVOLVE_COMMUNITIES,
    FNET_EVOLVE_TABLES,
    FNET_EVOLVE_PIVOT = FNET_EVOLVE_TABLES
};

/* "nodes", "graph", "ranks", "communities", "pivot": the names of the
 * tables in FNET_EVOLVE_* order, then NULL (the choices of --table). */
extern const char *const fnet_evolve_table_names[FNET_EVOLVE_PIVOT + 2];

/* How the pivot chooses and orders its rows (--pivot-by). */
enum fnet_pivot_by {
    FNET_PIVOT_LAST,   /* by the value in the last period with facts;
                          nodes absent there follow, by OVERALL */
    FNET_PIVOT_OVERALL /* by the mean over the periods with facts, a
                          period where the node is absent counting 0 */
};

/* "last", "overall" (the choices of --pivot-by), then NULL. */
extern const char *const fnet_pivot_by_names[3];

typedef struct fnet_evolve_write_opts {
    fnet_table_style style;
    const fnet_evolve_opts *ev; /* what the evolution was run with (the md
                                   header, the rank metric) */
    const int *cols;            /* node metric columns, in order */
    size_t n_cols;
    bool wide;        /* node table: one column per metric */
    long top;         /* nodes and ranks: only ranks 1..top; pivot: the first
                  top rows; -1: all */
    int pivot_metric; /* pivot: enum fnet_metric (not community) */
    int pivot_by;     /* pivot: enum fnet_pivot_by */
} fnet_evolve_write_opts;

/* The default node metric columns of a table format, into ch (columns,
 * their number and want; the rest zeroed): degree, betweenness,
 * pagerank, community, then the signed pos_degree, neg_degree,
 * net_strength; latex: the three centralities only, which a column
 * holds. Can't fail. */
void fnet_evolve_table_default_choice(fnet_metrics_table_choice *ch,
                                      int format);

/* The columns shown of cols (in place; returns how many are left): the
 * signed ones of the default list only when some snapshot has a negative
 * edge (e->negative); columns given explicitly (given) all stay. */
size_t fnet_evolve_table_shown_columns(int *cols, size_t n, bool given,
                                       const fnet_evolution *e);

/* The node table's default layout for a table format: wide (one column
 * per metric) for md and latex, long otherwise. */
bool fnet_evolve_table_wide(int format);

/* Writes table `which` (FNET_EVOLVE_*), or every table with -1, to path
 * ("-": standard output). Returns 0, FNET_EIO or FNET_ENOMEM with err
 * set. */
int fnet_evolve_write_file(const char *path, const fnet_evolution *e, int which,
                           const fnet_evolve_write_opts *o, fnet_err *err);

/* Writes the tables as `factnet evolve` does: every table into dir when
 * it is not NULL (fnet_evolve_write_dir()), else table `which` to path
 * (NULL: standard output); which < 0 means every table, except for csv
 * and tsv, whose file holds one table: the nodes. Returns as
 * fnet_evolve_write_file(). */
int fnet_evolve_write(const char *path, const char *dir,
                      const fnet_evolution *e, int which,
                      const fnet_evolve_write_opts *o, fnet_err *err);

/* Writes every table to DIR/NAME.EXT (EXT of the format: csv, tsv, md, tex,
 * json), creating dir (not its parents). Returns as
 * fnet_evolve_write_file(). */
int fnet_evolve_write_dir(const char *dir, const fnet_evolution *e,
                          const fnet_evolve_write_opts *o, fnet_err *err);

#endif
