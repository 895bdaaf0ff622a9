/* test_dot.c - unit tests for output/dotesc, output/style, output/diagram
 * and output/dot: escaping rules, the styling tables, and the DOT text read
 * back with cgraph's agread (agmemread): counts, every label and tooltip
 * byte for byte (hostile fixture tests/dot/hostile.json), shapes and
 * colours. The decoders and expected strings here are written
 * independently of the code under test, from Graphviz's rules. */
#include "test.h"

#include "analysis/community.h"
#include "core/buf.h"
#include "graph/graph.h"
#include "input/load.h"
#include "output/diagram/diagram.h"
#include "output/diagram/dot.h"
#include "output/diagram/dotesc.h"
#include "output/diagram/render.h"
#include "output/diagram/style.h"

#include <graphviz/cgraph.h>
#include <stdlib.h>

/* ---- escaping ----------------------------------------------------------- */

static const char *esc(void (*f)(fnet_buf *, const char *), const char *s)
{
    static fnet_buf b;
    fnet_buf_reset(&b);
    f(&b, s);
    return fnet_buf_str(&b);
}

static void test_escape(void)
{
    CHECK_STR(esc(fnet_dotesc_label, "plain"), "plain");
    CHECK_STR(esc(fnet_dotesc_label, "a\\b"), "a\\\\b");
    CHECK_STR(esc(fnet_dotesc_label, "end\\"), "end\\\\");
    CHECK_STR(esc(fnet_dotesc_label, "x & y"), "x &amp; y");
    CHECK_STR(esc(fnet_dotesc_label, "l1\nl2"), "l1\\nl2");
    CHECK_STR(esc(fnet_dotesc_label, "a\r\nb\rc"), "a\\nb\\nc");
    CHECK_STR(esc(fnet_dotesc_label, "t\tq\"<>"), "t\tq\"<>");
    CHECK_STR(esc(fnet_dotesc_label, "\x01\x7f"), "\xE2\x90\x81\xE2\x90\xA1");
    CHECK_STR(esc(fnet_dotesc_tooltip, "a\\b"), "a\\\\\\\\b");
    CHECK_STR(esc(fnet_dotesc_tooltip, "a&b\n"), "a&amp;b\\n");
    CHECK_STR(esc(fnet_dotesc_html, "<a&\"b\">"),
              "&lt;a&amp;&quot;b&quot;&gt;");
    CHECK_STR(esc(fnet_dotesc_html, "\\N\nx\ty"), "\\\\N<BR/>x y");
    CHECK_STR(esc(fnet_dotesc_id, "a b_c-d"), "a_20b_5fc-d");
    CHECK_STR(esc(fnet_dotesc_id, "\xC3\xA9"), "_c3_a9");
    CHECK_STR(esc(fnet_dotesc_class, "party_to"), "party_to");
    CHECK_STR(esc(fnet_dotesc_class, "a b"), "a_20b");
    CHECK_STR(esc(fnet_dotesc_display, "a\r\nb\x02"), "a\nb\xE2\x90\x82");
}

/* ---- style -------------------------------------------------------------- */

static const char *wrap(const char *s, unsigned width)
{
    static fnet_buf b;
    fnet_buf_reset(&b);
    fnet_style_wrap(&b, s, width);
    return fnet_buf_str(&b);
}

static void test_style(void)
{
    CHECK_STR(wrap("Information Security Policy Council", 16),
              "Information\nSecurity Policy\nCouncil");
    CHECK_STR(wrap("ASEAN\xE2\x80\x93Japan Ministerial Meeting 2013", 16),
              "ASEAN\xE2\x80\x93Japan\nMinisterial\nMeeting 2013");
    CHECK_STR(wrap("Supercalifragilisticexpialidocious is long", 16),
              "Supercalifragilisticexpialidocious\nis long");
    CHECK_STR(wrap("one\ntwo three four five six", 9),
              "one\ntwo three\nfour five\nsix");
    CHECK_STR(wrap("exactly sixteen! next", 16), "exactly sixteen!\nnext");
    CHECK_STR(wrap("no wrap at all here", 0), "no wrap at all here");
    CHECK_STR(wrap("Japan", 16), "Japan");

    CHECK_STR(fnet_style_shape("actor", 0), "ellipse");
    CHECK_STR(fnet_style_shape("agreement", 5), "box");
    CHECK_STR(fnet_style_shape("strategy", 0), "note");
    CHECK_STR(fnet_style_shape("meeting", 0), "hexagon");
    CHECK_STR(fnet_style_shape("norm", 1), "octagon");
    CHECK_STR(fnet_style_shape("x", 12), "hexagon"); /* the cycle wraps */
    CHECK_STR(fnet_style_fill(0, false), "#77AADD");
    CHECK_STR(fnet_style_fill(7, false), "#F29FB0");
    CHECK_STR(fnet_style_fill(8, false), "#F9F9F9");
    CHECK_STR(fnet_style_fill(-1, false), "#FFFFFF");
    CHECK_STR(fnet_style_fill(3, true), "#727272");
    /* Groups 5 to 8 take the four greys again, with a dashed outline. */
    CHECK_STR(fnet_style_fill(4, true), "#E2E2E2");
    CHECK_STR(fnet_style_fill(7, true), "#727272");
    CHECK_STR(fnet_style_fill(8, true), "#FFFFFF");
    CHECK(!fnet_style_fill_dashed(3, false) &&
          fnet_style_fill_dashed(4, false));
    CHECK(fnet_style_fill_dashed(7, true) && !fnet_style_fill_dashed(8, true));
    CHECK(!fnet_style_fill_dashed(-1, true) &&
          !fnet_style_fill_dashed(8, false));
    /* CIE L* by hand (sRGB, D65): white 100, black 0, #777777 50.0,
     * Tol's light blue 67.9; the fills' documented targets, 6 apart, the
     * first four 12 apart (docs/DIAGRAMS.md). */
    CHECK_NEAR(fnet_style_lightness("#FFFFFF"), 100.0, 0.05);
    CHECK_NEAR(fnet_style_lightness("#000000"), 0.0, 0.05);
    CHECK_NEAR(fnet_style_lightness("#777777"), 50.0, 0.1);
    CHECK_NEAR(fnet_style_lightness("#77AADD"), 67.9, 0.1);
    CHECK(fnet_style_lightness("red") < 0);
    static const double fill_l[] = {68, 92, 56, 80, 62, 86, 50, 74};
    for (int g = 0; g < 8; g++)
        CHECK_NEAR(fnet_style_lightness(fnet_style_fill(g, false)), fill_l[g],
                   0.6);
    static const double grey_l[] = {90, 76, 62, 48};
    for (int g = 0; g < 4; g++)
        CHECK_NEAR(fnet_style_lightness(fnet_style_fill(g, true)), grey_l[g],
                   0.6);
    CHECK_NEAR(fnet_style_node_width(4, 4), 1.9, 1e-12);
    CHECK_NEAR(fnet_style_node_width(1, 4), 0.95, 1e-12); /* area 1/4 */
    CHECK_NEAR(fnet_style_node_width(0.01, 4), 0.55, 1e-12);
    CHECK_NEAR(fnet_style_node_width(NAN, 4), 0.55, 1e-12);
    CHECK_NEAR(fnet_style_pen_width(1, 1, 3), 1.0, 1e-12);
    CHECK_NEAR(fnet_style_pen_width(3, 1, 3), 4.5, 1e-12);
    CHECK_NEAR(fnet_style_pen_width(2, 1, 3), 2.75, 1e-12);
    CHECK_NEAR(fnet_style_pen_width(5, 5, 5), 1.0, 1e-12);
}

/* ---- decoding, as Graphviz does (independent of dotesc.c) -------------- */

/* A label: \n \l \r are line breaks, \x is x; &amp; is &. */
static void decode_label(const char *s, fnet_buf *out)
{
    while (*s) {
        if (s[0] == '\\' && s[1]) {
            char c = s[1];
            fnet_buf_putc(out, c == 'n' || c == 'l' || c == 'r' ? '\n' : c);
            s += 2;
        } else if (strncmp(s, "&amp;", 5) == 0) {
            fnet_buf_putc(out, '&');
            s += 5;
        } else {
            fnet_buf_putc(out, *s++);
        }
    }
}

/* A tooltip: a first pass as for labels but keeping what follows a
 * backslash, then \\ -> \ (the \N-substitution pass), then &amp;. */
static void decode_tooltip(const char *s, fnet_buf *out)
{
    fnet_buf one = {0}, two = {0};
    for (const char *p = s; *p;) {
        if (p[0] == '\\' && p[1]) {
            char c = p[1];
            fnet_buf_putc(&one, c == 'n' || c == 'l' || c == 'r' ? '\n' : c);
            p += 2;
        } else {
            fnet_buf_putc(&one, *p++);
        }
    }
    for (const char *p = fnet_buf_str(&one); *p;) {
        if (p[0] == '\\' && p[1] == '\\') {
            fnet_buf_putc(&two, '\\');
            p += 2;
        } else {
            fnet_buf_putc(&two, *p++);
        }
    }
    for (const char *p = fnet_buf_str(&two); *p;) {
        if (strncmp(p, "&amp;", 5) == 0) {
            fnet_buf_putc(out, '&');
            p += 5;
        } else {
            fnet_buf_putc(out, *p++);
        }
    }
    fnet_buf_free(&one);
    fnet_buf_free(&two);
}

/* The text a reader sees: CR LF and CR are line breaks, C0 controls (but
 * tab and LF) and DEL become control pictures. */
static void displayed(const char *s, fnet_buf *out)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '\r') {
            fnet_buf_putc(out, '\n');
            if (p[1] == '\n')
                p++;
        } else if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7F) {
            unsigned cp = *p == 0x7F ? 0x2421 : 0x2400u + *p;
            fnet_buf_printf(out, "%c%c%c", (char)(0xE0 | (cp >> 12)),
                            (char)(0x80 | ((cp >> 6) & 0x3F)),
                            (char)(0x80 | (cp & 0x3F)));
        } else {
            fnet_buf_putc(out, (char)*p);
        }
    }
}

/* ---- the hostile fixture through the whole writer ---------------------- */

typedef struct fixture {
    fnet_corpus *c;
    fnet_graph *g;
    fnet_communities cm;
    fnet_diagram_set *ds;
} fixture;

static bool fixture_open(fixture *f, const char *path)
{
    fnet_diag d = {0};
    fnet_err err = {0};
    fnet_graph_opts go;
    fnet_community_opts co;
    fnet_diagram_opts o;
    char *paths[] = {(char *)path};
    fnet_load_opts lo = {0};
    memset(f, 0, sizeof *f);
    int rc = fnet_load_corpus(&f->c, paths, 1, &lo, false, &d, &err);
    fnet_diag_free(&d);
    fnet_graph_opts_init(&go);
    fnet_community_opts_init(&co);
    fnet_diagram_opts_init(&o);
    if (!rc)
        rc = fnet_graph_build(&f->g, f->c, &go, &err);
    if (!rc)
        rc = fnet_communities_detect(&f->cm, f->g, &co, &err);
    if (!rc)
        rc = fnet_diagram_make(&f->ds, f->g, NULL, f->cm.community, &o, &err);
    if (rc)
        fprintf(stderr, "fixture %s: %s\n", path, err.msg);
    return rc == 0;
}

static void fixture_close(fixture *f)
{
    fnet_diagram_free(f->ds);
    fnet_communities_free(&f->cm);
    fnet_graph_free(f->g);
    fnet_corpus_free(f->c);
}

/* The DOT text of g. */
static char *dot_text(Agraph_t *g)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    fnet_err err = {0};
    CHECK_INT(fnet_dot_write(g, fp, &err), 0);
    fclose(fp);
    return text;
}

static Agraph_t *build(const fixture *f, unsigned wrap_width)
{
    fnet_dot_opts o;
    fnet_err err = {0};
    Agraph_t *g = NULL;
    fnet_dot_opts_init(&o);
    o.wrap = wrap_width;
    CHECK_INT(fnet_dot_build(&g, &f->ds->d, &o, &err), 0);
    return g;
}

static const char *expected_shape(const char *type)
{
    /* hostile.json's types sorted: actor agreement meeting
     * "odd type <&> \"q\"" strategy; the two without a fixed shape get the
     * first two of the cycle. */
    if (strcmp(type, "actor") == 0)
        return "ellipse";
    if (strcmp(type, "agreement") == 0)
        return "box";
    if (strcmp(type, "strategy") == 0)
        return "note";
    if (strcmp(type, "meeting") == 0)
        return "hexagon";
    return "octagon";
}

static const char *const palette[] = {"#77AADD", "#FAE993", "#0E9878",
                                      "#BFD038", "#DE7B59", "#A2E0FF",
                                      "#7B7B00", "#F29FB0"};

/* Every entity of f, looked up in the graph read back. */
static void check_nodes(const fixture *f, Agraph_t *back)
{
    fnet_buf name = {0}, got = {0}, want = {0};
    for (uint32_t i = 0; i < f->c->n_entities; i++) {
        const fnet_entity *e = &f->c->entities[i];
        fnet_buf_reset(&name);
        fnet_buf_puts(&name, "n_");
        fnet_dotesc_id(&name, e->id);
        Agnode_t *n = agnode(back, name.data, 0);
        CHECK(n != NULL);
        if (!n)
            continue;
        CHECK_STR(agget(n, "id"), name.data);
        fnet_buf_reset(&got);
        fnet_buf_reset(&want);
        decode_label(agget(n, "label"), &got);
        displayed(e->label, &want);
        CHECK_STR(fnet_buf_str(&got), fnet_buf_str(&want));
        CHECK(!aghtmlstr(agget(n, "label")));
        fnet_buf_reset(&got);
        fnet_buf_reset(&want);
        decode_tooltip(agget(n, "tooltip"), &got);
        fnet_buf tip = {0};
        fnet_buf_printf(&tip, "%s\nid: %s\ntype: %s", e->label, e->id, e->type);
        for (uint32_t a = 0; a < e->n_aliases; a++)
            fnet_buf_printf(&tip, "%s%s", a ? "; " : "\nalso: ", e->aliases[a]);
        displayed(fnet_buf_str(&tip), &want);
        fnet_buf_free(&tip);
        CHECK_STR(fnet_buf_str(&got), fnet_buf_str(&want));
        CHECK_STR(agget(n, "shape"), expected_shape(e->type));
        uint32_t k = f->cm.community[f->g->node_of[i]];
        CHECK_STR(agget(n, "fillcolor"), k <= 8 ? palette[k - 1] : "#F9F9F9");
    }
    fnet_buf_free(&name);
    fnet_buf_free(&got);
    fnet_buf_free(&want);
}

static void check_edges(const fixture *f, Agraph_t *back)
{
    int negative = 0;
    for (Agnode_t *n = agfstnode(back); n; n = agnxtnode(back, n))
        for (Agedge_t *e = agfstout(back, n); e; e = agnxtout(back, e)) {
            if (strstr(agget(e, "class"), "negative")) {
                negative++;
                CHECK_STR(agget(e, "color"), "#CC3311");
                CHECK_STR(agget(e, "style"), "dashed");
            }
            /* cooperates_with and opposes are undirected relations */
            if (strncmp(agget(e, "class"), "cooperates_with", 15) == 0 ||
                strncmp(agget(e, "class"), "opposes", 7) == 0)
                CHECK_STR(agget(e, "dir"), "none");
        }
    CHECK_INT(negative, 1); /* the one opposes fact */
    (void)f;
}

static void test_hostile_roundtrip(void)
{
    fixture f;
    if (!fixture_open(&f, "dot/hostile.json")) {
        CHECK(!"hostile fixture loads");
        return;
    }
    Agraph_t *g = build(&f, 0);
    char *text = g ? dot_text(g) : NULL;
    Agraph_t *back = text ? agmemread(text) : NULL;
    CHECK(back != NULL);
    if (back) {
        CHECK_INT(agnnodes(back), 11);
        CHECK_INT(agnedges(back), 10);
        check_nodes(&f, back);
        check_edges(&f, back);
        /* The title is an HTML table holding the escaped title. */
        const char *title = agget(back, "label");
        CHECK(aghtmlstr((char *)title));
        CHECK(strstr(title, "Hostile &quot;labels&quot; \\\\ &lt;b&gt;&amp;"
                            "amp;&lt;/b&gt; {x} tab") != NULL);
        /* Reading back and writing again changes nothing. */
        char *again = dot_text(back);
        CHECK_STR(again, text);
        free(again);
        agclose(back);
    }
    free(text);
    if (g)
        agclose(g);
    fixture_close(&f);
}

/* Wrapped labels: the label with some spaces turned into line breaks. */
static void test_wrapped_labels(void)
{
    fixture f;
    if (!fixture_open(&f, "dot/small.json")) {
        CHECK(!"small fixture loads");
        return;
    }
    Agraph_t *g = build(&f, 16);
    Agnode_t *n = g ? agnode(g, "n_STRAT2013", 0) : NULL;
    CHECK(n != NULL);
    if (n)
        CHECK_STR(agget(n, "label"), "Cybersecurity\\nStrategy 2013");
    n = g ? agnode(g, "n_MEET", 0) : NULL;
    if (n)
        CHECK_STR(agget(n, "label"),
                  "ASEAN\xE2\x80\x93Japan\\nMinisterial\\nMeeting 2013");
    /* Same diagram, same text. */
    Agraph_t *h = build(&f, 16);
    char *a = g ? dot_text(g) : NULL, *b = h ? dot_text(h) : NULL;
    CHECK(a && b && strcmp(a, b) == 0);
    free(a);
    free(b);
    if (g)
        agclose(g);
    if (h)
        agclose(h);
    fixture_close(&f);
}

/* With the legend: laid out in-process, read back, still exact; the
 * legend lists the five types once each. */
static void test_legend(void)
{
    fixture f;
    fnet_renderer *r = NULL;
    fnet_err err = {0};
    double right = 0, top = 0;
    if (!fixture_open(&f, "dot/hostile.json")) {
        CHECK(!"hostile fixture loads");
        return;
    }
    Agraph_t *g = build(&f, 0);
    fnet_dot_opts o;
    fnet_dot_opts_init(&o);
    o.wrap = 0;
    CHECK_INT(fnet_renderer_new(&r, &err), 0);
    CHECK_INT(fnet_render_fix(r, g, &right, &top, &err), 0);
    CHECK(right > 0 && top > 0);
    CHECK_STR(agget(g, "layout"), "nop2");
    CHECK_INT(fnet_dot_add_legend(g, &f.ds->d, &o, right + 24, top, &err), 0);
    char *text = dot_text(g);
    Agraph_t *back = agmemread(text);
    CHECK(back != NULL);
    if (back) {
        check_nodes(&f, back);
        Agraph_t *leg = agsubg(back, "cluster_legend", 0);
        CHECK(leg != NULL);
        Agnode_t *t = leg ? agnode(leg, "legend_text", 0) : NULL;
        CHECK(t != NULL);
        if (t) {
            const char *html = agget(t, "label");
            CHECK(aghtmlstr((char *)html));
            CHECK(strstr(html, ">odd type &lt;&amp;&gt; &quot;q&quot;<") !=
                  NULL);
            CHECK(strstr(html, ">meeting<") != NULL);
            CHECK(strstr(html, ">opposes (negative)<") != NULL);
            CHECK(strstr(html, ">odd &quot;rel&quot; &lt;x&gt;<") != NULL);
        }
        /* Every node has a position the final pass keeps. */
        for (Agnode_t *n = agfstnode(back); n; n = agnxtnode(back, n))
            CHECK(agget(n, "pos") && agget(n, "pos")[0]);
        agclose(back);
    }
    /* Rendering the fixed graph works and gives SVG. */
    char *svg = NULL;
    size_t len = 0;
    CHECK_INT(fnet_render_layout(r, g, &err), 0);
    CHECK_INT(fnet_render_data(r, g, "svg", &svg, &len, &err), 0);
    CHECK(len > 100 && svg && strstr(svg, "<svg") != NULL);
    fnet_render_unlayout(r, g);
    free(svg);
    free(text);
    agclose(g);
    fnet_renderer_free(r);
    fixture_close(&f);
}

/* Per-figure relation looks: 12 relations drawn (a, b, ... in name
 * order), every third undirected, two of them only negative; in colour
 * the negative ones take no colour slot, all looks differ, and grey keeps
 * them apart too (fnet_style_grey_check_diagram). */
static void test_relation_looks(void)
{
    enum { NR = 12 };
    fnet_drelation rel[NR];
    fnet_dedge edge[NR];
    static const char *const names[NR] = {"a", "b", "c", "d", "e", "f",
                                          "g", "h", "i", "j", "k", "l"};
    for (int r = 0; r < NR; r++) {
        rel[r] = (fnet_drelation){names[r], names[r], r % 3 != 2, false};
        edge[r] =
            (fnet_dedge){.from = 0,
                         .to = 1,
                         .relation = r,
                         .sign = r == 1 || r == 5 ? -1 : 1,
                         .dir = r % 3 != 2 ? FNET_DIR_FORWARD : FNET_DIR_NONE,
                         .weight = 1};
    }
    fnet_dnode node[2] = {{.id = "x", .label = "x", .fill = 0, .cluster = -1},
                          {.id = "y", .label = "y", .fill = 1, .cluster = -1}};
    fnet_diagram d = {.nodes = node,
                      .n_nodes = 2,
                      .edges = edge,
                      .n_edges = NR,
                      .relations = rel,
                      .n_relations = NR};
    for (int grey = 0; grey < 2; grey++) {
        fnet_style_slots s = {0};
        CHECK_INT(fnet_style_assign(&s, &d, grey), 0);
        /* colour: a=0, c=1 (b is negative only), d=2, e=3, g=4, ... */
        if (!grey) {
            CHECK_INT(s.pos[0], 0);
            CHECK_INT(s.pos[1], -1);
            CHECK_INT(s.neg[1], 0);
            CHECK_INT(s.pos[2], 1);
            CHECK_INT(s.neg[5], 1);
            CHECK_INT(s.pos[11], 9);
        }
        fnet_look l[NR];
        for (int r = 0; r < NR; r++)
            l[r] = fnet_style_edge(&s, r, edge[r].sign, rel[r].directed);
        for (int a = 0; a < NR; a++)
            for (int b = a + 1; b < NR; b++)
                CHECK(strcmp(l[a].color, l[b].color) != 0 ||
                      strcmp(l[a].style, l[b].style) != 0 ||
                      strcmp(l[a].arrow, l[b].arrow) != 0);
        /* Negative relations are red (grey: black) and dashed. */
        CHECK_STR(l[1].style, "dashed");
        CHECK_STR(l[1].color, grey ? "#000000" : FNET_STYLE_NEGATIVE);
        /* The ninth colour relation (k = 8: "k") repeats colour 0 as a
         * double line. */
        if (!grey)
            CHECK_STR(l[10].color, "#332288:invis:#332288");
        /* Undirected relations never carry an arrowhead of the directed
         * set. */
        CHECK(!rel[2].directed &&
              (strcmp(l[2].arrow, "none") == 0 || l[2].marker));
        fnet_buf why = {0};
        CHECK_INT(fnet_style_grey_check_diagram(&d, grey, &why), grey ? 1 : 0);
        fnet_buf_free(&why);
        fnet_style_slots_free(&s);
    }
}

int main(void)
{
    RUN(test_escape);
    RUN(test_style);
    RUN(test_relation_looks);
    RUN(test_hostile_roundtrip);
    RUN(test_wrapped_labels);
    RUN(test_legend);
    return TEST_REPORT();
}
