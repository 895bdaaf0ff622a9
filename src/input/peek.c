/* peek.c - the start of an input file for sniffing (see peek.h). */
#include "input/peek.h"

#include "core/diag.h"
#include "core/error.h"
#include "input/import/csvread.h"
#include "input/import/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static const char *skip_space(const char *s)
{
    while (space(*s))
        s++;
    return s;
}

/* Parses the first JSON value of the start (see fnet_peek.first). */
static void parse_first(fnet_peek *p)
{
    const char *s = skip_space(p->data), *end = NULL;
    const char *nl = memchr(p->data, '\n', p->n);
    p->line_len = nl ? (size_t)(nl - p->data) : p->n;
    while (p->line_len && p->data[p->line_len - 1] == '\r')
        p->line_len--;
    if (*s == '[') {
        s = skip_space(s + 1);
        if (*s != '{')
            return;
        p->array = true;
        p->first = cJSON_ParseWithOpts(s, &end, false);
        return;
    }
    if (*s != '{')
        return;
    p->first = cJSON_ParseWithOpts(s, &end, false);
    if (!p->first || !end)
        return;
    const char *nl2 = strchr(s, '\n');
    p->one_line = !nl2 || end <= nl2;
    const char *next = skip_space(end);
    p->lines = p->one_line && *next == '{';
}

int fnet_peek_buffer(fnet_peek *p, const char *data, size_t n)
{
    memset(p, 0, sizeof *p);
    if (n > FNET_PEEK_BYTES)
        n = FNET_PEEK_BYTES;
    if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        n -= 3;
    }
    p->data = malloc(n + 1);
    if (!p->data)
        return FNET_ENOMEM;
    memcpy(p->data, data, n);
    p->data[n] = '\0';
    p->n = strlen(p->data); /* a NUL byte ends what sniffers read */
    p->bytes = n;
    parse_first(p);
    return FNET_OK;
}

int fnet_peek_file(fnet_peek *p, const char *path)
{
    struct stat st;
    memset(p, 0, sizeof *p);
    FILE *fp = NULL;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISREG(st.st_mode))
        fp = fopen(path, "rb");
    char *buf = malloc(FNET_PEEK_BYTES);
    if (!buf) {
        if (fp)
            fclose(fp);
        return FNET_ENOMEM;
    }
    size_t n = fp ? fread(buf, 1, FNET_PEEK_BYTES, fp) : 0;
    if (fp)
        fclose(fp);
    int rc = fnet_peek_buffer(p, buf, n);
    free(buf);
    return rc;
}

void fnet_peek_free(fnet_peek *p)
{
    cJSON_Delete(p->first);
    free(p->data);
    memset(p, 0, sizeof *p);
}

bool fnet_peek_has(const cJSON *obj, const char *key)
{
    return cJSON_IsObject(obj) &&
           cJSON_GetObjectItemCaseSensitive(obj, key) != NULL;
}

size_t fnet_peek_fields(const fnet_peek *p, char sep)
{
    size_t k = 1;
    for (size_t i = 0; i < p->line_len; i++)
        k += p->data[i] == sep;
    return p->n ? k : 0;
}

bool fnet_peek_header(const fnet_peek *p, char sep, bool quoting,
                      const char *const *names)
{
    fnet_csv r;
    fnet_csv_init(&r, p->data, p->line_len, sep, quoting);
    bool yes = p->line_len && fnet_csv_next(&r) == 1;
    for (const char *const *k = names; yes && *k; k++) {
        bool found = false;
        for (size_t i = 0; i < r.n_fields && !found; i++)
            found = fnet_import_iequal(r.fields[i].text, *k);
        yes = found;
    }
    fnet_csv_free(&r);
    return yes;
}

/* Appends "with the keys" (what) and up to 8 names of obj's members,
 * quoted, or "with no keys". */
static void keys(const cJSON *obj, const char *what, fnet_buf *out)
{
    if (!obj->child) {
        fnet_buf_printf(out, " with no %s", what);
        return;
    }
    fnet_buf_printf(out, " with the %s ", what);
    const cJSON *item;
    int k = 0;
    fnet_buf q = {0};
    cJSON_ArrayForEach(item, obj)
    {
        if (k == 8) {
            fnet_buf_puts(out, ", ...");
            break;
        }
        fnet_buf_printf(out, "%s%s", k++ ? ", " : "",
                        fnet_diag_quoted(&q, item->string));
    }
    fnet_buf_free(&q);
}

void fnet_peek_describe(const fnet_peek *p, fnet_buf *out)
{
    const char *s = skip_space(p->data);
    if (!*s) {
        fnet_buf_puts(out, "an empty file");
        return;
    }
    if (p->bytes >= 16 && memcmp(p->data, "SQLite format 3", 16) == 0) {
        fnet_buf_puts(out, "an SQLite database");
    } else if (p->first && p->array) {
        fnet_buf_puts(out, "a JSON array whose first element is an object");
        keys(p->first, "fields", out);
    } else if (p->first && p->lines) {
        fnet_buf_puts(out, "JSON Lines whose first record is an object");
        keys(p->first, "fields", out);
    } else if (p->first) {
        fnet_buf_puts(out, "a JSON object");
        keys(p->first, "keys", out);
    } else if (*s == '[' || *s == '{') {
        fnet_buf_printf(out, "JSON %s", *s == '[' ? "array" : "object");
    } else {
        size_t tabs = fnet_peek_fields(p, '\t');
        size_t commas = fnet_peek_fields(p, ',');
        char sep = tabs >= commas ? '\t' : ',';
        size_t n = tabs >= commas ? tabs : commas;
        size_t cut = p->line_len < 80 ? p->line_len : 80;
        while (cut < p->line_len && (p->data[cut] & 0xC0) == 0x80)
            cut--; /* not inside a UTF-8 character */
        fnet_buf line = {0}, q = {0};
        fnet_buf_append(&line, p->data, cut);
        if (cut < p->line_len)
            fnet_buf_puts(&line, "...");
        if (n == 1)
            fnet_buf_printf(out, "text whose first line is %s",
                            fnet_diag_quoted(&q, fnet_buf_str(&line)));
        else
            fnet_buf_printf(out, "text whose first line has %zu %s fields: %s",
                            n,
                            sep == '\t' ? "tab-separated" : "comma-separated",
                            fnet_diag_quoted(&q, fnet_buf_str(&line)));
        fnet_buf_free(&line);
        fnet_buf_free(&q);
    }
}
