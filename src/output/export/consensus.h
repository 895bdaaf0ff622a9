/* consensus.h - the facts coders agree on, written as a factnet JSON corpus
 * (`factnet agree --write-consensus`; docs/AGREEMENT.md, "Consensus").
 *
 * For each unit of a fnet_agree (analysis/agree.h), the largest group of
 * coders whose facts agree (fnet_agree_unit_majority()) is taken when it
 * holds at least min_coders coders; its first coder's fact is written,
 * with the attribute "coders" naming the group ("alice, bob") in place of
 * the attribute "coder". The file holds the shared sources, the matched
 * entities the facts name (the first coder's record of each), the
 * declared relations they use and the facts, so that every command reads
 * it back.
 *
 * Ownership: borrows a; the file goes through core/outfile.h (atomic). */
#ifndef FNET_CONSENSUS_H
#define FNET_CONSENSUS_H

#include "analysis/agree.h"
#include "core/error.h"

#include <stdint.h>

/* Writes the consensus of a to path ("-": standard output). *n_facts (if
 * not NULL) gets the number of facts written. Returns 0, FNET_ENOMEM or
 * FNET_EIO with err set. */
int fnet_consensus_write(const char *path, const fnet_agree *a,
                         uint32_t min_coders, uint64_t *n_facts, fnet_err *err);

#endif
