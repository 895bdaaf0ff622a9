/* evidence.c - the facts behind every edge, ordered and written (see
 * evidence.h). */
#include "output/tables/evidence.h"

#include "core/buf.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- ordering ----------------------------------------------------------- */

static const fnet_entity *node_entity(const fnet_graph *g, uint32_t node)
{
    return fnet_graph_node_entity(g, node);
}

/* Orders two nodes by label, then id. */
static int cmp_nodes(const fnet_graph *g, uint32_t x, uint32_t y)
{
    const fnet_entity *a = node_entity(g, x), *b = node_entity(g, y);
    int d = strcmp(a->label, b->label);
    return d ? d : strcmp(a->id, b->id);
}

/* qsort has no context argument in C17: keys carry what they compare. */
typedef struct edge_key {
    const fnet_entity *a, *b;
    uint32_t edge, na, nb;
} edge_key;

static int cmp_edge_keys(const void *x, const void *y)
{
    const edge_key *p = x, *q = y;
    int d = strcmp(p->a->label, q->a->label);
    if (!d)
        d = strcmp(p->b->label, q->b->label);
    if (!d)
        d = strcmp(p->a->id, q->a->id);
    if (!d)
        d = strcmp(p->b->id, q->b->id);
    return d ? d : (p->edge > q->edge) - (p->edge < q->edge);
}

typedef struct fact_key {
    fnet_date date;
    uint64_t index;
} fact_key;

static int cmp_fact_keys(const void *x, const void *y)
{
    const fact_key *p = x, *q = y;
    bool ps = fnet_date_is_set(p->date), qs = fnet_date_is_set(q->date);
    if (ps != qs)
        return ps ? -1 : 1;
    int d = ps ? fnet_date_compare(p->date, q->date) : 0;
    return d ? d : (p->index > q->index) - (p->index < q->index);
}

/* Copies the edge's facts into out in display order; keys is scratch. */
static void order_facts(const fnet_graph *g, const fnet_edge *e, fact_key *keys,
                        uint64_t *out)
{
    for (uint32_t i = 0; i < e->n_facts; i++)
        keys[i] = (fact_key){g->corpus->facts[e->facts[i]].date, e->facts[i]};
    qsort(keys, e->n_facts, sizeof *keys, cmp_fact_keys);
    for (uint32_t i = 0; i < e->n_facts; i++)
        out[i] = keys[i].index;
}

int fnet_evidence_build(fnet_evidence **out, const fnet_graph *g, fnet_err *err)
{
    uint32_t ne = fnet_graph_edge_count(g), max_facts = 0;
    uint64_t total = 0;
    edge_key *keys = NULL;
    fact_key *fk = NULL;
    fnet_evidence *ev = calloc(1, sizeof *ev);
    *out = NULL;
    if (!ev)
        goto oom;
    ev->graph = g;
    ev->n_edges = ne;
    ev->edges = calloc(ne ? ne : 1, sizeof *ev->edges);
    keys = malloc((ne ? ne : 1) * sizeof *keys);
    if (!ev->edges || !keys)
        goto oom;
    for (uint32_t i = 0; i < ne; i++) {
        const fnet_edge *e = &g->edges[i];
        uint32_t a = e->from, b = e->to;
        if (!g->opts.directed && cmp_nodes(g, b, a) < 0) {
            a = e->to;
            b = e->from;
        }
        keys[i] = (edge_key){node_entity(g, a), node_entity(g, b), i, a, b};
        total += e->n_facts;
        if (e->n_facts > max_facts)
            max_facts = e->n_facts;
    }
    qsort(keys, ne, sizeof *keys, cmp_edge_keys);
    ev->pool = malloc((total ? total : 1) * sizeof *ev->pool);
    fk = malloc((max_facts ? max_facts : 1) * sizeof *fk);
    if (!ev->pool || !fk)
        goto oom;
    uint64_t used = 0;
    for (uint32_t i = 0; i < ne; i++) {
        const fnet_edge *e = &g->edges[keys[i].edge];
        fnet_evidence_edge *x = &ev->edges[i];
        *x = (fnet_evidence_edge){keys[i].edge, keys[i].na, keys[i].nb,
                                  ev->pool + used, e->n_facts};
        order_facts(g, e, fk, x->facts);
        used += e->n_facts;
    }
    ev->n_rows = total;
    free(keys);
    free(fk);
    *out = ev;
    return FNET_OK;
oom:
    free(keys);
    free(fk);
    fnet_evidence_free(ev);
    return fnet_err_set(err, FNET_ENOMEM, "out of memory");
}

void fnet_evidence_free(fnet_evidence *ev)
{
    if (!ev)
        return;
    free(ev->pool);
    free(ev->edges);
    free(ev);
}

/* ---- shared pieces ------------------------------------------------------ */

/* "2013-06", "2013/2015" (a span), or "" when undated. */
static void fact_date(const fnet_fact *f, char out[24])
{
    char a[11], b[11];
    fnet_date_format(f->date, a);
    if (!fnet_date_is_set(f->until)) {
        snprintf(out, 24, "%s", a);
        return;
    }
    fnet_date_format(f->until, b);
    snprintf(out, 24, "%s/%s", a, b);
}

/* A weight for people: integers without decimals, others to 3 places. */
static void human_weight(char out[64], double w)
{
    if (w == floor(w) && fabs(w) < 1e15)
        snprintf(out, 64, "%.0f", w);
    else
        snprintf(out, 64, "%.3f", w);
}

static const char *sign_word(int sign)
{
    return sign > 0 ? "positive" : sign < 0 ? "negative" : "mixed";
}

static int finish(FILE *fp, fnet_err *err)
{
    if (ferror(fp))
        return fnet_err_set(err, FNET_EIO, "write error: %s",
                            strerror(errno ? errno : EIO));
    return FNET_OK;
}

/* Marks the sources cited by the listed facts (cited has n_sources). */
static void mark_cited(const fnet_evidence *ev, bool *cited)
{
    const fnet_corpus *c = ev->graph->corpus;
    for (uint32_t i = 0; i < ev->n_edges; i++)
        for (uint32_t k = 0; k < ev->edges[i].n_facts; k++) {
            const fnet_fact *f = &c->facts[ev->edges[i].facts[k]];
            for (uint32_t s = 0; s < f->n_sources; s++)
                cited[f->sources[s]] = true;
        }
}

/* ---- Markdown ----------------------------------------------------------- */

/* Text in Markdown: characters with a meaning are escaped with a
 * backslash -- CommonMark's \ ` * _ [ ] < > | # and & (entities such as
 * &amp;), GitHub's ~ (strikethrough), pandoc's $ (math), ^ (superscript)
 * and @ (citations) -- and line breaks and tabs become spaces. */
static void md(FILE *fp, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\`*_[]<>|#&~$^@", *s))
            fputc('\\', fp);
        fputc(*s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s, fp);
    }
}

/* Text at the start of a line (a block quote's): as md(), without its
 * leading white space (four spaces would start a code block) and with the
 * marker of a list (- + 1. 1)) or a heading underline (=) escaped. */
static void md_line(FILE *fp, const char *s)
{
    s += strspn(s, " \t\r\n");
    size_t digits = strspn(s, "0123456789");
    if (*s == '-' || *s == '+' || *s == '=') {
        fputc('\\', fp);
    } else if (digits && (s[digits] == '.' || s[digits] == ')')) {
        fwrite(s, 1, digits, fp);
        fputc('\\', fp);
        s += digits;
    }
    md(fp, s);
}

/* A URL as an autolink when it is a plain http(s) URL; anything else
 * (another scheme such as javascript:, or characters that would end the
 * autolink: < > space, control characters) as escaped text. */
static void md_url(FILE *fp, const char *url)
{
    bool plain = strncasecmp(url, "http://", 7) == 0 ||
                 strncasecmp(url, "https://", 8) == 0;
    for (const char *p = url; plain && *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || *p == 0x7f)
            plain = false;
    if (!plain) {
        md(fp, url);
        return;
    }
    fputc('<', fp);
    fputs(url, fp);
    fputc('>', fp);
}

/* Code-formatted text (file names, locations); text with a backtick or a
 * line break cannot be a code span and is escaped instead. */
static void md_code(FILE *fp, const char *s)
{
    if (strpbrk(s, "`\n\r")) {
        md(fp, s);
        return;
    }
    fprintf(fp, "`%s`", s);
}

static void md_fact(FILE *fp, const fnet_corpus *c, uint64_t fi,
                    fnet_buf *scratch)
{
    const fnet_fact *f = &c->facts[fi];
    char date[24];
    fact_date(f, date);
    fputs("- **", fp);
    md(fp, date[0] ? date : "undated");
    fputs("** · ", fp);
    md(fp, c->entities[f->subject].label);
    fputs(" *", fp);
    md(fp, c->relations[f->relation].name);
    fputs("* ", fp);
    md(fp, c->entities[f->object].label);
    for (uint32_t s = 0; s < f->n_sources; s++) {
        fputs(s ? ", " : " · ", fp);
        md(fp, c->sources[f->sources[s]].id);
    }
    if (fnet_fact_sign(c, f) < 0)
        fputs(" · negative", fp);
    if (f->confidence != FNET_NO_CONFIDENCE)
        fprintf(fp, " · confidence %g", f->confidence);
    fnet_fact_cite(c, f, scratch);
    fputs(" · ", fp);
    md_code(fp, fnet_buf_str(scratch));
    fputs("\n", fp);
    if (f->evidence) {
        fputs("  > ", fp);
        md_line(fp, f->evidence);
        fputs("\n", fp);
    } else {
        fputs("  *(no evidence quote)*\n", fp);
    }
}

static void md_edge(FILE *fp, const fnet_evidence *ev, uint32_t i,
                    fnet_buf *scratch)
{
    const fnet_graph *g = ev->graph;
    const fnet_evidence_edge *x = &ev->edges[i];
    const fnet_edge *e = &g->edges[x->edge];
    char w[64];
    human_weight(w, e->weight);
    fprintf(fp, "\n## %u. ", i + 1);
    md(fp, node_entity(g, x->a)->label);
    fputs(g->opts.directed ? " → " : " – ", fp);
    md(fp, node_entity(g, x->b)->label);
    fprintf(fp, "\n\n%u fact%s · weight %s · sign %s", x->n_facts,
            x->n_facts == 1 ? "" : "s", w, sign_word(e->sign));
    if (e->relation >= 0) {
        fputs(" · ", fp);
        md(fp, g->corpus->relations[e->relation].name);
    }
    fputs("\n\n", fp);
    for (uint32_t k = 0; k < x->n_facts; k++)
        md_fact(fp, g->corpus, x->facts[k], scratch);
}

static void md_sources(FILE *fp, const fnet_corpus *c, const bool *cited)
{
    fputs("\n## Sources\n\n", fp);
    for (uint32_t i = 0; i < c->n_sources; i++) {
        const fnet_source *s = &c->sources[i];
        if (!cited[i])
            continue;
        fputs("- **", fp);
        md(fp, s->id);
        fputs("**: ", fp);
        md(fp, s->author ? s->author : "author not given");
        fputs(" (", fp);
        md(fp, s->date ? s->date : "n.d.");
        fputs("). ", fp);
        if (s->title) {
            fputc('*', fp);
            md(fp, s->title);
            fputs("*.", fp);
        }
        if (s->url) {
            fputc(' ', fp);
            md_url(fp, s->url);
        }
        if (s->file) {
            fputs(" Text: ", fp);
            md_code(fp, s->file);
            fputc('.', fp);
        }
        fputc('\n', fp);
    }
}

int fnet_evidence_write_md(const fnet_evidence *ev, FILE *fp, fnet_err *err)
{
    const fnet_graph *g = ev->graph;
    const fnet_corpus *c = g->corpus;
    bool *cited = calloc(c->n_sources ? c->n_sources : 1, sizeof *cited);
    fnet_buf scratch = {0};
    if (!cited)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    fputs("# Evidence", fp);
    if (c->title) {
        fputs(": ", fp);
        md(fp, c->title);
    }
    fprintf(fp,
            "\n\n%u edge%s citing %llu fact%s (%s view, %s). Edges are "
            "ordered by the labels of their ends, facts by date (undated "
            "last). Quotes are verbatim; the sources are listed at the "
            "end.\n",
            ev->n_edges, ev->n_edges == 1 ? "" : "s",
            (unsigned long long)g->n_facts_used,
            g->n_facts_used == 1 ? "" : "s",
            g->opts.view == FNET_VIEW_ACTORS ? "actors" : "full",
            g->opts.directed ? "directed" : "undirected");
    for (uint32_t i = 0; i < ev->n_edges; i++)
        md_edge(fp, ev, i, &scratch);
    mark_cited(ev, cited);
    md_sources(fp, c, cited);
    free(cited);
    int rc = fnet_buf_ok(&scratch)
                 ? finish(fp, err)
                 : fnet_err_set(err, FNET_ENOMEM, "out of memory");
    fnet_buf_free(&scratch);
    return rc;
}

/* ---- LaTeX -------------------------------------------------------------- */

static const char *const tex_head =
    "\\toprule\nDate & Fact & Source & Quote \\\\\n\\midrule\n";

/* A quote as LaTeX text where a line may break after every / (\slash),
 * so that a URL quoted in the evidence wraps in its column. Out of
 * memory, the quote is written without the breaks. */
static void tex_quote(FILE *fp, const char *s)
{
    char *copy = strdup(s);
    if (!copy) {
        fnet_table_put_latex(fp, s);
        return;
    }
    for (char *p = copy;;) {
        char *slash = strchr(p, '/');
        if (slash)
            *slash = '\0';
        fnet_table_put_latex(fp, p);
        if (!slash)
            break;
        fputs("\\slash{}", fp);
        p = slash + 1;
    }
    free(copy);
}

/* One fact: its date, the fact, its sources and its quote, separated by
 * sep[0], sep[1] and sep[2] (" & " in the longtable; words in the list),
 * then end. */
static void tex_fact_parts(FILE *fp, const fnet_corpus *c, uint64_t fi,
                           const char *const sep[3], const char *end)
{
    const fnet_fact *f = &c->facts[fi];
    char date[24];
    fact_date(f, date);
    fnet_table_put_latex(fp, date[0] ? date : "undated");
    fputs(sep[0], fp);
    fnet_table_put_latex(fp, c->entities[f->subject].label);
    fputs(" \\emph{", fp);
    fnet_table_put_latex(fp, c->relations[f->relation].name);
    fputs("} ", fp);
    fnet_table_put_latex(fp, c->entities[f->object].label);
    if (fnet_fact_sign(c, f) < 0)
        fputs(" ($-$)", fp);
    if (f->confidence != FNET_NO_CONFIDENCE)
        fprintf(fp, " [%g]", f->confidence);
    fputs(sep[1], fp);
    for (uint32_t s = 0; s < f->n_sources; s++) {
        if (s)
            fputs(", ", fp);
        tex_quote(fp, c->sources[f->sources[s]].id);
    }
    fputs(sep[2], fp);
    if (f->evidence) {
        fputs("``", fp);
        tex_quote(fp, f->evidence);
        fputs("''", fp);
    }
    fputs(end, fp);
}

static void tex_fact(FILE *fp, const fnet_corpus *c, uint64_t fi)
{
    static const char *const sep[3] = {" & ", " & ", " & "};
    tex_fact_parts(fp, c, fi, sep, " \\\\\n");
}

/* An edge's heading: "\\textbf{N.\\ A -- B}\\quad K facts, weight W,
 * sign S". */
static void tex_edge_head(FILE *fp, const fnet_evidence *ev, uint32_t i)
{
    const fnet_graph *g = ev->graph;
    const fnet_evidence_edge *x = &ev->edges[i];
    const fnet_edge *e = &g->edges[x->edge];
    char w[64];
    human_weight(w, e->weight);
    fprintf(fp, "\\textbf{%u.\\ ", i + 1);
    fnet_table_put_latex(fp, node_entity(g, x->a)->label);
    fputs(g->opts.directed ? " $\\rightarrow$ " : " -- ", fp);
    fnet_table_put_latex(fp, node_entity(g, x->b)->label);
    fprintf(fp, "}\\quad %u fact%s, weight %s, sign %s", x->n_facts,
            x->n_facts == 1 ? "" : "s", w, sign_word(e->sign));
}

static void tex_edge(FILE *fp, const fnet_evidence *ev, uint32_t i)
{
    const fnet_evidence_edge *x = &ev->edges[i];
    if (i)
        fputs("\\addlinespace\n", fp);
    /* A p{} cell, so that two long labels wrap instead of widening the
     * table. */
    fputs("\\multicolumn{4}{@{}p{\\linewidth}@{}}{", fp);
    tex_edge_head(fp, ev, i);
    fputs("} \\\\*\n", fp);
    for (uint32_t k = 0; k < x->n_facts; k++)
        tex_fact(fp, ev->graph->corpus, x->facts[k]);
}

/* The list layout: the edge's heading as a paragraph, then one item per
 * fact. A list breaks across columns and pages, so it fits a two-column
 * page, where longtable cannot be used. */
static void tex_edge_list(FILE *fp, const fnet_evidence *ev, uint32_t i)
{
    static const char *const sep[3] = {": ", ". Source: ", ". "};
    const fnet_evidence_edge *x = &ev->edges[i];
    fputs("\\par\\smallskip\\noindent ", fp);
    tex_edge_head(fp, ev, i);
    fputs("\\nopagebreak\n\\begin{itemize}\\setlength{\\itemsep}{0pt}\n", fp);
    for (uint32_t k = 0; k < x->n_facts; k++) {
        fputs("\\item ", fp);
        tex_fact_parts(fp, ev->graph->corpus, x->facts[k], sep, "\n");
    }
    fputs("\\end{itemize}\n", fp);
}

static void tex_sources(FILE *fp, const fnet_corpus *c, const bool *cited)
{
    fputs("\n\\paragraph{Sources}\n\\begin{description}\n", fp);
    for (uint32_t i = 0; i < c->n_sources; i++) {
        const fnet_source *s = &c->sources[i];
        if (!cited[i])
            continue;
        fputs("\\item[{", fp); /* braces: a ] in the id ends no argument */
        fnet_table_put_latex(fp, s->id);
        fputs("}] ", fp);
        fnet_table_put_latex(fp, s->author ? s->author : "author not given");
        fputs(" (", fp);
        fnet_table_put_latex(fp, s->date ? s->date : "n.d.");
        fputs(").", fp);
        if (s->title) {
            fputs(" \\emph{", fp);
            fnet_table_put_latex(fp, s->title);
            fputs("}.", fp);
        }
        if (s->url) {
            fputs(" \\texttt{", fp);
            fnet_table_put_latex(fp, s->url);
            fputs("}", fp);
        }
        fputc('\n', fp);
    }
    fputs("\\end{description}\n", fp);
}

/* A label is a key, not text: only characters safe in keys. */
static void tex_label(FILE *fp, const char *label)
{
    fputs("\\label{", fp);
    for (const char *p = label; *p; p++)
        if (!strchr("\\{}%#&~^$ ", *p))
            fputc(*p, fp);
    fputs("}", fp);
}

/* The list layout (fnet_evidence_write_latex()). */
static void tex_list(const fnet_evidence *ev, FILE *fp, const char *caption,
                     const char *label)
{
    /* Ragged right: a narrow column set justified would stretch the
     * spaces of lines broken before a long id, label or URL (underfull
     * lines); \sloppy: such a word moves to the next line rather than
     * out of the column. */
    fputs("% factnet evidence (list): needs no package\n"
          "\\begingroup\\small\\raggedright\\sloppy\n",
          fp);
    if (caption) {
        fputs("\\par\\noindent\\textbf{", fp);
        fnet_table_put_latex(fp, caption);
        fputs("}\\par\n", fp);
    }
    if (label) {
        tex_label(fp, label);
        fputc('\n', fp);
    }
    for (uint32_t i = 0; i < ev->n_edges; i++)
        tex_edge_list(fp, ev, i);
    fputs("\\endgroup\n", fp);
}

int fnet_evidence_write_latex(const fnet_evidence *ev, FILE *fp,
                              const char *caption, const char *label, bool list,
                              fnet_err *err)
{
    const fnet_corpus *c = ev->graph->corpus;
    bool *cited = calloc(c->n_sources ? c->n_sources : 1, sizeof *cited);
    if (!cited)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    if (list) {
        tex_list(ev, fp, caption, label);
        goto sources;
    }
    /* Four columns that fill the line: widths are shares of \linewidth
     * less their part of the 6 \tabcolsep between them. */
    fputs("% factnet evidence: needs \\usepackage{booktabs,longtable}\n"
          "\\begingroup\\small\n\\begin{longtable}{@{}",
          fp);
    /* The date column holds a date range (2013-09-19/2014-01-01 wraps
     * at the slash) in 0.15. */
    static const char *const widths[] = {"0.14", "0.26", "0.14", "0.46"};
    for (int i = 0; i < 4; i++)
        fprintf(fp, "p{\\dimexpr%s\\linewidth-1.5\\tabcolsep\\relax}",
                widths[i]);
    fputs("@{}}\n", fp);
    if (caption || label) {
        if (caption) {
            fputs("\\caption{", fp);
            fnet_table_put_latex(fp, caption);
            fputs("}", fp);
        }
        if (label)
            tex_label(fp, label);
        fputs("\\\\\n", fp);
    }
    fprintf(fp,
            "%s\\endfirsthead\n%s\\endhead\n\\bottomrule\n"
            "\\endlastfoot\n",
            tex_head, tex_head);
    for (uint32_t i = 0; i < ev->n_edges; i++)
        tex_edge(fp, ev, i);
    fputs("\\end{longtable}\n\\endgroup\n", fp);
sources:
    mark_cited(ev, cited);
    tex_sources(fp, c, cited);
    free(cited);
    return finish(fp, err);
}

/* ---- one row per (edge, fact) ------------------------------------------- */

enum {
    C_EDGE,
    C_FROM_ID,
    C_FROM,
    C_TO_ID,
    C_TO,
    C_EDGE_WEIGHT,
    C_EDGE_FACTS,
    C_EDGE_SIGN,
    C_DATE,
    C_SUBJECT,
    C_RELATION,
    C_OBJECT,
    C_SIGN,
    C_CONFIDENCE,
    C_SOURCE,
    C_SOURCE_TITLE,
    C_SOURCE_AUTHOR,
    C_SOURCE_DATE,
    C_QUOTE,
    C_LOCATION,
    C_COUNT
};

static const fnet_table_col columns[C_COUNT] = {
    {"edge", FNET_COL_INTEGER},
    {"from_id", FNET_COL_STRING},
    {"from", FNET_COL_STRING},
    {"to_id", FNET_COL_STRING},
    {"to", FNET_COL_STRING},
    {"edge_weight", FNET_COL_REAL},
    {"edge_facts", FNET_COL_INTEGER},
    {"edge_sign", FNET_COL_INTEGER},
    {"date", FNET_COL_STRING},
    {"subject", FNET_COL_STRING},
    {"relation", FNET_COL_STRING},
    {"object", FNET_COL_STRING},
    {"sign", FNET_COL_INTEGER},
    {"confidence", FNET_COL_REAL},
    {"source", FNET_COL_STRING},
    {"source_title", FNET_COL_STRING},
    {"source_author", FNET_COL_STRING},
    {"source_date", FNET_COL_STRING},
    {"quote", FNET_COL_STRING},
    {"location", FNET_COL_STRING},
};

/* Sets the source columns: each field of every source, joined by "; ". */
static int set_sources(fnet_table *t, size_t row, const fnet_corpus *c,
                       const fnet_fact *f, fnet_buf *b)
{
    for (int col = C_SOURCE; col <= C_SOURCE_DATE; col++) {
        fnet_buf_reset(b);
        for (uint32_t k = 0; k < f->n_sources; k++) {
            const fnet_source *s = &c->sources[f->sources[k]];
            const char *v = col == C_SOURCE          ? s->id
                            : col == C_SOURCE_TITLE  ? s->title
                            : col == C_SOURCE_AUTHOR ? s->author
                                                     : s->date;
            fnet_buf_puts(b, k ? "; " : "");
            fnet_buf_puts(b, v ? v : "");
        }
        if (!fnet_buf_ok(b) ||
            fnet_table_set_str(t, row, (size_t)col, fnet_buf_str(b)))
            return FNET_ENOMEM;
    }
    return FNET_OK;
}

static int add_row(fnet_table *t, const fnet_evidence *ev, uint32_t i,
                   uint64_t fi, fnet_buf *b)
{
    const fnet_graph *g = ev->graph;
    const fnet_corpus *c = g->corpus;
    const fnet_evidence_edge *x = &ev->edges[i];
    const fnet_edge *e = &g->edges[x->edge];
    const fnet_fact *f = &c->facts[fi];
    const fnet_entity *a = node_entity(g, x->a), *z = node_entity(g, x->b);
    char date[24];
    size_t r;
    if (fnet_table_add_row(t, &r))
        return FNET_ENOMEM;
    fact_date(f, date);
    fnet_fact_cite(c, f, b);
    fnet_table_set_int(t, r, C_EDGE, i + 1);
    fnet_table_set_real(t, r, C_EDGE_WEIGHT, e->weight);
    fnet_table_set_int(t, r, C_EDGE_FACTS, x->n_facts);
    fnet_table_set_int(t, r, C_EDGE_SIGN, e->sign);
    fnet_table_set_int(t, r, C_SIGN, fnet_fact_sign(c, f));
    if (f->confidence != FNET_NO_CONFIDENCE)
        fnet_table_set_real(t, r, C_CONFIDENCE, f->confidence);
    if (!fnet_buf_ok(b) ||
        fnet_table_set_str(t, r, C_LOCATION, fnet_buf_str(b)) ||
        fnet_table_set_str(t, r, C_FROM_ID, a->id) ||
        fnet_table_set_str(t, r, C_FROM, a->label) ||
        fnet_table_set_str(t, r, C_TO_ID, z->id) ||
        fnet_table_set_str(t, r, C_TO, z->label) ||
        fnet_table_set_str(t, r, C_DATE, date) ||
        fnet_table_set_str(t, r, C_SUBJECT, c->entities[f->subject].label) ||
        fnet_table_set_str(t, r, C_RELATION, c->relations[f->relation].name) ||
        fnet_table_set_str(t, r, C_OBJECT, c->entities[f->object].label) ||
        fnet_table_set_str(t, r, C_QUOTE, f->evidence))
        return FNET_ENOMEM;
    return set_sources(t, r, c, f, b);
}

int fnet_evidence_table(fnet_table **out, const fnet_evidence *ev,
                        fnet_err *err)
{
    fnet_table *t = NULL;
    fnet_buf b = {0};
    int rc = fnet_table_new(&t, columns, C_COUNT);
    for (uint32_t i = 0; rc == FNET_OK && i < ev->n_edges; i++)
        for (uint32_t k = 0; rc == FNET_OK && k < ev->edges[i].n_facts; k++)
            rc = add_row(t, ev, i, ev->edges[i].facts[k], &b);
    fnet_buf_free(&b);
    if (rc != FNET_OK) {
        fnet_table_free(t);
        *out = NULL;
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    *out = t;
    return FNET_OK;
}
