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

/* The entity a name refers to, by the rule facts' subjects and objects
 * follow: the id, else a label or alias (case-insensitive, whitespace
 * folded). Returns its index, or -1 with the reason appended to why ("no
 * entity has ...", or "... is ambiguous: it names ...; use the entity
 * id"). Cost: O(entities). */
int32_t fnet_corpus_lookup(const fnet_corpus *c, const char *name,
                           fnet_buf *why);

#endif
