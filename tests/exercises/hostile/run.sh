#!/bin/sh
# Grades the hostile hand-ins of chapter 3 with make grade-all and proves
# that none can fool the grading. Each *.c here is one hand-in's nn.c (after
# links.c, the first task solved, unless its first line says "alone"), the
# rest of nn.c being the reference's; its first line says the points each
# task must get. Honest variants score full: solved.c as it is, in CRLF,
# after a byte-order mark, inside 1 MB of comments full of braces, the
# teacher's whole nn.c, and under names that collide once made safe, start
# with a dot, or hold newlines, escapes, quotes, backticks and $(shell ...).
# Three more hand-ins are links to the repository, one a file.
#
# Afterwards: nothing outside the build folder has changed, nothing was
# left in /tmp, no file of 64 MB or more is left anywhere in the build
# folder; the CSV has exactly one row per hand-in, with notes for every lost
# point; no report, CSV line or log holds a control character, a statement
# of the reference or the seed; the JSON and XML reports of a compiler error
# holding every byte are valid; a bad GRADE_SEED is refused; and a folder
# named like a make function is graded, not run.
#
#   sh tests/exercises/hostile/run.sh        (BUILD=build)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=${BUILD:-build}
case $build in /*) ;; *) build="$root/$build" ;; esac
work="$build/exercises-check/hostile"
rm -rf "$work"
mkdir -p "$work/handins" || exit 2
csv="$work/grades.csv"
outside="/tmp/hostile-$$"
problems=0
problem() { echo "  FAIL  hostile: $*"; problems=$((problems + 1)); }
started_at=$(date +%s)

# handin NAME [FILE]: the hand-in NAME, with the first line of FILE's
# expectations (or those given as $3), made of links.c and FILE.
: >"$work/expect"
for f in "$here"/*.c; do
    name=${f##*/}
    name=${name%.c}
    [ "$name" != links ] || continue
    set -- $(head -n 1 "$f" | sed 's/^\/\/ expect //; s/:.*//')
    echo "$name $1 $2" >>"$work/expect"
    mkdir "$work/handins/$name" || exit 2
    { [ "${3:-}" = alone ] || cat "$here/links.c"; cat "$f"; } |
        sed "s#@ROOT@#$root#g; s#@TMP@#$outside#g; s#@CSV@#$csv#g; s#@HANDINS@#$work/handins#g" >"$work/handins/$name/nn.c"
done
solved="$work/handins/solved/nn.c"
# Honest forms: each must score full.
honest() { mkdir "$work/handins/$1" || exit 2; echo "$1 1 1" >>"$work/expect"; }
honest honest-crlf
sed 's/$/\r/' "$solved" >"$work/handins/honest-crlf/nn.c"
honest honest-bom
{ printf '\357\273\277'; cat "$solved"; } >"$work/handins/honest-bom/nn.c"
honest honest-1mb
{ cat "$solved"; i=0; while [ "$i" -lt 5000 ]; do
      echo "/* $i: { a comment full of braces } }}} {{{ that makes this file 1 MB, near the limit, { */"
      echo "/* and a second line, so that the comment is not one long line; } { } { } { } { } { */"
      i=$((i + 1)); done; } | head -c 999000 >"$work/handins/honest-1mb/nn.c"
honest honest-whole
cp "$root/code/nn.c" "$work/handins/honest-whole/nn.c"
# Names: colliding once made safe, a dot, control characters, make syntax.
odd_count=0
for n in "a smith" "a+smith" "a_smith" ".dotted" "$(printf 'evil\n\033[31mname')" \
         "x\$(shell touch PWNED)\`touch PWNED2\`'\""; do
    mkdir "$work/handins/$n" && cp "$solved" "$work/handins/$n/nn.c" || exit 2
    odd_count=$((odd_count + 1))
done
ln -s "$root" "$work/handins/link-to-repo"
mkdir "$work/handins/linked-nn" "$work/handins/linked-code"
ln -s "$root/code/nn.c" "$work/handins/linked-nn/nn.c"
ln -s "$root/code" "$work/handins/linked-code/code"
echo "not a folder" >"$work/handins/a-file"
printf '%s 0 0\n' link-to-repo linked-nn linked-code a-file >>"$work/expect"

# What must not change: the repository outside build/, the hand-ins.
sums() { find "$work/handins" -type f -exec md5sum {} + | sort; }
sums >"$work/before"
touch "$work/started"
sleep 1
rm -f /tmp/PWNED /tmp/reserved
REPORTS="$work/reports" GRADE_SEED=7 TIMEOUT=${HOSTILE_TIMEOUT:-3} sh "$root/tools/exercises/grade-all.sh" 3 "$work/handins" "$csv" \
    >"$work/grade-all.log" 2>&1 || problem "grade-all failed: $(tail -n 1 "$work/grade-all.log")"

changed=$(find "$root" -newer "$work/started" -not -path "$build" -not -path "$build/*" -not -path "$root/.git/*" | head -n 3)
[ -z "$changed" ] || problem "files outside the build folder changed: $changed"
sums | cmp -s - "$work/before" || problem "the hand-ins changed"
for f in "$outside" /tmp/PWNED /tmp/reserved /tmp/fill0 "$root/PWNED" "$work/handins/PWNED" "$work/PWNED" "$work/PWNED2"; do
    [ ! -e "$f" ] || problem "a hand-in wrote $f"
done
big=$(find "$build" -size +65535k | head -n 3)
[ -z "$big" ] || problem "files of 64 MB or more were left behind: $big"
[ -f "$csv" ] || { problem "no CSV"; exit 1; }
grep -q mallory "$csv" && problem "a hand-in wrote into the CSV"
entries=$(find "$work/handins" -mindepth 1 -maxdepth 1 -printf x | wc -c)
rows=$(($(wc -l <"$csv") - 1))
[ "$rows" -eq "$entries" ] || problem "the CSV has $rows rows for $entries hand-ins"
reports=$(find "$work/reports" -maxdepth 1 -name '*.txt' | wc -l)
[ "$reports" -eq "$entries" ] || problem "$reports reports for $entries hand-ins"
full=$(grep -c '^[^,]*,2,2,1,1,$' "$csv")
[ "$full" -ge "$odd_count" ] || problem "hand-ins under odd names lost points: $(grep -v ',2,2,1,1,$' "$csv" | head -n 2)"
# Each hand-in: its one row, the points of each task, notes when it lost any.
while read -r name links slope; do
    row=$(grep -c "^$name," "$csv")
    [ "$row" -eq 1 ] || { problem "$name has $row rows in the CSV"; continue; }
    got=$(grep "^$name," "$csv" | cut -d, -f4,5)
    [ "$got" = "$links,$slope" ] ||
        problem "$name scored $got (chain_links,dssr_db3), not $links,$slope: $(grep "^$name," "$csv" | cut -d, -f6- | cut -c1-300)"
    if [ "$links$slope" != 11 ] && [ -z "$(grep "^$name," "$csv" | cut -d, -f6-)" ]; then
        problem "$name lost points with no notes"
    fi
done <"$work/expect"
note() { grep "^$1," "$csv" | grep -q -- "$2" || problem "$1's notes do not say \"$2\": $(grep "^$1," "$csv" | cut -c1-200)"; }
note gradient-call "calls gradient() (chapter 7)"
note descend-step "descend() (chapter 5)"
note pointer-table "calls gradient()"
note assembler-error "the assembler stopped"
note unused-variable "Werror=unused-variable"
grep -q "forward() from chapter 1 gives" "$work/reports/wrong-forward.txt" ||
    problem "wrong-forward's report does not point at chapter 1"
grep -q "FAIL  dssr_db3" "$work/reports/loop-three.txt" || problem "loop-three's report has no FAIL"
# Nothing shown holds a control character, the reference's code or the seed.
ctl=$(LC_ALL=C grep -l "$(printf '[\001-\010\013-\037\177]')" "$work"/reports/*.txt "$csv" "$work/grade-all.log" | head -n 3)
[ -z "$ctl" ] || problem "control characters shown in: $ctl"
sed -n 's/^[ \t]*\(.*;\)[ \t]*$/\1/p' "$root/code/nn.c" | awk 'length($0) >= 16' | sort -u >"$work/reference-lines"
cat "$here"/*.c | sed 's/^[ \t]*//' | sort -u | comm -23 "$work/reference-lines" - >"$work/secret-lines"
leaked=$(grep -l -F -f "$work/secret-lines" "$work"/reports/*.txt "$csv" | head -n 3)
[ -z "$leaked" ] || problem "the reference's code shown in: $leaked"
seeded=$(grep -l -i "seed" "$work"/reports/*.txt | head -n 3)
[ -z "$seeded" ] || problem "the seed shown in reports: $seeded"

# Reports of a compiler error that quotes every byte, in a folder whose name
# holds most of them: valid JSON and XML.
bytes="$work/bytes/all$(printf '\001\002\003\t\033[2J\177\200\300\377 &<>"\\\047 ')end"
mkdir -p "$bytes" || exit 2
{ cat "$solved"; printf '#error '; awk 'BEGIN { for (i = 1; i < 256; i++) if (i != 10 && i != 13) printf "%c", i; print "" }'; } >"$bytes/nn.c"
for format in gradescope junit; do
    GRADE_SEED=7 FORMAT=$format GRADE_OUT="$work/bytes.$format" sh "$root/tools/exercises/grade.sh" 3 "$bytes" \
        >"$work/report.$format" 2>"$work/report.$format.err"
    python3 -c '
import json, sys, xml.dom.minidom
text = open(sys.argv[2], "rb").read().decode("utf-8")
if sys.argv[1] == "gradescope":
    r = json.loads(text)
    assert r["score"] == 0 and len(r["tests"]) == 2, r
    assert "does not compile" in r["tests"][0]["output"], r
else:
    d = xml.dom.minidom.parseString(text.encode("utf-8"))
    assert len(d.getElementsByTagName("testcase")) == 2
' "$format" "$work/report.$format" 2>"$work/report.$format.check" ||
        problem "FORMAT=$format is not valid for every byte: $(tail -n 1 "$work/report.$format.check")"
done
# A work folder under a path with spaces and quotes grades as any other.
GRADE_SEED=7 FORMAT=none GRADE_OUT="$work/a folder's \"work\"" sh "$root/tools/exercises/grade.sh" 3 \
    "$work/handins/solved" >"$work/spaces.out" 2>&1 ||
    problem "a work folder with spaces in its path: $(tail -n 1 "$work/spaces.out")"
# A seed that is not a number is refused, not taken as 0.
GRADE_SEED=abc sh "$root/tools/exercises/grade.sh" 3 "$work/handins/solved" >"$work/seed.out" 2>&1 &&
    problem "GRADE_SEED=abc was accepted"
grep -q "GRADE_SEED must be a whole number" "$work/seed.out" || problem "GRADE_SEED=abc: $(head -n 1 "$work/seed.out")"
# make takes the folder's name literally: it is graded, no command in it runs.
name=$(find "$work/handins" -mindepth 1 -maxdepth 1 -name 'x$(shell*')
make -s -C "$root" grade3 BUILD="$build" GRADE_SEED=7 SUBMISSION="$name" >"$work/make-literal.out" 2>&1 ||
    problem "make grade3 on a folder named like a make function: $(tail -n 1 "$work/make-literal.out")"
for f in "$root/PWNED" "$root/PWNED2" PWNED PWNED2; do [ ! -e "$f" ] || problem "make ran a command in a folder's name"; done

[ "$problems" -eq 0 ] || { echo "  (the reports: ${work#"$root"/}/)"; exit 1; }
echo "  ok    hostile: $entries hand-ins, none scores what it did not solve, every honest form scores full ($(($(date +%s) - started_at))s)"
