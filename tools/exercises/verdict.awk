# Sums up a task's verdicts (judge.c's "ok|fail TAB CASE [TAB why]" lines)
# as the end of one line of grade.sh's tasks.tsv: 1 or 0, why it lost its
# points (wrong, stopped, error), what the first failing check said.
# stopped (awk -v): what ended the run early, if anything, said first.
$1 == "ok" { ok++ }
$1 == "fail" { if (!bad++) first = $3 }
END {
    if (ok + bad == 0) { printf "0\terror\tno checks ran\n"; exit }
    if (!bad) { printf "1\t\t\n"; exit }
    more = bad > 1 ? sprintf(" (and %d more of its %d checks fail)", bad - 1, ok + bad) : ""
    printf "0\t%s\t%s%s%s\n", stopped == "" ? "wrong" : "stopped", stopped, first, more
}
