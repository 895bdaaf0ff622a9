/* validate.h - resolves and checks the references of a loaded corpus.
 *
 * Runs once after every file is loaded, since entities may come after the
 * facts that use them and files merge into one corpus. It resolves each
 * fact's relation (exact name), subject and object (entity id, else label or
 * alias, case-insensitive and whitespace-folded) and sources, checks the
 * relation's type constraints, counts the facts per entity, and warns about
 * unused entities and facts without source or evidence. Unknown names get up
 * to three did-you-mean suggestions; ambiguous names list their candidates.
 * Cost: O(entities + facts) plus suggestion search on the (capped) errors. */
#ifndef FNET_VALIDATE_H
#define FNET_VALIDATE_H

#include "core/buf.h"
#include "core/diag.h"
#include "core/error.h"
#include "model/corpus.h"

/* Returns 0 (data problems are in d), or FNET_ENOMEM with err set. Sets
 * c->resolved when d holds no errors. */
int fnet_corpus_resolve(fnet_corpus *c, fnet_diag *d, fnet_err *err);

/* The warnings fnet_corpus_resolve() gives about fact f once its subject
 * and object resolved to entities subject and object (-1: not resolved):
 * a self-loop, no source, no evidence, in that order, located at the fact
 * (where is scratch). The streaming loader (aggregate.h) gives the same
 * through this function. */
void fnet_fact_warn(const fnet_corpus *c, const fnet_fact *f, int32_t subject,
                    int32_t object, fnet_diag *d, fnet_buf *where);

/* fnet_corpus_resolve()'s last step: a warning for each entity that no
 * fact names (entity n_facts 0), in entity order. where and scratch are
 * scratch buffers; check them with fnet_buf_ok() for memory. */
void fnet_corpus_warn_unused(const fnet_corpus *c, fnet_diag *d,
                             fnet_buf *where, fnet_buf *scratch);

/* The entity a name refers to, by the rule facts' subjects and objects
 * follow: the id, else a label or alias (case-insensitive, whitespace
 * folded). Returns its index, or -1 with the reason appended to why ("no
 * entity has ..." with up to three suggestions, or "... is ambiguous: it names ...; use the entity
 * id"). Cost: O(entities). */
int32_t fnet_corpus_lookup(const fnet_corpus *c, const char *name,
                           fnet_buf *why);

#endif
