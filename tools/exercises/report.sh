#!/bin/sh
# Prints the results of one graded hand-in (grade.sh's tasks.tsv: task,
# points, earned, why, what went wrong) as FORMAT says:
#   text        for a person: each task, what went wrong, the first hint
#   junit       JUnit XML: one test case per task, nothing else
#   gradescope  Gradescope's results.json
#   none        nothing
#   CHAPTER=N HANDIN=name SEED=... FORMAT=... sh tools/exercises/report.sh TASKS.TSV
. "$(dirname "$0")/common.sh"

results=$1
unsafe=""
[ "${UNSAFE:-0}" = 1 ] && unsafe="UNSAFE: "
first=$(awk -F "$TAB" '$3 < $2 { print $1; exit }' "$results")
hint=""
[ -z "$first" ] || hint=$(ex_task_text "$CHAPTER" "$first" hint 1)

ex_tasks "$CHAPTER" | awk -F "$TAB" -v format="${FORMAT:-text}" -v chapter="$CHAPTER" \
    -v handin="$HANDIN" -v seed="${SEED:-}" -v unsafe="$unsafe" -v first="$first" -v hint="$hint" '
    function xml(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
                      gsub(/"/, "\\&quot;", s); return s }
    function json(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); gsub(/\t/, " ", s)
                       gsub(/\n/, "\\n", s); return "\"" s "\"" }
    function say(s) { print unsafe s }
    function wrap(head, text,    m, k, lines, pad) {
        pad = sprintf("%" length(head) "s", "")
        m = split(fold(text, width - length(head)), lines, "\n")
        for (k = 1; k <= m; k++) say((k == 1 ? head : pad) lines[k])
    }
    function fold(s, width,    out, line, n, w, i) {
        n = split(s, w, " "); line = ""; out = ""
        for (i = 1; i <= n; i++) {
            if (line != "" && length(line) + 1 + length(w[i]) > width) { out = out line "\n"; line = w[i] }
            else line = line == "" ? w[i] : line " " w[i]
        }
        return out line
    }
    FNR == NR { points[$1] = $2; earned[$1] = $3; why[$1] = $5; next }
    { order[++n] = $1; title[$1] = $4; max += points[$1]; score += earned[$1] }
    END {
        if (format == "none") exit
        if (format == "gradescope") {
            printf "{\"score\": %d, \"max_score\": %d, \"tests\": [", score, max
            for (i = 1; i <= n; i++) {
                t = order[i]
                out = why[t] == "" ? "passes" : why[t]
                if (t == first) out = out "\n\nHint: " hint
                printf "%s\n  {\"name\": %s, \"score\": %d, \"max_score\": %d, \"output\": %s, " \
                    "\"visibility\": \"visible\"}", (i > 1 ? "," : ""), json("chapter " chapter ": " t \
                    " (" title[t] ")"), earned[t], points[t], json(unsafe out)
            }
            print "\n]}"
            exit
        }
        if (format == "junit") {
            print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            failures = 0
            for (i = 1; i <= n; i++) failures += earned[order[i]] < points[order[i]]
            printf "<testsuite name=\"%schapter%s\" tests=\"%d\" failures=\"%d\" errors=\"0\">\n", \
                xml(unsafe), chapter, n, failures
            for (i = 1; i <= n; i++) {
                t = order[i]
                printf "  <testcase classname=\"chapter%s\" name=\"%s\"", chapter, xml(t)
                if (earned[t] == points[t]) { print "/>"; continue }
                text = why[t] (t == first ? "\nHint: " hint : "")
                printf ">\n    <failure message=\"%s\">%s</failure>\n  </testcase>\n", \
                    xml(unsafe why[t]), xml(unsafe text)
            }
            print "</testsuite>"
            exit
        }
        # Every line fits 80 columns, with the UNSAFE warning in front of it.
        width = 79 - length(unsafe)
        if (unsafe != "") say("graded without a sandbox (UNSAFE=1): only for code you trust")
        wrap("", "Chapter " chapter ": grading " handin (seed == "" ? " (public checks only)" : \
            " (with hidden points from seed " seed ")"))
        say("")
        for (i = 1; i <= n; i++)
            if (length(order[i]) > name_width) name_width = length(order[i])
        for (i = 1; i <= n; i++) {
            t = order[i]
            head = sprintf("  %s  %-" name_width "s %d/%d  ", earned[t] == points[t] ? "PASS" : "FAIL", \
                t, earned[t], points[t])
            if (length(head) + length(title[t]) <= width) say(head title[t])
            else { sub(/ +$/, "", head); say(head); wrap("        ", title[t]) }
            if (why[t] != "") wrap("        ", why[t])
        }
        say("")
        say("Score: " score " of " max)
        if (first != "") {
            say("")
            wrap("", "A hint for " first " (make hint" chapter " gives more, one at a time):")
            wrap("  ", hint)
        }
    }' "$results" -
