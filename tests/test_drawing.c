/**
 * @file test_drawing.c
 * @brief The network drawn in text (code/support/drawing.c): each label on
 *        its wire in the order added, within 80 columns however long.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "drawing.h"

/* What drawing_print() prints for `d`, in a string to free(). */
static char *printed(const drawing *d, const char *arrow)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size), *terminal = stdout;
    assert_non_null(out);
    stdout = out;
    drawing_print(d, arrow);
    stdout = terminal;
    assert_int_equal(fclose(out), 0);
    return text;
}

static void labels_go_on_their_wires_in_the_order_added(void **state)
{
    (void)state;
    drawing d = {0};
    drawing_add(&d, "x");
    for (int k = 1; k <= 12; k++)
        drawing_add(&d, "%s %d", k <= 6 ? "top" : "bottom", k);
    drawing_add(&d, "beside");
    drawing_add(&d, "below 1");
    drawing_add(&d, "below %d", 2);
    drawing_add(&d, "one too many");
    assert_int_equal(d.count, DRAWING_LABELS);
    char *text = printed(&d, "^");
    /* Columns 19, 39 and 59 hold the wires; each label is centred on its own. */
    assert_string_equal(text,
                        "                                       x\n"
                        "                                       |\n"
                        "                   +-------------------+-------------------+\n"
                        "                   ^                                       ^\n"
                        "                 top 1                                 bottom 7\n"
                        "                 top 2                                 bottom 8\n"
                        "                   ^                                       ^\n"
                        "                 top 3                                 bottom 9\n"
                        "                 top 4                                 bottom 10\n"
                        "                   ^                                       ^\n"
                        "                 top 5                                 bottom 11\n"
                        "                 top 6                                 bottom 12\n"
                        "                   ^                                       ^\n"
                        "                   +-------------------+-------------------+\n"
                        "                                       ^  beside\n"
                        "                                    below 1\n"
                        "                                    below 2\n");
    free(text);
}

static void long_labels_are_cut_and_never_touch(void **state)
{
    (void)state;
    drawing d = {0};
    char wide[100];
    memset(wide, '7', sizeof wide - 1);
    wide[sizeof wide - 1] = '\0';
    for (int k = 0; k < DRAWING_LABELS; k++)
        drawing_add(&d, "%c%s", 'a' + k, wide);
    for (int k = 0; k < DRAWING_LABELS; k++)
        assert_int_equal(strlen(d.label[k]), DRAWING_LABEL - 1);
    char *text = printed(&d, "v");
    assert_true(widest_line(text) <= COLUMNS);
    /* Each pair of labels is apart: the top path's ends before the bottom's starts. */
    for (char top = 'b'; top <= 'g'; top++) {
        char pair[] = {top, '7', '\0'};
        const char *line = strstr(text, pair);
        assert_non_null(line);
        const char *gap = strstr(line, "7 ");
        const char *bottom = strchr(line, top + 6);
        assert_non_null(gap);
        assert_non_null(bottom);
        assert_true(gap < bottom && bottom < strchr(line, '\n'));
    }
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(labels_go_on_their_wires_in_the_order_added),
        cmocka_unit_test(long_labels_are_cut_and_never_touch),
    };
    return cmocka_run_group_tests_name("drawing", tests, NULL, NULL);
}
