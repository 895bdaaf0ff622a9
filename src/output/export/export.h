/* export.h - the graph, its metrics and its communities bundled once for
 * the exporters (export_graphml.h, export_gexf.h, export_gml.h,
 * export_pajek.h, export_csv.h, export_json.h), so that every format
 * carries the same attributes under the same names (docs/EXPORT.md).
 *
 * A bundle lists its node fields and its edge fields in output order:
 * - nodes: id, label, type, aliases (joined with "; "), date, the entity
 *   attributes (sorted by key), then the metric columns asked for;
 * - edges: weight, count, sign, relation (when all facts share one),
 *   relations (the distinct relation names, sorted, joined with "; "),
 *   first and last (the dates of the earliest fact and the latest end),
 *   facts (each fact's id, or its location "FILE: facts[12]" / "FILE:7",
 *   joined with "; "), sources (the distinct source ids, in fact order,
 *   joined with "; ") and evidence (the quotes, joined with " | ").
 * Facts are listed in the order of `factnet evidence`: by date, undated
 * last, ties in file order. An entity attribute whose key is the name of
 * another field (or a name some format reserves: name, start, end) is
 * exported as attr_KEY. A value is absent (left out, or an empty CSV
 * cell) when the entity has no such attribute, no aliases or no date, when
 * a metric is undefined (NaN) and when a string is empty.
 *
 * Ownership: a bundle borrows its graph (and the graph's corpus), its
 * metrics and communities, which must outlive it, and owns everything
 * else; free it with
 * fnet_export_free(). */
#ifndef FNET_EXPORT_H
#define FNET_EXPORT_H

#include "analysis/community.h"
#include "analysis/metrics.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/error.h"
#include "graph/graph.h"
#include "output/tables/evidence.h"

#include <stdbool.h>
#include <stdint.h>

/* Value types, as the formats declare them. */
enum fnet_xtype { FNET_XT_STRING, FNET_XT_INT, FNET_XT_DOUBLE, FNET_XT_BOOL };

/* What a field holds. */
enum fnet_xkind {
    FNET_XF_ID, /* nodes */
    FNET_XF_LABEL,
    FNET_XF_TYPE,
    FNET_XF_ALIASES,
    FNET_XF_DATE,
    FNET_XF_ATTR,      /* index: into attr_keys */
    FNET_XF_METRIC,    /* index: enum fnet_metric */
    FNET_XF_STABILITY, /* community stability over --runs */
    FNET_XF_WEIGHT,    /* edges */
    FNET_XF_POS,       /* w+ and w- (actors view with --tie) */
    FNET_XF_NEG,
    FNET_XF_COUNT,
    FNET_XF_SIGN,
    FNET_XF_RELATION,
    FNET_XF_RELATIONS,
    FNET_XF_FIRST,
    FNET_XF_LAST,
    FNET_XF_FACTS,
    FNET_XF_SOURCES,
    FNET_XF_EVIDENCE
};

typedef struct fnet_xfield {
    const char *name; /* the exported name */
    int type;         /* enum fnet_xtype */
    int kind;         /* enum fnet_xkind */
    int index;
} fnet_xfield;

typedef struct fnet_xvalue {
    int type;      /* enum fnet_xtype, the field's */
    const char *s; /* FNET_XT_STRING: points into the corpus or into the
                      scratch buffer given to the getter */
    int64_t i;     /* FNET_XT_INT */
    double d;      /* FNET_XT_DOUBLE (finite or not: never NaN) */
    bool b;        /* FNET_XT_BOOL */
} fnet_xvalue;

/* A metric column: an enum fnet_metric, or FNET_EXPORT_STABILITY. */
#define FNET_EXPORT_STABILITY (-1)

typedef struct fnet_export_opts {
    const int *metrics; /* the metric columns, in order; n_metrics 0: none */
    size_t n_metrics;
    /* The job's results (job/job.h), borrowed: they must outlive the
     * bundle. m holds every metric column asked for, the community column
     * in m->value[FNET_M_COMMUNITY]; cm is NULL when no column needs
     * communities. */
    const fnet_metrics *m;
    const fnet_communities *cm;
    bool fact_ends; /* attributes also over the entities at the ends of the
                       graph's facts that are not nodes (Neo4j) */
} fnet_export_opts;

typedef struct fnet_export {
    const fnet_graph *g;
    const fnet_corpus *c;
    fnet_xfield *node_fields;
    size_t n_node_fields;
    const fnet_xfield *edge_fields;
    size_t n_edge_fields;
    const char **attr_keys; /* entity attribute keys, sorted */
    uint32_t n_attrs;
    const fnet_metrics *m;      /* borrowed from the options */
    const fnet_communities *cm; /* borrowed; NULL: no communities */
    fnet_evidence *ev;          /* the facts of every edge, in listing order */
    uint32_t *ev_index;         /* edge id -> index into ev->edges */
    bool *exported;   /* per entity: a node, or (fact_ends) a fact end */
    fnet_date *span;  /* per node: first and last date of its edges
                           (2 * n_nodes; unset when none is dated) */
    fnet_arena arena; /* field names */
} fnet_export;

/* Lays out the fields over the metrics and communities of o. Returns 0,
 * FNET_ENOMEM or FNET_EINTERNAL with err set. On success the caller frees
 * *out with fnet_export_free(); on error *out is NULL. O(F log F) for the
 * fact order. */
int fnet_export_build(fnet_export **out, const fnet_graph *g,
                      const fnet_export_opts *o, fnet_err *err);

/* NULL is allowed. */
void fnet_export_free(fnet_export *x);

/* The value of node field f for entity `entity`, which is graph node
 * `node` (or -1: an entity that is not a node, whose metrics are absent).
 * Returns 1 with *out set, 0 when the value is absent, or FNET_ENOMEM.
 * Joined strings are built in scratch (reset first). */
int fnet_export_entity_value(const fnet_export *x, const fnet_xfield *f,
                             uint32_t entity, int32_t node, fnet_buf *scratch,
                             fnet_xvalue *out);

/* fnet_export_entity_value() for graph node v. */
int fnet_export_node_value(const fnet_export *x, const fnet_xfield *f,
                           uint32_t v, fnet_buf *scratch, fnet_xvalue *out);

/* The value of edge field f for edge e (igraph edge id). Same returns. */
int fnet_export_edge_value(const fnet_export *x, const fnet_xfield *f,
                           uint32_t e, fnet_buf *scratch, fnet_xvalue *out);

/* The node field of this kind (FNET_XF_METRIC: with this index), or NULL
 * when the bundle has none. */
const fnet_xfield *fnet_export_node_field(const fnet_export *x, int kind,
                                          int index);

/* A fact's reference: its id, or else its location ("FILE: facts[12]",
 * "FILE:7"). Appended to b. */
void fnet_export_fact_ref(const fnet_corpus *c, const fnet_fact *f,
                          fnet_buf *b);

/* The days node v's edges span: the first day of the earliest fact and the
 * last day of the latest end over its edges. Returns false when none of
 * its edges is dated. */
bool fnet_export_node_span(const fnet_export *x, uint32_t v, fnet_date *first,
                           fnet_date *last);

/* Writes the first (last == false) or last day a date covers as
 * "YYYY-MM-DD" ("2013" -> "2013-01-01" / "2013-12-31"). out must hold 11
 * bytes. */
void fnet_export_day(fnet_date d, bool last, char out[11]);

/* A value as text: the string itself, or the number written into num
 * (integers in decimal, reals by fnet_export_real(), booleans "true" /
 * "false"). */
const char *fnet_export_text(const fnet_xvalue *v, char num[32]);

/* The shortest decimal form of v that reads back to the same double
 * ("2", "0.1", "1e-05"). out must hold 32 bytes. */
void fnet_export_real(double v, char out[32]);

#endif
