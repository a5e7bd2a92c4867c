# Reads what a cmocka 1.1.5 test program printed (plain output, stdout and
# stderr together) and prints one line per test case it started:
#   case TAB ok|failed|unfinished
# and writes each failed case's messages, without cmocka's tags, to
# msgdir/program.case.txt. A case "unfinished" was running when the program
# stopped (killed by a timeout or a crash cmocka did not catch).

function close_case(status) {
    print current "\t" status
    if (status == "failed") {
        file = msgdir "/" program "." current ".txt"
        printf "%s", message > file
        close(file)
    }
    current = ""
    message = ""
}

/^\[ RUN      \] / {
    if (current != "") close_case("unfinished")
    current = substr($0, 14)
    message = ""
    next
}
/^\[       OK \] / { if (current != "") close_case("ok"); next }
/^\[  FAILED  \] / {
    if (current != "" && substr($0, 14) == current) close_case("failed")
    next
}
/^\[  (SKIPPED|PASSED)  \] |^\[==========\] / { next }
current != "" {
    # cmocka cuts long messages and puts its tags after them on the same line.
    line = $0
    while (sub(/^\[  ERROR   \] --- |^\[   LINE   \] --- /, "", line)) {}
    if (sub(/\[  ERROR   \] --- /, "\n", line)) sub(/\[   LINE   \] --- /, "", line)
    message = message line "\n"
}
END { if (current != "") close_case("unfinished") }
