/* quote.c - evidence quoted from an annotated text (see quote.h). */
#include "input/import/quote.h"

#include "core/error.h"
#include "core/text.h"

#include <stdint.h>
#include <string.h>

#define ELLIPSIS " \xE2\x80\xA6 " /* " … " */

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}
static bool is_alpha(char c)
{
    return is_upper(c) || (c >= 'a' && c <= 'z');
}

static bool is_break(char c)
{
    return c == '\n' || c == '\r';
}

/* Sentence ends of other scripts, which end a sentence wherever they
 * stand (no white space needs to follow): the CJK full stops and marks
 * (U+3002 。, U+FF0E ．, U+FF01 ！, U+FF1F ？), the Arabic full stop and
 * question mark (U+06D4 ۔, U+061F ؟) and the Devanagari danda and double
 * danda (U+0964 ।, U+0965 ॥), in UTF-8. */
static const char *const wide_ends[] = {
    "\xE3\x80\x82", "\xEF\xBC\x8E", "\xEF\xBC\x81", "\xEF\xBC\x9F",
    "\xDB\x94",     "\xD8\x9F",     "\xE0\xA5\xA4", "\xE0\xA5\xA5"};

/* True when text[i] is the last byte of one of wide_ends. */
static bool ends_wide(const char *text, size_t i)
{
    for (size_t k = 0; k < sizeof wide_ends / sizeof *wide_ends; k++) {
        size_t m = strlen(wide_ends[k]);
        if (i + 1 >= m && memcmp(text + i + 1 - m, wide_ends[k], m) == 0)
            return true;
    }
    return false;
}

/* True when text[i] ends a sentence (quote.h). Looks at most
 * FNET_QUOTE_WS_LOOKAHEAD bytes ahead. */
static bool ends_sentence(const char *text, size_t len, size_t i)
{
    if ((unsigned char)text[i] >= 0x80)
        return ends_wide(text, i);
    if (!(text[i] == '.' || text[i] == '!' || text[i] == '?') ||
        !(i + 1 == len || is_ws(text[i + 1])))
        return false;
    size_t j = i + 1, stop = len - j > FNET_QUOTE_WS_LOOKAHEAD
                                 ? j + FNET_QUOTE_WS_LOOKAHEAD
                                 : len;
    while (j < stop && is_ws(text[j]))
        j++;
    if (j < stop && text[j] >= 'a' && text[j] <= 'z')
        return false;
    if (text[i] == '.' && i >= 1 && is_upper(text[i - 1]) &&
        (i == 1 || !is_alpha(text[i - 2])))
        return false;
    return true;
}

/* The start of the sentence holding byte start, or SIZE_MAX when it is
 * more than budget bytes before start. */
static size_t sentence_start(const char *t, size_t len, size_t start,
                             size_t budget)
{
    size_t a = start;
    while (a > 0 && !is_break(t[a - 1]) &&
           !(a >= 2 && is_ws(t[a - 1]) && ends_sentence(t, len, a - 2)) &&
           !((unsigned char)t[a - 1] >= 0x80 && ends_wide(t, a - 1))) {
        if (start - a == budget)
            return SIZE_MAX;
        a--;
    }
    if (a > 0 && (unsigned char)t[a - 1] >= 0x80 && ends_wide(t, a - 1))
        while (a < start && is_ws(t[a]))
            a++; /* the white space after a wide sentence end */
    return a;
}

/* The end of the sentence holding the last byte of [start, end), or
 * SIZE_MAX when it is more than budget bytes after end. */
static size_t sentence_end(const char *t, size_t len, size_t start, size_t end,
                           size_t budget)
{
    size_t b = end;
    if (b > start && ends_sentence(t, len, b - 1))
        return b;
    while (b < len && !is_break(t[b])) {
        if (b - end == budget)
            return SIZE_MAX;
        if (ends_sentence(t, len, b++))
            break;
    }
    return b;
}

void fnet_quoter_init(fnet_quoter *q, const char *text, size_t len,
                      size_t max_bytes, fnet_arena *out)
{
    memset(q, 0, sizeof *q);
    q->text = text;
    q->len = len;
    q->max_bytes = max_bytes < 16 ? 16 : max_bytes;
    q->out = out;
}

void fnet_quoter_text(fnet_quoter *q, const char *text, size_t len)
{
    fnet_strmap_free(&q->index);
    fnet_arena_free(&q->keys);
    q->text = text;
    q->len = len;
}

void fnet_quoter_free(fnet_quoter *q)
{
    fnet_strmap_free(&q->index);
    fnet_arena_free(&q->keys);
    fnet_buf_free(&q->tmp);
}

/* The quote's pieces: [p[0], p[1]) and, when cut in the middle,
 * [p[2], p[3]). Returns true when the quote is whole sentences. */
static bool pieces(const fnet_quoter *q, size_t start, size_t end, size_t p[4])
{
    const char *t = q->text;
    size_t max = q->max_bytes;
    p[2] = p[3] = 0;
    if (end - start <= max && q->span_only) {
        p[0] = start;
        p[1] = end;
        return true;
    }
    if (end - start <= max) {
        size_t a = sentence_start(t, q->len, start, max - (end - start));
        size_t b = a == SIZE_MAX
                       ? SIZE_MAX
                       : sentence_end(t, q->len, start, end, max - (end - a));
        p[0] = b == SIZE_MAX ? start : a;
        p[1] = b == SIZE_MAX ? end : b;
        return b != SIZE_MAX;
    }
    size_t room = max - (sizeof ELLIPSIS - 1);
    size_t head = start + room / 2, tail = end - (room - room / 2);
    while (head > start && (t[head] & 0xC0) == 0x80)
        head--; /* whole characters only */
    while (tail < end && (t[tail] & 0xC0) == 0x80)
        tail++;
    p[0] = start;
    p[1] = head;
    p[2] = tail;
    p[3] = end;
    return false;
}

int fnet_quoter_quote(fnet_quoter *q, size_t start, size_t end,
                      const char **out)
{
    *out = NULL;
    start = start > q->len ? q->len : start;
    end = end > q->len ? q->len : end < start ? start : end;
    size_t p[4], v;
    if (!pieces(q, start, end, p))
        q->cut++;
    if (fnet_strmap_get(&q->index, (const char *)p, sizeof p, &v)) {
        *out = (const char *)(uintptr_t)v;
        return FNET_OK;
    }
    fnet_buf_reset(&q->tmp);
    fnet_text_fold_n(&q->tmp, q->text + p[0], p[1] - p[0], false);
    if (p[3] > p[2]) {
        fnet_buf_puts(&q->tmp, ELLIPSIS);
        fnet_text_fold_n(&q->tmp, q->text + p[2], p[3] - p[2], false);
    }
    char *key = fnet_arena_alloc(&q->keys, sizeof p);
    char *quote = fnet_buf_ok(&q->tmp)
                      ? fnet_arena_strndup(q->out, q->tmp.data, q->tmp.len)
                      : NULL;
    if (!key || !quote)
        return FNET_ENOMEM;
    memcpy(key, p, sizeof p);
    if (fnet_strmap_put(&q->index, key, sizeof p, (size_t)(uintptr_t)quote))
        return FNET_ENOMEM;
    *out = quote;
    return FNET_OK;
}
