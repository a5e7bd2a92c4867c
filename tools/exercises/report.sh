#!/bin/sh
# Prints the results of one graded hand-in as FORMAT says:
#   text        for a person: each task, every one of its checks, passed
#               (":)") or failed (":(", with what went wrong), and under a
#               failing task the first hint of that task
#   junit       JUnit XML: one test case per task, its checks in the text
#   gradescope  Gradescope's results.json
#   none        nothing
#
#   CHAPTER=N HANDIN=name FORMAT=... [HIDDEN=yes] [CHECKS=checks.tsv]
#   [EARLIER=earlier.tsv] sh tools/exercises/report.sh TASKS.TSV
#
# TASKS.TSV: task, points, earned, why, what went wrong (grade.sh);
# CHECKS: task, ok|fail, check, what went wrong; EARLIER: function, chapter,
# what went wrong, for the student's own functions of earlier chapters.
# Every byte shown passes through clean() (common.sh): no control character
# reaches a terminal, and the JSON and XML are valid whatever the bytes.
# No seed is ever shown: a report goes back to the student.
. "$(dirname "$0")/common.sh"

results=$1
checks=${CHECKS:-/dev/null}
earlier=${EARLIER:-/dev/null}
[ -f "$checks" ] || checks=/dev/null
[ -f "$earlier" ] || earlier=/dev/null
hints=$(mktemp) || exit 2
trap 'rm -f "$hints"' EXIT
awk -F "$TAB" '$3 < $2 { print $1 }' "$results" | while read -r t; do
    printf '%s\t%s\n' "$t" "$(ex_task_text "$CHAPTER" "$t" hint 1 | tr '\t\n' '  ')"
done >"$hints"

ex_tasks "$CHAPTER" | LC_ALL=C awk -F "$TAB" -v format="${FORMAT:-text}" -v chapter="$CHAPTER" \
    -v handin="$HANDIN" -v hidden="${HIDDEN:-}" -v checks="$checks" -v earlier="$earlier" \
    -v hints="$hints" "$EX_CLEAN"'
    function xml(s) { s = clean(s); gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
                      gsub(/"/, "\\&quot;", s); gsub(/\047/, "\\&apos;", s); gsub(/\\x0a/, "\\&#10;", s)
                      return s }
    function json(s) { s = clean(s); gsub(/\\/, "&&", s); gsub(/"/, "\\\"", s)
                       gsub(/\\\\x0a/, "\\n", s); return "\"" s "\"" }
    function wrap(head, text,    m, k, lines, pad) {
        pad = sprintf("%" length(head) "s", "")
        m = split(fold(clean(text), width - length(head)), lines, "\n")
        for (k = 1; k <= m; k++) print (k == 1 ? head : pad) lines[k]
    }
    function fold(s, width,    out, line, n, w, i) {
        n = split(s, w, " "); line = ""; out = ""
        for (i = 1; i <= n; i++) {
            while (length(w[i]) > width) {   # a word longer than a line is cut
                if (line != "") { out = out line "\n"; line = "" }
                out = out substr(w[i], 1, width) "\n"; w[i] = substr(w[i], width + 1)
            }
            if (line != "" && length(line) + 1 + length(w[i]) > width) { out = out line "\n"; line = w[i] }
            else line = line == "" ? w[i] : line " " w[i]
        }
        return out line
    }
    # "forward() from chapter 1 gives G for Q, expected E: fix chapter 1 first"
    function blame(f, c, why,    q, g, e) {
        if (match(why, /: got .*, expected /)) {
            q = substr(why, 1, RSTART - 1); g = substr(why, RSTART + 6)
            e = substr(g, index(g, ", expected ") + 11); g = substr(g, 1, index(g, ", expected ") - 1)
            sub(/ \(relative error [^)]*\)$/, "", e)
            return f "() from chapter " c " gives " g " for " q ", expected " e ": fix chapter " c " first"
        }
        return f "() from chapter " c ": " why ": fix chapter " c " first"
    }
    # The lines of task t: its checks, then its hint when it lost points.
    function detail(t, sep,    k, s) {
        s = ""
        for (k = 1; k <= nchecks[t]; k++)
            s = s (s == "" ? "" : sep) (state[t, k] == "ok" ? ":) " : ":( ") label[t, k] \
                (state[t, k] == "ok" ? "" : sep "   " reason[t, k])
        if (nchecks[t] == 0 && why[t] != "") s = why[t]
        if (earned[t] < points[t] && hint[t] != "")
            s = s sep "Hint: " hint[t] " (make hint" chapter " TASK=" t " gives more)"
        return s
    }
    FILENAME == "-" { order[++n] = $1; title[$1] = $4; max += points[$1]; score += earned[$1]; next }
    FILENAME == checks { k = ++nchecks[$1]; state[$1, k] = $2; label[$1, k] = $3; reason[$1, k] = $4; next }
    FILENAME == earlier { notes[++nnotes] = blame($1, $2, $3); next }
    FILENAME == hints { hint[$1] = $2; next }
    { points[$1] = $2; earned[$1] = $3; why[$1] = $5 }
    END {
        if (format == "none") exit
        heading = "Chapter " chapter ": grading " handin (hidden == "" ? " (public checks only)" : \
            " (with hidden points)")
        if (format == "gradescope") {
            out = ""
            for (i = 1; i <= nnotes; i++) out = out (i > 1 ? "\n" : "") notes[i]
            printf "{\"score\": %d, \"max_score\": %d, \"output\": %s, \"tests\": [", score, max, json(out)
            for (i = 1; i <= n; i++) {
                t = order[i]
                printf "%s\n  {\"name\": %s, \"score\": %d, \"max_score\": %d, \"output\": %s, " \
                    "\"visibility\": \"visible\"}", (i > 1 ? "," : ""), json("chapter " chapter ": " t \
                    " (" title[t] ")"), earned[t], points[t], json(detail(t, "\n"))
            }
            print "\n]}"
            exit
        }
        if (format == "junit") {
            print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            failures = 0
            for (i = 1; i <= n; i++) failures += earned[order[i]] < points[order[i]]
            printf "<testsuite name=\"chapter%s\" tests=\"%d\" failures=\"%d\" errors=\"0\">\n", \
                chapter, n, failures
            for (i = 1; i <= n; i++) {
                t = order[i]
                printf "  <testcase classname=\"chapter%s\" name=\"%s\"", chapter, xml(t)
                if (earned[t] == points[t]) { print "/>"; continue }
                printf ">\n    <failure message=\"%s\">%s</failure>\n  </testcase>\n", \
                    xml(why[t]), xml(detail(t, "\n"))
            }
            out = ""
            for (i = 1; i <= nnotes; i++) out = out notes[i] "\n"
            if (out != "") printf "  <system-out>%s</system-out>\n", xml(out)
            print "</testsuite>"
            exit
        }
        width = 79
        wrap("", heading)
        print ""
        if (nnotes) {
            wrap("", "Your own functions of earlier chapters (each task here is graded with the reference versions of them):")
            for (i = 1; i <= nnotes; i++) wrap("  ", notes[i])
            print ""
        }
        for (i = 1; i <= n; i++)
            if (length(order[i]) > name_width) name_width = length(order[i])
        for (i = 1; i <= n; i++) {
            t = order[i]
            head = sprintf("  %s  %-" name_width "s %d/%d  ", earned[t] == points[t] ? "PASS" : "FAIL", \
                t, earned[t], points[t])
            if (length(head) + length(title[t]) <= width) print head clean(title[t])
            else { sub(/ +$/, "", head); print head; wrap("        ", title[t]) }
            m = split(detail(t, "\001"), lines, "\001")
            for (k = 1; k <= m; k++)
                wrap(lines[k] ~ /^   / ? "           " : "        ", lines[k])
        }
        print ""
        print "Score: " score " of " max
    }' "$results" "$checks" "$earlier" "$hints" -
