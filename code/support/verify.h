/**
 * @file verify.h
 * @brief Before a chapter prints, the functions of code/nn.c it stands on
 * are checked another way.
 *
 * Each function a student writes is compared with the same quantity found
 * by another route: its formula written out, a slope measured by a small
 * step each way, a sum made here, a descent on a bowl whose every step is
 * known. The first that disagrees stops the chapter with what it gave, what
 * the check expected and the command for its hint; one that still answers
 * as its stub does is called unfinished. Over right functions nothing is
 * printed.
 */
#ifndef VERIFY_H
#define VERIFY_H

#include "chapter.h"

/** Exit status of a chapter stopped because a function of code/nn.c is unfinished or wrong. */
#define EXIT_UNFINISHED 3

/**
 * Checks the functions of chapters 1 to `chapter` (8 at most have any) in
 * the order the chapters meet them, on the run's start and samples (the
 * first 1000), or the article's where those are too large to measure on;
 * exits with EXIT_UNFINISHED at the first that is unfinished or wrong.
 */
void verify_chapters(const chapter_run *run, int chapter);

#endif /* VERIFY_H */
