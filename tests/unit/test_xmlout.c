/* test_xmlout.c - unit tests for src/output/xmlout: a failed write is
 * reported with the errno of that write, libxml2 prints nothing of its
 * own meanwhile, and the caller's libxml2 error handlers are back after
 * fnet_xml_finish. */
#include "test.h"

#include "output/export/xmlout.h"

#include <errno.h>
#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>

/* The caller's handlers: they count what libxml2 sends them. */
static int generic_calls, structured_calls;

static void caller_generic(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
    generic_calls++;
}

static void caller_structured(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
    structured_calls++;
}

/* Writes a document of n elements to fp; returns fnet_xml_finish's code. */
static int write_doc(FILE *fp, int n, fnet_err *err)
{
    fnet_xml x;
    int rc = fnet_xml_begin(&x, fp, err);
    if (rc)
        return rc;
    fnet_xml_start(&x, "graph");
    for (int i = 0; i < n; i++)
        fnet_xml_element(&x, "node", "some text to fill libxml2's buffer");
    fnet_xml_end(&x);
    return fnet_xml_finish(&x, err);
}

/* On /dev/full, unbuffered so that the failing write is libxml2's: the
 * message gives ENOSPC (libxml2 itself only says "write error", and left
 * errno at EIO before), libxml2 prints nothing (it used to print two
 * "I/O error : ..." lines), and the handlers the caller had set are in
 * place again afterwards. */
static void test_write_error(void)
{
    xmlSetGenericErrorFunc(&generic_calls, caller_generic);
    xmlSetStructuredErrorFunc(&structured_calls, caller_structured);
    FILE *fp = fopen("/dev/full", "w");
    CHECK(fp != NULL);
    if (!fp)
        return;
    setvbuf(fp, NULL, _IONBF, 0);
    fnet_err err = {0};
    CHECK_INT(write_doc(fp, 2000, &err), FNET_EIO);
    char want[128];
    snprintf(want, sizeof want, "write error: %s", strerror(ENOSPC));
    CHECK_STR(err.msg, want);
    fclose(fp);
    CHECK_INT(generic_calls, 0);
    CHECK_INT(structured_calls, 0);
    CHECK(xmlGenericError == caller_generic);
    CHECK(xmlGenericErrorContext == &generic_calls);
    CHECK(xmlStructuredError == caller_structured);
    CHECK(xmlStructuredErrorContext == &structured_calls);
    /* The caller's handler does get libxml2's errors outside the writer
     * (so the zero counts above are the silencing, not a dead handler). */
    xmlSetStructuredErrorFunc(NULL, NULL);
    fp = fopen("/dev/full", "w");
    xmlOutputBufferPtr out = fp ? xmlOutputBufferCreateFile(fp, NULL) : NULL;
    CHECK(out != NULL);
    if (out) {
        for (int i = 0; i < 2000; i++)
            xmlOutputBufferWriteString(out, "<x>text</x>");
        xmlOutputBufferClose(out);
    }
    if (fp)
        fclose(fp);
    CHECK(generic_calls > 0);
    xmlSetGenericErrorFunc(NULL, NULL);
}

/* A document that fits is written whole, and finish reports no error. */
static void test_success(void)
{
    char *s = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&s, &len);
    CHECK(fp != NULL);
    if (!fp)
        return;
    fnet_err err = {0};
    CHECK_INT(write_doc(fp, 2, &err), FNET_OK);
    fclose(fp);
    CHECK(s && strstr(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<graph>\n  <node>some text"));
    CHECK(s && strstr(s, "</graph>\n"));
    free(s);
}

int main(void)
{
    RUN(test_write_error);
    RUN(test_success);
    return TEST_REPORT();
}
