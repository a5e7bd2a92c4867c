# Reads the solution regions of one chapter's exercises out of a C source.
#
# A region wraps whole functions (and the snippet markers around them):
#
#   // BEGIN SOLUTION ch03 dssr_db3: a title for the task
#   // HINT: one or more lines of hint
#   // STUB: the C code that replaces the region, one line per STUB line
#   ...the solution...
#   // END SOLUTION
#
# Variables (awk -v):
#   mode=stub     print the file with chapter `chapter`'s regions named in
#                 `tasks` ("all", "none", or "a,b") replaced by their stub and
#                 a TODO; every other region keeps its solution. Marker lines
#                 are left out either way.
#   mode=list     print one line per region of chapter `chapter`:
#                 task TAB file TAB title TAB hint (hint lines joined by spaces).
#   chapter       the chapter number; 0 with mode=list lists every chapter's.
#   name          the file's name for messages and the list.
# A malformed region is an error ("FILE:LINE: ...", exit status 2).

function fail(message) {
    printf "%s:%d: %s\n", name, FNR, message > "/dev/stderr"
    failed = 1
    exit 2
}

function wanted(task,    n, i, list) {
    if (tasks == "all") return 1
    if (tasks == "none") return 0
    n = split(tasks, list, ",")
    for (i = 1; i <= n; i++) if (list[i] == task) return 1
    return 0
}

function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }

BEGIN { inside = 0; failed = 0 }

/^[ \t]*\/\/ BEGIN SOLUTION/ {
    if (inside) fail("BEGIN SOLUTION inside the region that began on line " begin_line)
    for (id in open) fail("BEGIN SOLUTION inside snippet [" id "]: put the region around the snippet")
    line = $0
    if (!match(line, /BEGIN SOLUTION ch[0-9]+ [A-Za-z_][A-Za-z0-9_]*/))
        fail("expected \"// BEGIN SOLUTION chNN task: title\"")
    head = substr(line, RSTART, RLENGTH)
    title = trim(substr(line, RSTART + RLENGTH))
    sub(/^:[ \t]*/, "", title)
    split(head, word, " ")
    region_chapter = substr(word[3], 3) + 0
    task = word[4]
    indent = line; sub(/\/\/.*/, "", indent)
    inside = 1; begin_line = FNR; hint = ""; stubs = 0; stub_text = ""
    delete inner
    next
}

/^[ \t]*\/\/ END SOLUTION/ {
    if (!inside) fail("END SOLUTION without a BEGIN SOLUTION")
    for (id in inner) fail("the region crosses snippet marker [" id "]: keep both markers inside it")
    if (hint == "") fail("the region of task " task " has no // HINT: line")
    if (stubs == 0) fail("the region of task " task " has no // STUB: line")
    inside = 0
    if (region_chapter == chapter || (mode == "list" && chapter == 0)) {
        if (mode == "list") {
            printf "%s\t%s\t%s\t%s\t%d\n", task, name, title, hint, region_chapter
        } else if (wanted(task)) {
            printf "%s/* TODO ch%02d %s: replace this stub with your own code (stuck? make hint%d) */\n",
                indent, region_chapter, task, region_chapter
            printf "%s", stub_text
        } else {
            printf "%s", solution
        }
    } else if (mode == "stub") {
        printf "%s", solution
    }
    solution = ""
    next
}

/^[ \t]*\/\/ (HINT|STUB):/ {
    if (!inside) fail("HINT or STUB outside a solution region")
    text = $0
    sub(/^[ \t]*\/\/ /, "", text)
    if (text ~ /^HINT:/) {
        sub(/^HINT:[ \t]*/, "", text)
        hint = hint == "" ? text : hint " " text
    } else {
        sub(/^STUB: ?/, "", text)
        stub_text = stub_text text "\n"
        stubs++
    }
    next
}

{
    # Snippet markers: a line holding only // [id]; they come in pairs.
    if ($0 ~ /^[ \t]*\/\/ \[[^]]+\][ \t]*$/) {
        id = $0; sub(/^[ \t]*\/\/ \[/, "", id); sub(/\][ \t]*$/, "", id)
        if (inside) {
            if (id in inner) delete inner[id]; else inner[id] = 1
        } else {
            if (id in open) delete open[id]; else open[id] = 1
        }
    }
    if (inside) solution = solution $0 "\n"
    else if (mode == "stub") print
}

END {
    if (!failed && inside) { FNR = begin_line; fail("BEGIN SOLUTION without an END SOLUTION") }
}
