/**
 * @file verify.h
 * @brief Before a chapter prints, each function of code/nn.c a student
 * writes is checked another way: against its formula written out, a slope
 * measured by a small step each way, a sum made there, or a descent on a
 * bowl whose every step is known.
 */
#ifndef VERIFY_H
#define VERIFY_H

/** Exit status of a chapter stopped because a function of code/nn.c is unfinished or wrong. */
#define EXIT_UNFINISHED 3

/** Checks the functions of chapters 1 to `chapter` in the order they meet them, at the
    article's parameters and samples. At the first unfinished or wrong one it prints what
    the function gave, what was expected and the command for its hint, after `program: `,
    and exits with EXIT_UNFINISHED; over right functions it prints nothing. */
void verify_chapters(const char *program, int chapter);

#endif /* VERIFY_H */
