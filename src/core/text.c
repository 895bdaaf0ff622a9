/* text.c - UTF-8 checks, name folding, edit distance (see text.h). */
#include "core/text.h"

#include <stdlib.h>
#include <string.h>

size_t fnet_utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned cp;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

bool fnet_utf8_valid(const char *s, size_t n, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t len = fnet_utf8_seq_len(p + i, n - i);
        if (len == 0) {
            if (bad)
                *bad = i;
            return false;
        }
        i += len;
    }
    return true;
}

size_t fnet_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

void fnet_text_line_col(const char *s, size_t off, size_t *line, size_t *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off; i++) {
        if (s[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

size_t fnet_text_space_len(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n == 0)
        return 0;
    if (p[0] == ' ' || (p[0] >= '\t' && p[0] <= '\r'))
        return 1;
    if (n >= 2 && p[0] == 0xC2 && (p[1] == 0x85 || p[1] == 0xA0))
        return 2;
    if (n < 3)
        return 0;
    if (p[0] == 0xE1 && p[1] == 0x9A && p[2] == 0x80) /* U+1680 */
        return 3;
    if (p[0] == 0xE2 && p[1] == 0x80 && /* U+2000..200A, 2028, 2029, 202F */
        ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xA8 || p[2] == 0xA9 ||
         p[2] == 0xAF))
        return 3;
    if (p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0x9F) /* U+205F */
        return 3;
    if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) /* U+3000 */
        return 3;
    return 0;
}

void fnet_text_fold_n(fnet_buf *out, const char *s, size_t n, bool casefold)
{
    bool pending_space = false, started = false;
    size_t i = 0;
    while (i < n) {
        size_t sp = fnet_text_space_len(s + i, n - i);
        if (sp) {
            pending_space = started;
            i += sp;
            continue;
        }
        if (pending_space)
            fnet_buf_putc(out, ' ');
        pending_space = false;
        started = true;
        char c = s[i++];
        if (casefold && c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        fnet_buf_putc(out, c);
    }
    if (!out->data)
        fnet_buf_append(out, "", 0);
}

void fnet_text_fold(fnet_buf *out, const char *s, bool casefold)
{
    fnet_text_fold_n(out, s, strlen(s), casefold);
}

static char fold_ascii(char c, bool casefold)
{
    return casefold && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static size_t distance(const char *a, const char *b, size_t max, bool casefold)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > max)
        return max + 1;
    size_t *row = malloc((lb + 1) * sizeof *row);
    if (!row)
        return max + 1;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0], best = i;
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t cost =
                fold_ascii(a[i - 1], casefold) == fold_ascii(b[j - 1], casefold)
                    ? 0
                    : 1;
            size_t v = prev + cost;
            if (row[j] + 1 < v)
                v = row[j] + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            prev = cur;
            if (v < best)
                best = v;
        }
        if (best > max) {
            free(row);
            return max + 1;
        }
    }
    size_t d = row[lb];
    free(row);
    return d;
}

size_t fnet_text_distance(const char *a, const char *b, size_t max)
{
    return distance(a, b, max, false);
}

void fnet_text_nearest_init(fnet_text_nearest *n, const char *want, size_t len)
{
    n->skip = len >= FNET_TEXT_NEAREST_MAX;
    len = n->skip ? 0 : len;
    memcpy(n->want, want, len);
    n->want[len] = '\0';
    n->max = len / 3 > 2 ? len / 3 : 2;
    n->dist = n->max + 1;
    n->best = NULL;
}

void fnet_text_nearest_offer(fnet_text_nearest *n, const char *name)
{
    if (n->skip)
        return;
    size_t d = distance(n->want, name, n->max, true);
    /* A name that shares nothing with want is no suggestion ("x", "md"). */
    if (d < n->dist && d < strlen(n->want) && d < strlen(name)) {
        n->dist = d;
        n->best = name;
    }
}

void fnet_text_words(fnet_buf *out, const char *s)
{
    for (; *s; s++)
        fnet_buf_putc(out, *s == '_' ? ' ' : *s);
}
