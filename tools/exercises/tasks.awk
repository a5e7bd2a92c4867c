# Reads a tasks file (tests/exercises/chapterN.tasks; its head describes the
# format) and prints what the exercise scripts ask for (awk -v mode=...):
#   list             one line per task, in order:
#                    task TAB points TAB functions (space apart) TAB title TAB hints
#   hint task=T n=K  the K-th hint of task T (nothing when there is none)
#   stub task=T      the placeholder code of task T
# A malformed file is an error ("FILE:LINE: ...", exit status 2).

function fail(message) {
    printf "%s:%d: %s\n", FILENAME, FNR, message > "/dev/stderr"
    failed = 1
    exit 2
}
function rest(    s) { s = $0; sub(/^[ \t]*[a-z]+[ \t]*/, "", s); sub(/[ \t\r]+$/, "", s); return s }

in_stub {
    if ($0 ~ /^end[ \t]*$/) { in_stub = 0; next }
    stub[count] = stub[count] $0 "\n"
    next
}
/^[ \t]*(#|$)/ { next }
$1 == "task" {
    if (NF != 2 || $2 !~ /^[A-Za-z_][A-Za-z0-9_]*$/) fail("expected \"task NAME\"")
    if ($2 in seen) fail("a second task named " $2)
    seen[$2] = 1
    name[++count] = $2; points[count] = 1; hints[count] = 0
    next
}
count == 0 { fail("expected \"task NAME\" first") }
$1 == "title" { title[count] = rest(); next }
$1 == "replaces" { if (NF < 2) fail("replaces names no function"); functions[count] = rest(); next }
$1 == "points" {
    if ($2 !~ /^[0-9]+$/ || NF != 2) fail("points must be a whole number")
    points[count] = $2 + 0; next
}
$1 == "hint" { hint[count, ++hints[count]] = rest(); next }
$1 == "stub" { if (stub[count] != "") fail("a second stub for task " name[count]); in_stub = 1; next }
{ fail("unknown line; expected task, title, replaces, points, hint or stub") }

END {
    if (failed) exit 2
    if (in_stub) fail("the stub of task " name[count] " has no \"end\" line")
    for (i = 1; i <= count; i++) {
        missing = title[i] == "" ? "title" : functions[i] == "" ? "replaces" : \
            hints[i] == 0 ? "hint" : stub[i] == "" ? "stub" : ""
        if (missing != "") { FNR = 0; fail("task " name[i] " has no " missing) }
    }
    for (i = 1; i <= count; i++) {
        if (mode == "list")
            printf "%s\t%d\t%s\t%s\t%d\n", name[i], points[i], functions[i], title[i], hints[i]
        else if (name[i] == task && mode == "hint") { if ((i, n) in hint) print hint[i, n] }
        else if (name[i] == task && mode == "stub") printf "%s", stub[i]
    }
}
