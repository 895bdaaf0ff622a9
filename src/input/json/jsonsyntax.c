/* jsonsyntax.c - strict JSON syntax check (see jsonsyntax.h). */
#include "input/json/jsonsyntax.h"

#include "core/text.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NO_OPENER ((size_t)-1)

typedef struct scan {
    const unsigned char *s;
    size_t n, i;
    size_t first_line, max_string;
    unsigned max_depth;
    uint64_t values, max_values; /* values seen, and the limit */
    fnet_json_problem *p;
} scan;

/* Records the problem at byte offset off; returns false for `return fail()`.
 * Columns count code points, so a column matches what an editor shows. */
static bool fail(scan *x, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void line_col(const scan *x, size_t off, size_t *line, size_t *col)
{
    *line = x->first_line;
    *col = 1;
    for (size_t i = 0; i < off && i < x->n; i++) {
        if (x->s[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if ((x->s[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

static bool fail(scan *x, size_t off, const char *fmt, ...)
{
    line_col(x, off, &x->p->line, &x->p->column);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(x->p->msg, sizeof x->p->msg, fmt, ap);
    va_end(ap);
    return false;
}

static void skip_ws(scan *x)
{
    while (x->i < x->n && (x->s[x->i] == ' ' || x->s[x->i] == '\t' ||
                           x->s[x->i] == '\n' || x->s[x->i] == '\r'))
        x->i++;
}

/* Code point of the valid UTF-8 sequence of len bytes at p. */
static unsigned code_point(const unsigned char *p, size_t len)
{
    static const unsigned char lead_mask[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    unsigned cp = p[0] & lead_mask[len];
    for (size_t k = 1; k < len; k++)
        cp = (cp << 6) | (p[k] & 0x3F);
    return cp;
}

/* Reports the character at off as unexpected: "WHAT, got 'x'". NUL bytes
 * and invalid UTF-8 get their own messages wherever they occur. */
static bool unexpected(scan *x, size_t off, const char *what)
{
    if (off >= x->n)
        return fail(x, off, "invalid JSON: %s, got the end of the input", what);
    const unsigned char *p = x->s + off;
    unsigned char c = *p;
    if (c == 0)
        return fail(x, off, "NUL byte in input");
    if (c < 0x20 || c == 0x7F)
        return fail(x, off, "invalid JSON: %s, got control character U+%04X",
                    what, c);
    bool after_value = strncmp(what, "expected ','", 12) == 0;
    if (c < 0x80) {
        const char *hint = c == '\''  ? " (strings need double quotes)"
                           : c == '/' ? " (JSON has no comments)"
                           : strchr("\"{[", c) && after_value
                               ? " (missing comma?)"
                               : "";
        return fail(x, off, "invalid JSON: %s, got '%c'%s", what, c, hint);
    }
    size_t len = fnet_utf8_seq_len(p, x->n - off);
    if (!len)
        return fail(x, off, "invalid UTF-8 byte sequence");
    unsigned cp = code_point(p, len);
    if (cp < 0xA0) /* C1 controls: never sent to the terminal raw */
        return fail(x, off, "invalid JSON: %s, got control character U+%04X",
                    what, cp);
    bool quote = cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019;
    return fail(x, off, "invalid JSON: %s, got '%.*s' (U+%04X)%s", what,
                (int)len, (const char *)p, cp,
                quote ? "; JSON strings need straight double quotes" : "");
}

/* End of input inside an object or array: name the bracket left open. */
static bool unclosed(scan *x, size_t opener)
{
    if (opener == NO_OPENER)
        return fail(x, x->n, "invalid JSON: unexpected end of input");
    size_t line, col;
    line_col(x, opener, &line, &col);
    return fail(x, x->n,
                "invalid JSON: unexpected end of input: the '%c' at line %zu, "
                "column %zu is not closed",
                x->s[opener], line, col);
}

static bool is_hex(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
           (c >= 'A' && c <= 'F');
}

/* Value of the 4 hex digits at p (all checked with is_hex). */
static unsigned hex4(const unsigned char *p)
{
    unsigned v = 0;
    for (int k = 0; k < 4; k++)
        v = v * 16 + (unsigned)(p[k] <= '9'   ? p[k] - '0'
                                : p[k] >= 'a' ? p[k] - 'a' + 10
                                              : p[k] - 'A' + 10);
    return v;
}

/* True when a \u and 4 hex digits are at off. */
static bool u_escape_at(const scan *x, size_t off)
{
    if (x->n - off < 6 || x->s[off] != '\\' || x->s[off + 1] != 'u')
        return false;
    for (size_t k = 2; k < 6; k++)
        if (!is_hex(x->s[off + k]))
            return false;
    return true;
}

/* A \uXXXX escape at x->i (the backslash) of the string opened at start;
 * advances past it, and past the low half of a surrogate pair. */
static bool unicode_escape(scan *x, size_t start)
{
    size_t at = x->i, k = 0, avail = x->n - at - 2;
    while (k < 4 && k < avail && is_hex(x->s[at + 2 + k]))
        k++;
    if (k < 4 && k == avail)
        return fail(x, start, "invalid JSON: unterminated string");
    if (k < 4)
        return fail(x, at, "invalid JSON: \\u escape needs 4 hex digits");
    unsigned u = hex4(x->s + at + 2);
    if (u == 0)
        return fail(x, at, "NUL character (\\u0000) in string");
    if (u >= 0xDC00 && u <= 0xDFFF)
        return fail(x, at, "invalid JSON: unpaired surrogate escape \\u%04X",
                    u);
    x->i += 6;
    if (u < 0xD800 || u > 0xDBFF)
        return true;
    unsigned lo = u_escape_at(x, x->i) ? hex4(x->s + x->i + 2) : 0;
    if (lo < 0xDC00 || lo > 0xDFFF)
        return fail(x, at, "invalid JSON: unpaired surrogate escape \\u%04X",
                    u);
    x->i += 6;
    return true;
}

/* The JSON escape that writes control character c: \t, \r, \b, \f or
 * \u00XX (\n never gets here: a raw line break ends the string's line). */
static const char *control_escape(unsigned char c, char out[8])
{
    const char *named = c == '\t'   ? "\\t"
                        : c == '\r' ? "\\r"
                        : c == '\b' ? "\\b"
                        : c == '\f' ? "\\f"
                                    : NULL;
    if (named)
        return named;
    snprintf(out, 8, "\\u%04X", c);
    return out;
}

/* A string at x->i (the opening quote). */
static bool string(scan *x)
{
    size_t start = x->i++;
    for (;;) {
        if (x->i - start - 1 > x->max_string)
            return fail(x, start, "string longer than the limit of %zu bytes",
                        x->max_string);
        if (x->i >= x->n)
            return fail(x, start, "invalid JSON: unterminated string");
        unsigned char c = x->s[x->i];
        if (c == '"') {
            x->i++;
            return true;
        }
        if (c == '\\') {
            if (x->i + 1 >= x->n)
                return fail(x, start, "invalid JSON: unterminated string");
            unsigned char e = x->s[x->i + 1];
            if (e == 'u') {
                if (!unicode_escape(x, start))
                    return false;
            } else if (e == 0) {
                return fail(x, x->i + 1, "NUL byte in input");
            } else if (strchr("\"\\/bfnrt", e)) {
                x->i += 2;
            } else if (e >= 0x20 && e < 0x7F) {
                return fail(
                    x, x->i,
                    "invalid JSON: unknown escape '\\%c' in string (valid: "
                    "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
                    e);
            } else {
                return fail(x, x->i,
                            "invalid JSON: bad escape in string (a backslash "
                            "must be followed by one of \"\\/bfnrtu)");
            }
            continue;
        }
        if (c == '\n')
            return fail(x, start,
                        "invalid JSON: unterminated string (a string cannot "
                        "span lines; write \\n for a line break)");
        if (c == 0)
            return fail(x, x->i, "NUL byte in input");
        char esc[8];
        if (c < 0x20)
            return fail(x, x->i,
                        "invalid JSON: control character in a "
                        "string (write it as %s)",
                        control_escape(c, esc));
        if (c < 0x80) {
            x->i++;
            continue;
        }
        size_t len = fnet_utf8_seq_len(x->s + x->i, x->n - x->i);
        if (!len)
            return fail(x, x->i, "invalid UTF-8 byte sequence");
        x->i += len;
    }
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool is_word(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c == '_' || c == '.' || c == '+' || c == '-';
}

/* The token at start, for messages: up to 24 word characters. */
static int token_len(const scan *x, size_t start)
{
    size_t k = start;
    while (k < x->n && k - start < 24 && is_word(x->s[k]))
        k++;
    return (int)(k - start ? k - start : 1);
}

static bool number(scan *x)
{
    size_t start = x->i;
    const char *tok = (const char *)x->s + start;
    if (x->s[x->i] == '-')
        x->i++;
    if (x->i < x->n && x->s[x->i] == '0') {
        x->i++;
        if (x->i < x->n && is_digit(x->s[x->i]))
            return fail(
                x, start,
                "invalid JSON: malformed number '%.*s' (no leading zeros)",
                token_len(x, start), tok);
    } else if (x->i < x->n && is_digit(x->s[x->i])) {
        while (x->i < x->n && is_digit(x->s[x->i]))
            x->i++;
    } else {
        return fail(x, start, "invalid JSON: malformed number '%.*s'",
                    token_len(x, start), tok);
    }
    if (x->i < x->n && x->s[x->i] == '.') {
        x->i++;
        if (x->i >= x->n || !is_digit(x->s[x->i]))
            return fail(x, start,
                        "invalid JSON: malformed number '%.*s' (digits must "
                        "follow the decimal point)",
                        token_len(x, start), tok);
        while (x->i < x->n && is_digit(x->s[x->i]))
            x->i++;
    }
    if (x->i < x->n && (x->s[x->i] == 'e' || x->s[x->i] == 'E')) {
        x->i++;
        if (x->i < x->n && (x->s[x->i] == '+' || x->s[x->i] == '-'))
            x->i++;
        if (x->i >= x->n || !is_digit(x->s[x->i]))
            return fail(x, start,
                        "invalid JSON: malformed number '%.*s' (digits must "
                        "follow the exponent)",
                        token_len(x, start), tok);
        while (x->i < x->n && is_digit(x->s[x->i]))
            x->i++;
    }
    return true;
}

/* true, false, null; any other bare word is reported whole. */
static bool literal(scan *x)
{
    size_t start = x->i, k = start;
    while (k < x->n && (is_word(x->s[k]) && x->s[k] != '.' && x->s[k] != '+' &&
                        x->s[k] != '-'))
        k++;
    size_t len = k - start;
    const char *w = (const char *)x->s + start;
    if ((len == 4 && memcmp(w, "true", 4) == 0) ||
        (len == 5 && memcmp(w, "false", 5) == 0) ||
        (len == 4 && memcmp(w, "null", 4) == 0)) {
        x->i = k;
        return true;
    }
    return fail(
        x, start,
        "invalid JSON: '%.*s' is not a value (expected a string in double "
        "quotes, a number, true, false or null)",
        (int)(len > 24 ? 24 : len), w);
}

static bool value(scan *x, unsigned depth, size_t opener);

static bool container(scan *x, unsigned depth)
{
    size_t opener = x->i;
    bool obj = x->s[opener] == '{';
    char close = obj ? '}' : ']';
    if (depth > x->max_depth)
        return fail(x, opener, "nesting deeper than the limit of %u levels",
                    x->max_depth);
    x->i++;
    skip_ws(x);
    if (x->i < x->n && x->s[x->i] == close) {
        x->i++;
        return true;
    }
    for (;;) {
        skip_ws(x);
        if (x->i >= x->n)
            return unclosed(x, opener);
        if (obj) {
            if (x->s[x->i] != '"')
                return unexpected(x, x->i, "expected a key in double quotes");
            if (!string(x))
                return false;
            skip_ws(x);
            if (x->i >= x->n)
                return unclosed(x, opener);
            if (x->s[x->i] != ':')
                return unexpected(x, x->i, "expected ':' after the key");
            x->i++;
        }
        if (!value(x, depth, opener))
            return false;
        skip_ws(x);
        if (x->i >= x->n)
            return unclosed(x, opener);
        unsigned char c = x->s[x->i];
        if (c == close) {
            x->i++;
            return true;
        }
        if (c != ',') {
            char what[24];
            snprintf(what, sizeof what, "expected ',' or '%c'", close);
            return unexpected(x, x->i, what);
        }
        size_t comma = x->i++;
        skip_ws(x);
        if (x->i < x->n && x->s[x->i] == close)
            return fail(x, comma, "invalid JSON: trailing comma before '%c'",
                        close);
    }
}

static bool value(scan *x, unsigned depth, size_t opener)
{
    skip_ws(x);
    if (x->i >= x->n)
        return unclosed(x, opener);
    if (++x->values > x->max_values)
        return fail(x, x->i, "more than %llu JSON values in one document",
                    (unsigned long long)x->max_values);
    unsigned char c = x->s[x->i];
    if (c == '{' || c == '[')
        return container(x, depth + 1);
    if (c == '"')
        return string(x);
    if (c == '-' || is_digit(c))
        return number(x);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')
        return literal(x);
    if (c == '.' || c == '+')
        return fail(x, x->i, "invalid JSON: malformed number '%.*s'",
                    token_len(x, x->i), (const char *)x->s + x->i);
    return unexpected(x, x->i, "expected a value");
}

bool fnet_json_check(const char *s, size_t n, size_t first_line,
                     const fnet_limits *lim, fnet_json_problem *out)
{
    fnet_limits def = FNET_LIMITS_DEFAULT;
    if (!lim)
        lim = &def;
    scan x = {.s = (const unsigned char *)s,
              .n = n,
              .first_line = first_line,
              .max_string = lim->string_bytes > SIZE_MAX
                                ? SIZE_MAX
                                : (size_t)lim->string_bytes,
              .max_depth = lim->depth,
              .max_values = lim->values,
              .p = out};
    if (!value(&x, 0, NO_OPENER))
        return false;
    skip_ws(&x);
    if (x.i < n)
        return unexpected(&x, x.i,
                          "expected the end of the input after the "
                          "JSON value");
    return true;
}
