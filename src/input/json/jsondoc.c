/* jsondoc.c - JSON fact documents into the corpus (see jsondoc.h). */
#include "input/json/jsondoc.h"

#include "core/infile.h"
#include "input/json/jsonl.h"
#include "input/json/jsontext.h"
#include "input/json/records.h"

#include <stdlib.h>
#include <string.h>

static void too_large(fnet_diag *d, const char *name, uint64_t limit)
{
    fnet_diag_add(d, FNET_SEV_ERROR, NULL,
                  "%s: file larger than the limit "
                  "of %llu bytes for a JSON document (use JSON Lines for "
                  "large corpora)",
                  name, (unsigned long long)limit);
}

/* Loads the document text[0..len) (text[len] is NUL). */
static int load_document(fnet_corpus *c, const char *name, const char *text,
                         size_t len, fnet_diag *d, fnet_err *err)
{
    fnet_records x;
    if (fnet_records_begin(&x, c, name, d) != FNET_OK) {
        fnet_records_end(&x);
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    }
    int rc = FNET_OK;
    bool big = len > c->limits.document_bytes; /* as for files */
    size_t bom = fnet_json_bom(text, len);
    text += bom;
    len -= bom;
    if (big) {
        too_large(d, name, c->limits.document_bytes);
    } else if (fnet_json_blank(text, len)) {
        fnet_records_empty_file(d, name, false);
    } else {
        cJSON *root;
        rc = fnet_json_parse(d, &c->limits, name, text, len, 1, &root);
        fnet_jsonpos pos = {0};
        if (rc == FNET_OK)
            rc = fnet_jsonpos_build_top(&pos, text, len, root, 1, 2);
        if (rc == FNET_OK) {
            x.pos = &pos;
            fnet_records_document(&x, root);
        }
        x.pos = NULL;
        fnet_jsonpos_free(&pos);
        cJSON_Delete(root);
        if (rc == FNET_EDATA) {
            rc = FNET_OK; /* reported */
        } else if (rc != FNET_OK) {
            rc = fnet_err_set(err, rc, "%s: out of memory", name);
        }
        rc = fnet_records_outcome(&x, name, rc, err);
    }
    fnet_records_end(&x);
    return rc;
}

int fnet_load_buffer(fnet_corpus *c, const char *name, const char *data,
                     size_t len, bool jsonl, fnet_diag *d, fnet_err *err)
{
    char *copy = malloc(len + 1); /* the caller's data is const */
    if (!copy)
        return fnet_err_set(err, FNET_ENOMEM, "%s: out of memory", name);
    memcpy(copy, data, len);
    copy[len] = '\0';
    int rc = jsonl ? fnet_jsonl_text(c, name, copy, len, d, err)
                   : load_document(c, name, copy, len, d, err);
    free(copy);
    return rc;
}

int fnet_jsondoc_read(fnet_corpus *c, const char *name, FILE *fp, fnet_diag *d,
                      fnet_err *err)
{
    /* The document is parsed in the buffer it was read into: no copy. */
    char *data = NULL;
    size_t len = 0;
    int rc =
        fnet_infile_read(fp, name, c->limits.document_bytes, &data, &len, err);
    if (rc == FNET_EDATA) { /* too large: a located data error */
        too_large(d, name, c->limits.document_bytes);
        rc = FNET_OK;
    } else if (rc == FNET_OK) {
        rc = load_document(c, name, data, len, d, err);
    }
    free(data);
    return rc;
}
