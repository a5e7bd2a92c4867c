#!/bin/sh
# JUnit XML for learning platforms, on standard output, from what grade.sh
# left in OUT (build/grade/NAME): one test case per task, with the failing
# check, what it said and the task's hint; then the test programs' own
# suites, from a second run with cmocka's CMOCKA_MESSAGE_OUTPUT=xml. (cmocka
# 1.1.5 leaves the expected/got messages out of its XML, which is why the
# task suite is written here from the plain run.)
#
#   CHAPTER=N OUT=dir sh tools/exercises/junit.sh
. "$(dirname "$0")/common.sh"

tasks=$(ex_tasks "$CHAPTER") || exit 2
timeout=${TIMEOUT:-10}

# cmocka's own suites, for the programs that ran to their end.
for p in $(awk -F "$TAB" '$2 == "ok" { print $1 }' "$OUT/programs.tsv"); do
    rm -f "$OUT/cmocka_$p.xml"
    (cd "$EX_ROOT" && ulimit -t "$timeout" 2>/dev/null
     CMOCKA_MESSAGE_OUTPUT=xml CMOCKA_XML_FILE="$OUT/cmocka_$p.xml" \
         exec timeout -k 2 "$timeout" "$OUT/test_$p") >/dev/null 2>&1
done

printf '%s\n' "$tasks" | awk -F "$TAB" -v chapter="$CHAPTER" -v out="$OUT" -v root="$EX_ROOT/" '
    function attr(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
                       gsub(/"/, "\\&quot;", s); return s }
    function cdata(s) { gsub(/]]>/, "]]]]><![CDATA[>", s); return "<![CDATA[" s "]]>" }
    function slurp(path,    line, text) {
        text = ""
        while ((getline line < path) > 0) text = text line "\n"
        close(path)
        gsub(root, "", text)
        return text
    }
    FILENAME == out "/tasks.tsv" { ok[$1] = $2; why[$1] = $3; at[$1] = $4; next }
    { order[++n] = $1; title[$1] = $3; hint[$1] = $4; if (ok[$1] != 1) failures++ }
    END {
        print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        print "<testsuites name=\"chapter" chapter " exercises\">"
        printf "  <testsuite name=\"chapter%s.tasks\" tests=\"%d\" failures=\"%d\" errors=\"0\">\n", chapter, n, failures
        for (i = 1; i <= n; i++) {
            t = order[i]
            printf "    <testcase classname=\"chapter%s\" name=\"%s\">", chapter, attr(t)
            if (ok[t] == 1) { print "</testcase>"; continue }
            print ""
            body = title[t] "\n"
            if (at[t] != "") {
                split(at[t], pc, "/")
                body = body "\n" at[t] ": " why[t] "\n" slurp(out "/msg/" pc[1] "." pc[2] ".txt")
            }
            body = body "\nHint: " hint[t] "\n"
            printf "      <failure message=\"%s\">%s</failure>\n", attr(why[t]), cdata(body)
            print "    </testcase>"
        }
        print "  </testsuite>"
        while ((getline line < (out "/programs.tsv")) > 0) {
            split(line, f, "\t")
            path = out "/cmocka_" f[1] ".xml"
            while ((getline x < path) > 0)
                if (x !~ /^<\?xml|^<\/?testsuites>/) { gsub(root, "", x); print x }
            close(path)
        }
        print "</testsuites>"
    }' "$OUT/tasks.tsv" -
