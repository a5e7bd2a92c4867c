/*
 * The judge: decides, outside the student's process, whether each case of a
 * task was answered right. It reads the cases (from the checker, cases.c),
 * the answers the reference gave and the answers the student's build gave
 * (both written by harness.c), and prints one line per case:
 *
 *     ok TAB CASE TAB TAB what the case checks
 *     fail TAB CASE TAB what went wrong, naming the quantity TAB what it checks
 *
 * Hidden cases never show their inputs or values, only how far off they are.
 * Nothing the student's code printed counts but lines "=KEY VALUES" for the
 * keys asked; a key answered twice with different values is wrong. Only the
 * keys asked are kept, in a hash table: 64 MB of answers take a second, and
 * what this prints holds no byte of them but numbers it formats itself.
 *
 *     judge CASES EXPECTED ANSWERS
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE 200000
#define SLOTS 65536 /* a power of two, well above the keys a task asks */

typedef struct answer {
    char *key;
    char *values[2]; /* the reference's and the student's */
    int twice[2];
} answer;

static answer table[SLOTS];
static char line[MAX_LINE];

static char *copy(const char *s)
{
    char *c = malloc(strlen(s) + 1);
    if (c == NULL) {
        fprintf(stderr, "judge: out of memory\n");
        exit(2);
    }
    return strcpy(c, s);
}

static unsigned long hash(const char *s)
{
    unsigned long h = 5381;
    for (; *s; s++)
        h = h * 33u + (unsigned char)*s;
    return h;
}

/* The slot of key: its own, or the empty one where it would go (add). */
static answer *find(const char *key, int add)
{
    static int used;
    for (unsigned long i = hash(key) & (SLOTS - 1);; i = (i + 1) & (SLOTS - 1)) {
        if (table[i].key == NULL) {
            if (!add)
                return NULL;
            if (++used > SLOTS / 2) {
                fprintf(stderr, "judge: too many checks\n");
                exit(2);
            }
            table[i].key = copy(key);
            return &table[i];
        }
        if (strcmp(table[i].key, key) == 0)
            return &table[i];
    }
}

/* Reads the "=KEY VALUES" lines of a harness run into side 0 (the
   reference's) or 1 (the student's), for the keys asked only. A line too
   long is read in pieces, of which only a first can count. */
static void read_answers(const char *path, int side)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return;
    int fresh = 1; /* at the start of a line */
    while (fgets(line, sizeof line, f) != NULL) {
        size_t length = strcspn(line, "\n");
        int start = fresh;
        fresh = line[length] == '\n';
        line[length] = '\0';
        if (!start || line[0] != '=')
            continue;
        char *values = line + 1 + strcspn(line + 1, " ");
        if (*values != '\0')
            *values++ = '\0';
        answer *a = find(line + 1, 0);
        if (a == NULL)
            continue;
        if (a->values[side] != NULL)
            a->twice[side] |= strcmp(a->values[side], values) != 0;
        else
            a->values[side] = copy(values);
    }
    fclose(f);
}

/* Name number i (from 0) of a list "a;b;c|row %d: x;row %d: y", whose part
   after | repeats, numbered from 1. */
static void name_of(const char *names, int i, char *out, size_t size)
{
    const char *bar = strchr(names, '|');
    size_t fixed_len = bar ? (size_t)(bar - names) : strlen(names);
    int fixed = 0, repeated = 0;
    for (size_t k = 0; k < fixed_len; k++)
        fixed += names[k] == ';';
    fixed += fixed_len > 0;
    if (bar)
        for (const char *k = bar + 1; *k; k++)
            repeated += *k == ';';
    repeated += bar != NULL;
    const char *from = names;
    int index = i, round = 0;
    if (i >= fixed && repeated > 0) {
        from = bar + 1;
        index = (i - fixed) % repeated;
        round = (i - fixed) / repeated + 1;
    } else if (i >= fixed) {
        snprintf(out, size, "value %d", i + 1);
        return;
    }
    for (int k = 0; k < index; k++)
        from = strchr(from, ';') + 1;
    char pattern[256];
    size_t len = strcspn(from, ";|");
    if (len >= sizeof pattern)
        len = sizeof pattern - 1;
    memcpy(pattern, from, len);
    pattern[len] = '\0';
    char *at = strstr(pattern, "%d");
    if (at) {
        *at = '\0';
        snprintf(out, size, "%s%d%s", pattern, round, at + 2);
    } else {
        snprintf(out, size, "%s", pattern);
    }
}

/* A value as feedback shows it: a whole number as such, or its label when
   the name ends with labels for 0, 1, ... as "how it ended{converged,...}"
   (labels points after the "{"). */
static void show(double v, int integer, int digits, const char *labels, char *out, size_t size)
{
    if (integer && labels != NULL && v >= 0.0 && v < 16.0) {
        const char *label = labels;
        for (int k = 0; k < (int)v && label != NULL; k++)
            label = strchr(label, ',') ? strchr(label, ',') + 1 : NULL;
        if (label != NULL) {
            snprintf(out, size, "%.*s", (int)strcspn(label, ",}"), label);
            return;
        }
    }
    if (integer && fabs(v) < 1e15)
        snprintf(out, size, "%.0f", v);
    else
        snprintf(out, size, "%.*g", digits, v);
}

/* Compares one answer with the expected one; on a difference writes what
   went wrong to why and returns 0. */
static int compare(const char *want, const char *have, double rtol, double atol, const char *names,
                   const char *where, int hidden, char *why, size_t size)
{
    char *w = (char *)want, *h = (char *)have, name[300];
    for (int i = 0;; i++) {
        while (*w == ' ')
            w++;
        while (*h == ' ')
            h++;
        if (*w == '\0' && *h == '\0')
            return 1;
        name_of(names, i, name, sizeof name);
        if (*w == '\0' || *h == '\0') {
            snprintf(why, size, "%s%s: %s", name, where,
                     *w == '\0' ? "more values than expected" : "fewer values than expected");
            return 0;
        }
        int integer = strcspn(w, " ") == strspn(w, "-0123456789");
        char *labels = strchr(name, '{');
        if (labels != NULL)
            *labels = '\0'; /* the name alone; the labels stay after it */
        char *end_w, *end_h;
        double e = strtod(w, &end_w), g = strtod(h, &end_h);
        if (end_h == h || (*end_h != ' ' && *end_h != '\0')) {
            snprintf(why, size, "%s%s: not a number", name, where);
            return 0;
        }
        w = end_w;
        h = end_h;
        double diff = fabs(g - e);
        int same = (isnan(e) && isnan(g)) || g == e ||
                   (isfinite(diff) && (diff <= atol || diff <= rtol * fmax(fabs(e), fabs(g))));
        if (same)
            continue;
        double relative = e != 0.0 ? diff / fabs(e) : INFINITY;
        char gs[64], es[64], rs[64];
        int digits = 3;
        do {
            show(g, integer, digits, labels ? labels + 1 : NULL, gs, sizeof gs);
            show(e, integer, digits, labels ? labels + 1 : NULL, es, sizeof es);
            digits += 3;
        } while (strcmp(gs, es) == 0 && digits <= 18);
        snprintf(rs, sizeof rs, isfinite(relative) ? "relative error %.2g" : "off by %.3g",
                 isfinite(relative) ? relative : diff);
        if (hidden && integer)
            snprintf(why, size, "%s%s: wrong", name, where);
        else if (hidden)
            snprintf(why, size, "%s%s: wrong (%s)", name, where, rs);
        else if (integer || !isfinite(g) || !isfinite(e))
            snprintf(why, size, "%s%s: got %s, expected %s", name, where, gs, es);
        else
            snprintf(why, size, "%s%s: got %s, expected %s (%s)", name, where, gs, es, rs);
        return 0;
    }
}

/* Splits a line of the cases into its tab-separated fields. */
static void fields(char *s, char *field[6])
{
    for (int k = 0; k < 6; k++) {
        field[k] = s;
        if (s != NULL && (s = strchr(s, '\t')) != NULL)
            *s++ = '\0';
    }
}

/* What a case checks, for the list of checks: the function and the case's
   text, or else its first quantity's name, as "softplus(-745)". */
static void label_of(const char *id, const char *where, const char *names, char *out, size_t size)
{
    if (where[0] != '\0')
        snprintf(out, size, "%.*s%s", (int)strcspn(id, "."), id, where);
    else
        snprintf(out, size, "%.*s", (int)strcspn(names, ";|{"), names);
}

static void verdict(const char *id, int failed, const char *why, const char *label)
{
    if (id[0] != '\0')
        printf("%s\t%s\t%s\t%s\n", failed ? "fail" : "ok", id, failed ? why : "", label);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: judge CASES EXPECTED ANSWERS\n");
        return 2;
    }
    FILE *cases = fopen(argv[1], "r");
    if (cases == NULL) {
        fprintf(stderr, "judge: cannot read %s\n", argv[1]);
        return 2;
    }
    char *field[6];
    while (fgets(line, sizeof line, cases) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        fields(line, field);
        if (strcmp(field[0], "ask") == 0 && field[5])
            find(field[1], 1);
    }
    rewind(cases);
    read_answers(argv[2], 0);
    read_answers(argv[3], 1);
    char current[64] = "", where[512] = "", why[1024] = "", label[600] = "";
    int hidden = 0, failed = 0, status = 0;
    while (fgets(line, sizeof line, cases) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        fields(line, field);
        if (strcmp(field[0], "case") == 0 && field[3]) {
            verdict(current, failed, why, label);
            snprintf(current, sizeof current, "%s", field[1]);
            hidden = strcmp(field[2], "hidden") == 0;
            snprintf(where, sizeof where, "%s%s", field[3][0] ? " " : "", field[3]);
            failed = 0;
            label[0] = '\0';
        } else if (strcmp(field[0], "ask") == 0 && field[5]) {
            if (label[0] == '\0')
                label_of(current, where, field[4], label, sizeof label);
            if (failed)
                continue;
            answer *a = find(field[1], 0);
            if (a->values[0] == NULL || a->twice[0]) {
                fprintf(stderr, "judge: the reference gave no answer to %s\n", field[1]);
                status = 2;
            } else if (a->values[1] == NULL) {
                snprintf(why, sizeof why, "no answer%s: the program stopped before it (a crash, "
                         "an exit or an endless loop?)", where);
                failed = 1;
            } else if (a->twice[1]) {
                snprintf(why, sizeof why, "two different answers%s", where);
                failed = 1;
            } else {
                failed = !compare(a->values[0], a->values[1], atof(field[2]), atof(field[3]),
                                  field[4], where, hidden, why, sizeof why);
            }
        }
    }
    verdict(current, failed, why, label);
    fclose(cases);
    return status;
}
