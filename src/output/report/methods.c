/* methods.c - the methods paragraph and BibTeX of a run (methods.h). */
#include "output/report/methods.h"

#include "core/buf.h"
#include "core/error.h"
#include "core/strmap.h"
#include "output/tables/check_summary.h"
#include "output/tables/table.h"

#include <cjson/cJSON.h>
#include <graphviz/graphviz_version.h>
#include <igraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A cited paper: its key, its author-year text and its BibTeX fields. */
typedef struct ref {
    const char *key, *text, *bib;
} ref;

enum {
    R_IGRAPH,
    R_FREEMAN77,
    R_FREEMAN79,
    R_MARCHIORI,
    R_BONACICH,
    R_BRIN,
    R_KLEINBERG,
    R_SEIDMAN,
    R_WATTS,
    R_BURT,
    R_NEWMAN02,
    R_NEWMAN03,
    R_NEWMAN04,
    R_DOREIAN,
    R_TRAAG,
    R_BLONDEL,
    R_PONS,
    R_ROSVALL,
    R_RAGHAVAN,
    R_GIRVAN,
    R_CLAUSET,
    R_BRANDES,
    R_REICHARDT,
    R_LEIFELD,
    R_COUNT
};

/* clang-format off */
static const ref refs[R_COUNT] = {
    {"csardi2006", "Csardi and Nepusz 2006",
     "@article{csardi2006,\n  author = {Csardi, Gabor and Nepusz, Tamas},\n"
     "  title = {The igraph software package for complex network research},\n"
     "  journal = {InterJournal, Complex Systems},\n  volume = {1695},\n"
     "  year = {2006}\n}\n"},
    {"freeman1977", "Freeman 1977",
     "@article{freeman1977,\n  author = {Freeman, Linton C.},\n"
     "  title = {A set of measures of centrality based on betweenness},\n"
     "  journal = {Sociometry},\n  volume = {40},\n  number = {1},\n"
     "  pages = {35--41},\n  year = {1977}\n}\n"},
    {"freeman1979", "Freeman 1979",
     "@article{freeman1979,\n  author = {Freeman, Linton C.},\n"
     "  title = {Centrality in social networks: conceptual clarification},\n"
     "  journal = {Social Networks},\n  volume = {1},\n  number = {3},\n"
     "  pages = {215--239},\n  year = {1979}\n}\n"},
    {"marchiori2000", "Marchiori and Latora 2000",
     "@article{marchiori2000,\n  author = {Marchiori, Massimo and Latora, Vito},\n"
     "  title = {Harmony in the small-world},\n  journal = {Physica A},\n"
     "  volume = {285},\n  number = {3--4},\n  pages = {539--546},\n"
     "  year = {2000}\n}\n"},
    {"bonacich1987", "Bonacich 1987",
     "@article{bonacich1987,\n  author = {Bonacich, Phillip},\n"
     "  title = {Power and centrality: a family of measures},\n"
     "  journal = {American Journal of Sociology},\n  volume = {92},\n"
     "  number = {5},\n  pages = {1170--1182},\n  year = {1987}\n}\n"},
    {"brin1998", "Brin and Page 1998",
     "@article{brin1998,\n  author = {Brin, Sergey and Page, Lawrence},\n"
     "  title = {The anatomy of a large-scale hypertextual {Web} search engine},\n"
     "  journal = {Computer Networks and ISDN Systems},\n  volume = {30},\n"
     "  number = {1--7},\n  pages = {107--117},\n  year = {1998}\n}\n"},
    {"kleinberg1999", "Kleinberg 1999",
     "@article{kleinberg1999,\n  author = {Kleinberg, Jon M.},\n"
     "  title = {Authoritative sources in a hyperlinked environment},\n"
     "  journal = {Journal of the ACM},\n  volume = {46},\n  number = {5},\n"
     "  pages = {604--632},\n  year = {1999}\n}\n"},
    {"seidman1983", "Seidman 1983",
     "@article{seidman1983,\n  author = {Seidman, Stephen B.},\n"
     "  title = {Network structure and minimum degree},\n"
     "  journal = {Social Networks},\n  volume = {5},\n  number = {3},\n"
     "  pages = {269--287},\n  year = {1983}\n}\n"},
    {"watts1998", "Watts and Strogatz 1998",
     "@article{watts1998,\n  author = {Watts, Duncan J. and Strogatz, Steven H.},\n"
     "  title = {Collective dynamics of `small-world' networks},\n"
     "  journal = {Nature},\n  volume = {393},\n  pages = {440--442},\n"
     "  year = {1998}\n}\n"},
    {"burt1992", "Burt 1992",
     "@book{burt1992,\n  author = {Burt, Ronald S.},\n"
     "  title = {Structural Holes: The Social Structure of Competition},\n"
     "  publisher = {Harvard University Press},\n  year = {1992}\n}\n"},
    {"newman2002", "Newman 2002",
     "@article{newman2002,\n  author = {Newman, M. E. J.},\n"
     "  title = {Assortative mixing in networks},\n"
     "  journal = {Physical Review Letters},\n  volume = {89},\n"
     "  number = {20},\n  pages = {208701},\n  year = {2002}\n}\n"},
    {"newman2003", "Newman 2003",
     "@article{newman2003,\n  author = {Newman, M. E. J.},\n"
     "  title = {Mixing patterns in networks},\n"
     "  journal = {Physical Review E},\n  volume = {67},\n  number = {2},\n"
     "  pages = {026126},\n  year = {2003}\n}\n"},
    {"newman2004", "Newman and Girvan 2004",
     "@article{newman2004,\n  author = {Newman, M. E. J. and Girvan, Michelle},\n"
     "  title = {Finding and evaluating community structure in networks},\n"
     "  journal = {Physical Review E},\n  volume = {69},\n  number = {2},\n"
     "  pages = {026113},\n  year = {2004}\n}\n"},
    {"doreian1996", "Doreian and Mrvar 1996",
     "@article{doreian1996,\n  author = {Doreian, Patrick and Mrvar, Andrej},\n"
     "  title = {A partitioning approach to structural balance},\n"
     "  journal = {Social Networks},\n  volume = {18},\n  number = {2},\n"
     "  pages = {149--168},\n  year = {1996}\n}\n"},
    {"traag2019", "Traag, Waltman and van Eck 2019",
     "@article{traag2019,\n  author = {Traag, V. A. and Waltman, L. and van Eck, N. J.},\n"
     "  title = {From {Louvain} to {Leiden}: guaranteeing well-connected communities},\n"
     "  journal = {Scientific Reports},\n  volume = {9},\n  pages = {5233},\n"
     "  year = {2019}\n}\n"},
    {"blondel2008", "Blondel et al. 2008",
     "@article{blondel2008,\n  author = {Blondel, Vincent D. and Guillaume, Jean-Loup and Lambiotte, Renaud and Lefebvre, Etienne},\n"
     "  title = {Fast unfolding of communities in large networks},\n"
     "  journal = {Journal of Statistical Mechanics: Theory and Experiment},\n"
     "  volume = {2008},\n  number = {10},\n  pages = {P10008},\n"
     "  year = {2008}\n}\n"},
    {"pons2006", "Pons and Latapy 2006",
     "@article{pons2006,\n  author = {Pons, Pascal and Latapy, Matthieu},\n"
     "  title = {Computing communities in large networks using random walks},\n"
     "  journal = {Journal of Graph Algorithms and Applications},\n"
     "  volume = {10},\n  number = {2},\n  pages = {191--218},\n"
     "  year = {2006}\n}\n"},
    {"rosvall2008", "Rosvall and Bergstrom 2008",
     "@article{rosvall2008,\n  author = {Rosvall, Martin and Bergstrom, Carl T.},\n"
     "  title = {Maps of random walks on complex networks reveal community structure},\n"
     "  journal = {Proceedings of the National Academy of Sciences},\n"
     "  volume = {105},\n  number = {4},\n  pages = {1118--1123},\n"
     "  year = {2008}\n}\n"},
    {"raghavan2007", "Raghavan, Albert and Kumara 2007",
     "@article{raghavan2007,\n  author = {Raghavan, Usha Nandini and Albert, R{\\'e}ka and Kumara, Soundar},\n"
     "  title = {Near linear time algorithm to detect community structures in large-scale networks},\n"
     "  journal = {Physical Review E},\n  volume = {76},\n  number = {3},\n"
     "  pages = {036106},\n  year = {2007}\n}\n"},
    {"girvan2002", "Girvan and Newman 2002",
     "@article{girvan2002,\n  author = {Girvan, Michelle and Newman, M. E. J.},\n"
     "  title = {Community structure in social and biological networks},\n"
     "  journal = {Proceedings of the National Academy of Sciences},\n"
     "  volume = {99},\n  number = {12},\n  pages = {7821--7826},\n"
     "  year = {2002}\n}\n"},
    {"clauset2004", "Clauset, Newman and Moore 2004",
     "@article{clauset2004,\n  author = {Clauset, Aaron and Newman, M. E. J. and Moore, Cristopher},\n"
     "  title = {Finding community structure in very large networks},\n"
     "  journal = {Physical Review E},\n  volume = {70},\n  number = {6},\n"
     "  pages = {066111},\n  year = {2004}\n}\n"},
    {"brandes2008", "Brandes et al. 2008",
     "@article{brandes2008,\n  author = {Brandes, Ulrik and Delling, Daniel and Gaertler, Marco and G{\\\"o}rke, Robert and Hoefer, Martin and Nikoloski, Zoran and Wagner, Dorothea},\n"
     "  title = {On modularity clustering},\n"
     "  journal = {IEEE Transactions on Knowledge and Data Engineering},\n"
     "  volume = {20},\n  number = {2},\n  pages = {172--188},\n"
     "  year = {2008}\n}\n"},
    {"reichardt2006", "Reichardt and Bornholdt 2006",
     "@article{reichardt2006,\n  author = {Reichardt, J{\\\"o}rg and Bornholdt, Stefan},\n"
     "  title = {Statistical mechanics of community detection},\n"
     "  journal = {Physical Review E},\n  volume = {74},\n  number = {1},\n"
     "  pages = {016110},\n  year = {2006}\n}\n"},
    {"leifeld2017", "Leifeld 2017",
     "@incollection{leifeld2017,\n  author = {Leifeld, Philip},\n"
     "  title = {Discourse Network Analysis: Policy Debates as Dynamic Networks},\n"
     "  booktitle = {The Oxford Handbook of Political Networks},\n"
     "  editor = {Victor, Jennifer Nicoll and Montgomery, Alexander H. and Lubell, Mark},\n"
     "  publisher = {Oxford University Press},\n  pages = {301--325},\n"
     "  year = {2017}\n}\n"},
};

/* The paper of each community algorithm (enum fnet_community_algorithm)
 * and its name in prose. */
static const struct {
    int ref;
    const char *name;
} algorithms[FNET_COMM_COUNT] = {
    [FNET_COMM_LEIDEN] = {R_TRAAG, "the Leiden algorithm"},
    [FNET_COMM_LOUVAIN] = {R_BLONDEL, "the Louvain algorithm"},
    [FNET_COMM_WALKTRAP] = {R_PONS, "Walktrap"},
    [FNET_COMM_INFOMAP] = {R_ROSVALL, "Infomap"},
    [FNET_COMM_LABEL_PROPAGATION] = {R_RAGHAVAN, "label propagation"},
    [FNET_COMM_EDGE_BETWEENNESS] = {R_GIRVAN, "the Girvan-Newman edge-betweenness algorithm"},
    [FNET_COMM_FASTGREEDY] = {R_CLAUSET, "greedy modularity optimisation"},
    [FNET_COMM_OPTIMAL] = {R_BRANDES, "exact modularity maximisation"},
    [FNET_COMM_SPINGLASS] = {R_REICHARDT, "the spinglass algorithm"},
};
/* clang-format on */

/* The papers the paragraph of r cites, as a R_* bit set. */
static unsigned long cited(const fnet_methods_run *r)
{
    unsigned long s = 0;
    static const int always[] = {
        R_IGRAPH,   R_FREEMAN77, R_FREEMAN79, R_MARCHIORI, R_BONACICH,
        R_BRIN,     R_KLEINBERG, R_SEIDMAN,   R_WATTS,     R_BURT,
        R_NEWMAN02, R_NEWMAN03,  R_NEWMAN04};
    for (size_t i = 0; i < sizeof always / sizeof always[0]; i++)
        s |= 1ul << always[i];
    int a = r->co->algorithm;
    if (a >= 0 && a < FNET_COMM_COUNT)
        s |= 1ul << algorithms[a].ref;
    if (r->job->has_fr)
        s |= 1ul << R_DOREIAN;
    if (r->go->view == FNET_VIEW_ACTORS && r->go->tie != FNET_TIE_MEMBERSHIP)
        s |= 1ul << R_LEIFELD;
    return s;
}

void fnet_methods_versions(char *buf, size_t size)
{
    int maj, min, sub;
    igraph_version(NULL, &maj, &min, &sub);
    snprintf(buf, size, "factnet %s (igraph %d.%d.%d, cJSON %s, Graphviz %s)",
             FNET_VERSION, maj, min, sub, cJSON_Version(), PACKAGE_VERSION);
}

/* ---- writing ------------------------------------------------------------ */

typedef struct out {
    FILE *fp;
    bool latex, keys;
} out;

/* Data text, escaped for the format. */
static void text(const out *o, const char *s)
{
    if (o->latex)
        fnet_table_put_latex(o->fp, s);
    else
        fnet_table_put_md(o->fp, s);
}

/* A citation of a key: [@key] or \citep{key}. */
static void cite_key(const out *o, const char *key)
{
    fprintf(o->fp, o->latex ? "~\\cite{%s}" : " [@%s]", key);
}

static void cite(const out *o, int r)
{
    if (o->keys)
        cite_key(o, refs[r].key);
    else
        fprintf(o->fp, " (%s)", refs[r].text);
}

/* A real as the tables round it (3 decimals), a minus in math mode in
 * LaTeX; "undefined" for NaN. */
static void real(const out *o, double v)
{
    char b[64];
    if (isnan(v)) {
        fputs("undefined", o->fp);
        return;
    }
    fnet_table_format_real(b, sizeof b, v, 3);
    if (o->latex && b[0] == '-')
        fprintf(o->fp, "$-$%s", b + 1);
    else
        fputs(b, o->fp);
}

static const char *plural(double n, const char *one, const char *more)
{
    return n == 1 ? one : more;
}

/* ---- BibTeX keys of the sources ------------------------------------------ */

typedef struct keys {
    char (*key)[64];
    fnet_strmap seen;
} keys;

static bool key_char(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' || ch == ':' ||
           ch == '.';
}

/* The key of every source: its id with other characters as '_', cut to
 * 50 bytes, then -2, -3, ... until unique. */
static int keys_make(keys *k, const fnet_corpus *c)
{
    k->key = calloc(c->n_sources ? c->n_sources : 1, sizeof *k->key);
    if (!k->key)
        return FNET_ENOMEM;
    for (uint32_t i = 0; i < c->n_sources; i++) {
        char base[51];
        size_t n = 0;
        for (const char *p = c->sources[i].id; *p && n < 50; p++)
            base[n++] = key_char((unsigned char)*p) ? *p : '_';
        base[n] = 0;
        if (!n)
            snprintf(base, sizeof base, "source");
        snprintf(k->key[i], sizeof k->key[i], "%s", base);
        size_t v;
        for (int dup = 2;
             fnet_strmap_get(&k->seen, k->key[i], strlen(k->key[i]), &v); dup++)
            snprintf(k->key[i], sizeof k->key[i], "%s-%d", base, dup);
        if (fnet_strmap_put(&k->seen, k->key[i], strlen(k->key[i]), i))
            return FNET_ENOMEM;
    }
    return FNET_OK;
}

static void keys_free(keys *k)
{
    fnet_strmap_free(&k->seen);
    free(k->key);
}

/* ---- the paragraph ------------------------------------------------------- */

static void corpus_part(const out *o, const fnet_methods_run *r, const keys *k)
{
    const fnet_corpus *c = r->c;
    fnet_check_dates dt;
    fnet_check_summary_dates(c, &dt);
    fprintf(o->fp, "The corpus");
    if (c->title) {
        fputs(o->latex ? " ``" : " \"", o->fp);
        text(o, c->title);
        fputs(o->latex ? "''" : "\"", o->fp);
    }
    fprintf(o->fp, " (%u %s) holds %u %s, %llu %s and %u %s", c->n_files,
            plural(c->n_files, "file", "files"), c->n_entities,
            plural(c->n_entities, "entity", "entities"),
            (unsigned long long)c->n_facts,
            plural((double)c->n_facts, "fact", "facts"), c->n_sources,
            plural(c->n_sources, "source", "sources"));
    if (c->n_sources && o->keys) {
        fputs(o->latex ? "~\\cite{" : " [", o->fp);
        for (uint32_t i = 0; i < c->n_sources; i++)
            fprintf(o->fp, o->latex ? "%s%s" : "%s@%s",
                    i ? (o->latex ? "," : "; ") : "", k->key[i]);
        fputs(o->latex ? "}" : "]", o->fp);
    }
    fputs(". ", o->fp);
    char a[11], b[11];
    fnet_date_format(dt.lo, a);
    fnet_date_format(dt.hi, b);
    if (dt.dated)
        fprintf(o->fp, "%llu of the %llu facts are dated, from %s to %s; ",
                (unsigned long long)dt.dated, (unsigned long long)c->n_facts, a,
                b);
    else
        fputs("No fact is dated; ", o->fp);
    fprintf(o->fp, "%llu %s negative. ", (unsigned long long)dt.negative,
            dt.negative == 1 ? "fact is" : "facts are");
    if (!r->ps) {
        fputs("Evidence quotes were not verified against source texts. ",
              o->fp);
        return;
    }
    const fnet_prov_stats *ps = r->ps;
    fprintf(o->fp,
            "Evidence quotes were verified against %u source %s: %llu of "
            "%llu %s checked, %llu not found. ",
            ps->texts, plural(ps->texts, "text", "texts"),
            (unsigned long long)ps->checked, (unsigned long long)ps->quotes,
            plural((double)ps->quotes, "quote", "quotes"),
            (unsigned long long)ps->not_found);
}

static void graph_part(const out *o, const fnet_methods_run *r)
{
    const fnet_graph_opts *go = r->go;
    const fnet_graph_metrics *gm = &r->job->gm;
    static const char *const proj[] = {"the number of shared items",
                                       "Newman's weighting of shared items",
                                       "the Jaccard similarity of their items"};
    static const char *const tie[] = {
        ("their congruence as the positive and their conflict as the "
         "negative part of one signed tie"),
        "their congruence", "their conflict",
        "their congruence minus their conflict",
        "the products of their numbers of statements (qualifier ignored)"};
    static const char *const norm[] = {"",
                                       ", divided by their average "
                                       "activity",
                                       ", divided by their Jaccard "
                                       "denominator",
                                       ", divided by the product of their "
                                       "activities"};
    if (go->view == FNET_VIEW_ACTORS && go->tie >= FNET_TIE_SIGNED &&
        go->tie < FNET_TIE_MEMBERSHIP) {
        fputs("The graph is the one-mode projection on actors: two actors "
              "are linked when they make statements on the same item, with ",
              o->fp);
        fprintf(o->fp, "%s on it as defined by discourse network analysis",
                tie[go->tie]);
        cite(o, R_LEIFELD);
        fprintf(
            o->fp, "%s, plus their direct facts",
            norm[go->normalize >= 0 && go->normalize < 4 ? go->normalize : 0]);
    } else if (go->view == FNET_VIEW_ACTORS)
        fprintf(o->fp,
                "The graph is the one-mode projection on actors: two actors "
                "are linked when they share an item, weighted by %s, plus "
                "their direct facts",
                proj[go->projection >= 0 && go->projection < 3 ? go->projection
                                                               : 0]);
    else
        fputs("The graph has every entity as a node and one edge per pair "
              "of entities with facts",
              o->fp);
    fprintf(o->fp, "; it is %s", go->directed ? "directed" : "undirected");
    if (r->unweighted)
        fputs(" and unweighted. ", o->fp);
    else
        fprintf(o->fp,
                ", and an edge weighs the sum of its facts' weights, used as "
                "tie strength by strength, eigenvector, PageRank, "
                "hub/authority, constraint and community detection; path "
                "metrics %s. ",
                r->weighted_paths ? "take 1/weight as the length of an edge"
                                  : "count steps and ignore weights");
    if (go->relations || go->types || fnet_date_is_set(go->from) ||
        fnet_date_is_set(go->to) || go->dated_only || go->min_weight > 0) {
        fputs("Filters:", o->fp);
        const char *sep = " ";
        if (go->relations) {
            fprintf(o->fp, "%srelations ", sep);
            text(o, go->relations);
            sep = "; ";
        }
        if (go->types) {
            fprintf(o->fp, "%sentity types ", sep);
            text(o, go->types);
            sep = "; ";
        }
        char d[11];
        if (fnet_date_is_set(go->from)) {
            fnet_date_format(go->from, d);
            fprintf(o->fp, "%sfacts from %s", sep, d);
            sep = "; ";
        }
        if (fnet_date_is_set(go->to)) {
            fnet_date_format(go->to, d);
            fprintf(o->fp, "%sfacts to %s", sep, d);
            sep = "; ";
        }
        if (go->dated_only) {
            fprintf(o->fp, "%sdated facts only", sep);
            sep = "; ";
        }
        if (go->min_weight > 0) {
            fprintf(o->fp, "%sedges of weight at least ", sep);
            real(o, go->min_weight);
        }
        fputs(". ", o->fp);
    }
    if (go->duplicates != FNET_DUP_INCLUDE) {
        static const char *const within[] = {"",
                                             "source",
                                             "calendar week",
                                             "calendar month",
                                             "calendar year",
                                             "corpus"};
        uint64_t n = r->job->g ? r->job->g->n_duplicates : 0;
        fprintf(o->fp,
                "A fact repeating an earlier one (same subject, relation, "
                "object, sign and stance) within the same %s was counted "
                "once; %llu %s left out. ",
                within[go->duplicates > 0 && go->duplicates <= FNET_DUP_ALL
                           ? go->duplicates
                           : FNET_DUP_ALL],
                (unsigned long long)n, n == 1 ? "was" : "were");
    }
    fprintf(o->fp, "It has %.0f %s and %.0f %s (density ", gm->nodes,
            plural(gm->nodes, "node", "nodes"), gm->edges,
            plural(gm->edges, "edge", "edges"));
    real(o, gm->density);
    fprintf(o->fp,
            "), %.0f %s (the largest with %.0f %s), diameter %.0f, "
            "average path length ",
            gm->components, plural(gm->components, "component", "components"),
            gm->largest_component,
            plural(gm->largest_component, "node", "nodes"), gm->diameter);
    real(o, gm->average_path_length);
    fputs(", transitivity ", o->fp);
    real(o, gm->transitivity);
    fputs(", average clustering ", o->fp);
    real(o, gm->average_clustering);
    cite(o, R_WATTS);
    fputs(", degree assortativity ", o->fp);
    real(o, gm->degree_assortativity);
    cite(o, R_NEWMAN02);
    fputs(" and type assortativity ", o->fp);
    real(o, gm->type_assortativity);
    cite(o, R_NEWMAN03);
    fputs(". ", o->fp);
    /* The node centralities of `factnet metrics`, each with its paper. */
    static const struct {
        const char *name;
        int ref;
    } cent[] = {{"betweenness", R_FREEMAN77},
                {"closeness", R_FREEMAN79},
                {"harmonic centrality", R_MARCHIORI},
                {"eigenvector centrality", R_BONACICH},
                {"PageRank", R_BRIN},
                {"hub and authority scores", R_KLEINBERG},
                {"k-core", R_SEIDMAN},
                {"Burt's constraint", R_BURT}};
    size_t n = sizeof cent / sizeof cent[0];
    fputs("Node centralities are degree, strength", o->fp);
    for (size_t i = 0; i < n; i++) {
        fprintf(o->fp, "%s%s", i + 1 < n ? ", " : " and ", cent[i].name);
        cite(o, cent[i].ref);
    }
    fputs(", computed with igraph", o->fp);
    cite(o, R_IGRAPH);
    fputs(". ", o->fp);
}

static void community_part(const out *o, const fnet_methods_run *r)
{
    const fnet_community_opts *co = r->co;
    const fnet_communities *cm = &r->job->cm;
    const fnet_graph_metrics *gm = &r->job->gm;
    int a = co->algorithm >= 0 && co->algorithm < FNET_COMM_COUNT
                ? co->algorithm
                : FNET_COMM_LEIDEN;
    fprintf(o->fp, "Communities were detected with %s", algorithms[a].name);
    cite(o, algorithms[a].ref);
    if (fnet_community_has_resolution(a)) {
        fputs(" at resolution ", o->fp);
        char b[64];
        fnet_table_format_real(b, sizeof b, co->resolution, -1);
        fputs(b, o->fp);
    }
    fprintf(o->fp, " with random seed %lu", co->seed);
    if (r->job->has_cm && cm->positive_part)
        fprintf(o->fp,
                " on the positive part of the net tie weights, %s, so "
                "that opposed entities are not drawn together",
                o->latex ? "$\\max(w^+ - w^-, 0)$" : "max(w⁺ − w⁻, 0)");
    else if (r->job->has_cm && cm->signed_quality)
        fprintf(o->fp, " on the signed net tie weights %s",
                o->latex ? "$w^+ - w^-$" : "w⁺ − w⁻");
    fprintf(o->fp, "; it found %.0f %s with modularity", gm->communities,
            plural(gm->communities, "community", "communities"));
    cite(o, R_NEWMAN04);
    fputc(' ', o->fp);
    real(o, gm->modularity);
    fputs(". ", o->fp);
    if (r->job->has_cm && cm->runs > 1) {
        fprintf(o->fp,
                "Over %d runs (seeds %lu to %lu) the modularity had mean ",
                cm->runs, co->seed, co->seed + (unsigned long)cm->runs - 1);
        real(o, cm->mod_mean);
        fputs(", standard deviation ", o->fp);
        real(o, cm->mod_sd);
        fputs(" and range ", o->fp);
        real(o, cm->mod_min);
        fputs(" to ", o->fp);
        real(o, cm->mod_max);
        fputs(". ", o->fp);
    } else
        fputs("The partition is that of a single run. ", o->fp);
}

static void signed_part(const out *o, const fnet_methods_run *r)
{
    const fnet_frustration *fr = &r->job->fr;
    if (!r->job->has_fr)
        return;
    fprintf(o->fp,
            "The graph is signed: %llu %s negative and %llu mixed (facts of "
            "both signs); the share of negative edges within communities is ",
            (unsigned long long)fr->negative,
            fr->negative == 1 ? "edge is" : "edges are",
            (unsigned long long)fr->mixed);
    real(o, fr->negative_within_share);
    fputs(", that of positive edges between communities ", o->fp);
    real(o, fr->positive_between_share);
    fputs(", and the frustration of the partition", o->fp);
    cite(o, R_DOREIAN);
    fputc(' ', o->fp);
    real(o, fr->frustration);
    fputs(". ", o->fp);
}

int fnet_methods_write(FILE *fp, const fnet_methods_run *r, bool latex)
{
    /* Written to memory first, to end the paragraph without the space
     * after its last sentence. */
    char *mem = NULL;
    size_t len = 0;
    FILE *fp_out = fp;
    keys k = {0};
    int rc = keys_make(&k, r->c);
    if (!rc && !(fp = open_memstream(&mem, &len)))
        rc = FNET_ENOMEM;
    if (rc)
        goto done;
    out o = {fp, latex, r->cite_keys};
    char v[200];
    fnet_methods_versions(v, sizeof v);
    fprintf(fp, "%s\n\n", latex ? "\\paragraph{Methods.}" : "## Methods");
    fputs("The network was built and analysed with ", fp);
    text(&o, v);
    fputs(". ", fp);
    corpus_part(&o, r, &k);
    graph_part(&o, r);
    community_part(&o, r);
    signed_part(&o, r);
    if (fclose(fp) != 0) {
        rc = FNET_ENOMEM;
        goto done;
    }
    while (len && mem[len - 1] == ' ')
        len--;
    fwrite(mem, 1, len, fp_out);
    fputc('\n', fp_out);
done:
    free(mem);
    keys_free(&k);
    return rc;
}

/* One BibTeX field with data text, braces balanced (unbalanced ones and
 * backslashes dropped) and TeX specials escaped; nothing when s is NULL. */
static void bib_field(FILE *fp, const char *name, const char *s)
{
    if (!s || !*s)
        return;
    int depth = 0;
    for (const char *p = s; *p; p++)
        depth += *p == '{' ? 1 : *p == '}' ? -1 : 0;
    fprintf(fp, ",\n  %s = {", name);
    if (depth != 0 || strchr(s, '\\')) {
        fnet_buf b = {0};
        for (const char *p = s; *p; p++)
            if (*p != '{' && *p != '}' && *p != '\\')
                fnet_buf_putc(&b, *p);
        fnet_table_put_latex(fp, fnet_buf_ok(&b) ? fnet_buf_str(&b) : "");
        fnet_buf_free(&b);
    } else if (strcmp(name, "url") == 0)
        fputs(s, fp);
    else
        fnet_table_put_latex(fp, s);
    fputc('}', fp);
}

int fnet_methods_bib_write(FILE *fp, const fnet_methods_run *r)
{
    keys k = {0};
    int rc = keys_make(&k, r->c);
    if (rc)
        goto done;
    unsigned long set = cited(r);
    for (int i = 0; i < R_COUNT; i++)
        if (set & (1ul << i))
            fprintf(fp, "%s\n", refs[i].bib);
    for (uint32_t i = 0; i < r->c->n_sources; i++) {
        const fnet_source *s = &r->c->sources[i];
        char year[5] = "";
        if (s->date && strlen(s->date) >= 4)
            memcpy(year, s->date, 4);
        fprintf(fp, "@misc{%s", k.key[i]);
        bib_field(fp, "title", s->title ? s->title : s->id);
        bib_field(fp, "author", s->author);
        /* Sorting without an author (bibtex warns otherwise). */
        if (!s->author || !*s->author)
            bib_field(fp, "key", k.key[i]);
        bib_field(fp, "year", year[0] ? year : NULL);
        bib_field(fp, "date", s->date);
        bib_field(fp, "url", s->url);
        bib_field(fp, "note", s->file);
        fputs("\n}\n\n", fp);
    }
done:
    keys_free(&k);
    return rc;
}
