/* xmlout.h - XML output for the GraphML and GEXF exporters, through
 * libxml2's xmlTextWriter: it escapes markup characters (& < > " and the
 * white space of attribute values) and writes UTF-8, so every label reads
 * back exactly.
 *
 * XML 1.0 cannot carry every string: the control characters U+0001 to
 * U+001F other than tab, line feed and carriage return, and U+FFFE and
 * U+FFFF, are not allowed even as character references. They are written
 * as U+FFFD (the replacement character) and counted in `replaced`, so that
 * the caller can say so; invalid UTF-8 (which the loaders reject) would be
 * replaced the same way.
 *
 * Errors are sticky: after the first failure every call does nothing, and
 * fnet_xml_finish() reports it, with the errno of the write that failed
 * ("write error: No space left on device"). libxml2 would also print its
 * own "I/O error : ..." lines to stderr: from begin to finish its error
 * handlers are replaced by silent ones (libxml2 keeps them per thread),
 * and finish puts the caller's back. Use: fnet_xml_begin, then start/attr/
 * text/end calls, then exactly one fnet_xml_finish. One document at a time
 * per thread. */
#ifndef FNET_XMLOUT_H
#define FNET_XMLOUT_H

#include "core/buf.h"
#include "core/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct fnet_xml {
    void *writer;    /* xmlTextWriterPtr */
    FILE *fp;        /* where the document goes (not owned) */
    int werrno;      /* errno of the first failed write to fp; 0: none */
    fnet_buf clean;  /* scratch for sanitised text */
    size_t replaced; /* characters written as U+FFFD */
    bool failed;
    /* libxml2's generic and structured error handlers and their contexts
     * as they were before begin (function pointers as void (*)(void)). */
    void (*saved_handler[2])(void);
    void *saved_ctx[2];
} fnet_xml;

/* Starts an indented UTF-8 document on fp. Returns 0 or FNET_ENOMEM; on
 * error nothing is left to finish (and libxml2's handlers are back). */
int fnet_xml_begin(fnet_xml *x, FILE *fp, fnet_err *err);

/* Opens element name. */
void fnet_xml_start(fnet_xml *x, const char *name);

/* Adds an attribute to the element just opened. */
void fnet_xml_attr(fnet_xml *x, const char *name, const char *value);

/* Writes text as the content of the open element. */
void fnet_xml_text(fnet_xml *x, const char *text);

/* Closes the innermost open element. */
void fnet_xml_end(fnet_xml *x);

/* <name>text</name>. */
void fnet_xml_element(fnet_xml *x, const char *name, const char *text);

/* Closes every open element, writes what libxml2 holds to fp (fp itself is
 * not flushed: its owner does that) and frees the writer; restores
 * libxml2's error handlers. Returns 0, or FNET_EIO ("write error: REASON",
 * a write failed) / FNET_ENOMEM with err set. */
int fnet_xml_finish(fnet_xml *x, fnet_err *err);

#endif
