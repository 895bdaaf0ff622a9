/* brat_facts.h - facts from brat documents: an import in progress
 * (fnet_brat) turns each document's records (input/import/brat_ann.h) into
 * mentions and pending facts, then, once every document is read, into the
 * corpus's entities, relations and facts.
 *
 * Mentions become entities through input/import/mentions.h (same type and text;
 * `*` and N lines merge them). R lines become one fact, E lines one fact
 * per pair of entity arguments (FNET_BRAT_EVENTS_*); a fact quotes the
 * sentences around its arguments and carries the A and `#` records on its
 * annotation. A relation the corpus does not know is declared from the
 * annotation.conf in effect (input/import/brat_conf.h), else from the entity
 * types seen with it. import_brat.h has the rules as the user sees them.
 *
 * Ownership: a fnet_brat borrows its corpus, diagnostics and label map;
 * it owns its mentions, pending facts, conf and conf_path until
 * fnet_brat_free(). Facts and entities go to the corpus (its arena). */
#ifndef FNET_BRAT_FACTS_H
#define FNET_BRAT_FACTS_H

#include "core/arena.h"
#include "core/diag.h"
#include "input/import/brat_conf.h"
#include "input/import/import.h"
#include "input/import/labelmap.h"
#include "input/import/mentions.h"
#include "model/corpus.h"

#include <stdbool.h>
#include <stddef.h>

/* The facts of an event (--brat-events). */
enum fnet_brat_events {
    FNET_BRAT_EVENTS_FIRST, /* from the first argument to each other one */
    FNET_BRAT_EVENTS_PAIRS, /* between every pair, undirected */
    FNET_BRAT_EVENTS_NONE   /* none */
};

typedef struct fnet_brat_pending fnet_brat_pending;

typedef struct fnet_brat {
    fnet_importer im;
    bool started; /* im begun (fnet_brat_file) */
    const fnet_labelmap *labels;
    int events; /* enum fnet_brat_events */
    fnet_mentions m;
    fnet_brat_pending *facts; /* waiting for the entities */
    size_t n_facts, cap_facts;
    fnet_arena shared; /* what the facts of one annotation share */
    fnet_brat_conf cf; /* the annotation.conf in effect */
    char *conf_path;   /* where it was read from (NULL: none; set by the
                           caller with cf, freed by fnet_brat_free) */
} fnet_brat;

/* Starts an import into c, its messages to d. Can't fail. */
void fnet_brat_init(fnet_brat *b, fnet_corpus *c, fnet_diag *d,
                    const fnet_labelmap *labels, int events);

/* Starts (or switches) the importer to the .ann named name. Returns 0 or
 * FNET_ENOMEM. */
int fnet_brat_file(fnet_brat *b, const char *name);

/* Reads one document (the .ann text, and the text it annotates, named
 * txt_name) as source source_id; its facts wait for fnet_brat_finish().
 * Returns 0 (data problems are reported), FNET_EDATA (a limit, reported)
 * or FNET_ENOMEM. */
int fnet_brat_add_document(fnet_brat *b, const char *ann, size_t ann_len,
                           const char *txt_name, const char *txt,
                           size_t txt_len, const char *source_id);

/* Creates the entities, declares the relations and adds the facts.
 * Returns 0, FNET_EDATA (a limit, reported) or FNET_ENOMEM. */
int fnet_brat_finish(fnet_brat *b);

/* Ends the importer and frees what b owns. */
void fnet_brat_free(fnet_brat *b);

#endif
