/* xmlout.c - XML through libxml2's xmlTextWriter (see xmlout.h). */
#include "output/export/xmlout.h"

#include "core/text.h"

#include <errno.h>
#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#define W(x) ((xmlTextWriterPtr)(x)->writer)

/* libxml2's output callback: the document's bytes go to x->fp, and the
 * errno of a failed write is kept (libxml2 only says "write error"). */
static int put(void *ctx, const char *buf, int len)
{
    fnet_xml *x = ctx;
    errno = 0;
    if (len > 0 && fwrite(buf, 1, (size_t)len, x->fp) != (size_t)len) {
        if (!x->werrno)
            x->werrno = errno ? errno : EIO;
        return -1;
    }
    return len;
}

/* The silent error handlers: the failure itself is seen where libxml2
 * returns it (x->failed) and reported by fnet_xml_finish. */
static void quiet_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void quiet_structured(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

static void silence(fnet_xml *x)
{
    x->saved_handler[0] = (void (*)(void))xmlGenericError;
    x->saved_ctx[0] = xmlGenericErrorContext;
    x->saved_handler[1] = (void (*)(void))xmlStructuredError;
    x->saved_ctx[1] = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet_generic);
    xmlSetStructuredErrorFunc(NULL, quiet_structured);
}

static void restore(fnet_xml *x)
{
    xmlSetGenericErrorFunc(x->saved_ctx[0],
                           (xmlGenericErrorFunc)x->saved_handler[0]);
    xmlSetStructuredErrorFunc(x->saved_ctx[1],
                              (xmlStructuredErrorFunc)x->saved_handler[1]);
}

int fnet_xml_begin(fnet_xml *x, FILE *fp, fnet_err *err)
{
    *x = (fnet_xml){.fp = fp};
    silence(x);
    xmlOutputBufferPtr out = xmlOutputBufferCreateIO(put, NULL, x, NULL);
    if (!out) {
        restore(x);
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    x->writer = xmlNewTextWriter(out); /* owns out from here */
    if (!x->writer) {
        xmlOutputBufferClose(out);
        restore(x);
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    }
    if (xmlTextWriterSetIndent(W(x), 1) < 0 ||
        xmlTextWriterSetIndentString(W(x), BAD_CAST "  ") < 0 ||
        xmlTextWriterStartDocument(W(x), "1.0", "UTF-8", NULL) < 0)
        x->failed = true;
    return FNET_OK;
}

/* True for a code point XML 1.0 allows (the Char production). */
static bool xml_char(unsigned long c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

static unsigned long decode(const unsigned char *p, size_t n)
{
    if (n == 1)
        return p[0];
    unsigned long c = p[0] & (0xFF >> (n + 1));
    for (size_t i = 1; i < n; i++)
        c = (c << 6) | (p[i] & 0x3F);
    return c;
}

/* The length of the allowed character at s[i], or 0 when it is not one. */
static size_t allowed(const unsigned char *s, size_t i, size_t n)
{
    size_t len = fnet_utf8_seq_len(s + i, n - i);
    return len && xml_char(decode(s + i, len)) ? len : 0;
}

/* s itself when every character may be written, else a copy in x->clean
 * with the others replaced by U+FFFD. */
static const char *sanitise(fnet_xml *x, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0, len;
    while (i < n && (len = allowed(p, i, n)))
        i += len;
    if (i == n)
        return s;
    fnet_buf_reset(&x->clean);
    fnet_buf_append(&x->clean, s, i);
    while (i < n) {
        if ((len = allowed(p, i, n))) {
            fnet_buf_append(&x->clean, s + i, len);
            i += len;
            continue;
        }
        fnet_buf_puts(&x->clean, "\xEF\xBF\xBD");
        x->replaced++;
        len = fnet_utf8_seq_len(p + i, n - i); /* a disallowed character */
        i += len ? len : 1;                    /* or one invalid byte */
    }
    if (!fnet_buf_ok(&x->clean)) {
        x->failed = true;
        return "";
    }
    return fnet_buf_str(&x->clean);
}

void fnet_xml_start(fnet_xml *x, const char *name)
{
    if (!x->failed && xmlTextWriterStartElement(W(x), BAD_CAST name) < 0)
        x->failed = true;
}

void fnet_xml_attr(fnet_xml *x, const char *name, const char *value)
{
    if (x->failed)
        return;
    value = sanitise(x, value);
    if (!x->failed &&
        xmlTextWriterWriteAttribute(W(x), BAD_CAST name, BAD_CAST value) < 0)
        x->failed = true;
}

void fnet_xml_text(fnet_xml *x, const char *text)
{
    if (x->failed)
        return;
    text = sanitise(x, text);
    if (!x->failed && xmlTextWriterWriteString(W(x), BAD_CAST text) < 0)
        x->failed = true;
}

void fnet_xml_end(fnet_xml *x)
{
    if (!x->failed && xmlTextWriterEndElement(W(x)) < 0)
        x->failed = true;
}

void fnet_xml_element(fnet_xml *x, const char *name, const char *text)
{
    fnet_xml_start(x, name);
    fnet_xml_text(x, text);
    fnet_xml_end(x);
}

int fnet_xml_finish(fnet_xml *x, fnet_err *err)
{
    if (!x->failed &&
        (xmlTextWriterEndDocument(W(x)) < 0 || xmlTextWriterFlush(W(x)) < 0))
        x->failed = true;
    xmlFreeTextWriter(W(x)); /* may write what is left: still silenced */
    x->writer = NULL;
    restore(x);
    bool oom = !fnet_buf_ok(&x->clean);
    fnet_buf_free(&x->clean);
    if (oom)
        return fnet_err_set(err, FNET_ENOMEM, "out of memory");
    if (x->failed || x->werrno)
        return fnet_err_set(err, FNET_EIO, "write error: %s",
                            strerror(x->werrno ? x->werrno : EIO));
    return FNET_OK;
}
