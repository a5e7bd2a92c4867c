/**
 * @file verify.h
 * @brief Before a chapter draws a conclusion, the functions of code/nn.c it
 * stands on are checked against what any right version must give.
 *
 * A chapter's story is only as true as the numbers under it. So before it
 * prints anything, every function of code/nn.c from its chapter and the
 * earlier ones is compared with the same quantity found another way: the
 * formula written out, a slope measured by a small step each way, a step
 * the other way, the exact bottom of the bowl. The first function that
 * disagrees stops the chapter with a few lines on stderr naming it, what it
 * gave, what was expected and where to look; one that still gives what an
 * unwritten function gives (zero, or nothing done) is called unfinished.
 * Nothing is concluded from a wrong value. With the functions right, nothing
 * is printed.
 */
#ifndef VERIFY_H
#define VERIFY_H

#include "chapter.h"

/** Exit status of a chapter stopped because a function of code/nn.c is unfinished or wrong. */
#define EXIT_UNFINISHED 3

/**
 * Checks the functions of chapters 1 to `chapter` (at most 8) in the order
 * the chapters meet them, on the run's samples (the first 1000 at most) and
 * on the article's; stops the program at the first that is unfinished or
 * wrong, with EXIT_UNFINISHED.
 */
void verify_chapters(const chapter_run *run, int chapter);

#endif /* VERIFY_H */
