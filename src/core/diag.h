/* diag.h - collects the errors and warnings about input data.
 *
 * Loading reports every problem it finds, not just the first: messages are
 * kept in order up to a cap per severity (FNET_DIAG_CAP), and the rest are
 * only counted so that a file with a million bad records stays cheap. */
#ifndef FNET_DIAG_H
#define FNET_DIAG_H

#include "core/buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define FNET_DIAG_CAP 50

enum fnet_severity { FNET_SEV_ERROR, FNET_SEV_WARNING };

typedef struct fnet_diag_item {
    int severity;
    char *msg; /* owned; one line, no trailing newline */
} fnet_diag_item;

typedef struct fnet_diag {
    fnet_diag_item *items;
    size_t n_items, cap_items;
    size_t n_errors, n_warnings; /* all, including those not kept */
    size_t cap;                  /* kept per severity; 0 means FNET_DIAG_CAP */
} fnet_diag;

/* A collector starts zeroed: `fnet_diag d = {0};` */

/* Records a message. The error form is "LOCATION: message"; warnings are
 * stored as "LOCATION: warning: message" — callers pass the location prefix
 * (fnet_corpus_locate) and the message separately. Control characters in
 * either (C0, DEL, C1) are stored as JSON escapes (\n, \u001B), so every
 * message is one line whatever the data holds, and bidirectional controls
 * as \uXXXX (fnet_diag_escape). Out of memory only loses the text, never
 * the count. */
void fnet_diag_add(fnet_diag *d, int severity, const char *where,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Appends s to out with its control characters (C0, DEL, C1) written as
 * JSON escapes (\n, \r, \t, \u001B, \u009B) and its bidirectional
 * controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) as
 * \uXXXX, as fnet_diag_add() stores messages: data printed on a terminal
 * line stays on that line, sends no control sequence and cannot reorder
 * what is shown (Trojan Source, CVE-2021-42574). A backslash is left as it
 * is: a whole message mixes data with factnet's own text, which speaks of
 * JSON escapes ("write it as \t"). Out of memory is recorded in out
 * (fnet_buf_ok). */
void fnet_diag_escape(fnet_buf *out, const char *s);

/* As fnet_diag_escape, for text that is all data (a name, a title, a file
 * name shown on its own): a backslash is also written as \\, so that a
 * value holding the two characters \n is told apart from one holding a line
 * break. */
void fnet_diag_escape_value(fnet_buf *out, const char *s);

/* Appends s to out between double quotes, as every message shows a value
 * from the data or the command line ("unknown entity %s"): escaped as
 * fnet_diag_escape_value does, and a double quote inside written as \", so
 * that the quoted text is a JSON string that decodes back to s and a quote
 * in a name cannot seem to end it. The result holds no control character,
 * so fnet_diag_add() leaves it as it is (nothing is escaped twice). NULL is
 * quoted as "". Out of memory is recorded in out (fnet_buf_ok). */
void fnet_diag_quote(fnet_buf *out, const char *s);

/* fnet_diag_quote into q, emptied first, for a printf-style message:
 * returns q's text, valid until q changes, or "?" quoted when out of
 * memory. The caller frees q (fnet_buf_free). */
const char *fnet_diag_quoted(fnet_buf *q, const char *s);

/* Prints kept messages in order, then "factnet: N more errors not shown"
 * lines for those beyond the cap. */
void fnet_diag_print(const fnet_diag *d, FILE *fp);

/* Appends src's messages and counts to d as if they had been added to d
 * one by one: d's cap applies, and the messages src counted without
 * keeping their text stay counted only. Out of memory only loses text,
 * never counts. */
void fnet_diag_append(fnet_diag *d, const fnet_diag *src);

void fnet_diag_free(fnet_diag *d);

#endif
