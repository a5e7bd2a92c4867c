#!/bin/sh
# Grades the hostile hand-ins of chapter 3 with make grade-all and proves
# that none can fool the grading: each *.c here is one hand-in's dssr_db3
# (after links.c, the first task solved, unless its first line says
# "alone"), and its first line says the points each task must get;
# wrong-sign.c, an honest mistake in the first task only, proves the second
# keeps its point. Three more hand-ins are links to the repository, one a
# file. Afterwards nothing outside the
# build folder has changed, nothing was written to /tmp or the CSV, and the
# CSV has exactly one row per hand-in, with notes for every lost point.
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
rm -f /tmp/PWNED
REPORTS="$work/reports" GRADE_SEED=7 TIMEOUT=${HOSTILE_TIMEOUT:-3} sh "$root/tools/exercises/grade-all.sh" 3 "$work/handins" "$csv" \
    >"$work/grade-all.log" 2>&1 || problem "grade-all failed: $(tail -n 1 "$work/grade-all.log")"

changed=$(find "$root" -newer "$work/started" -not -path "$build/*" -not -path "$root/.git/*" | head -n 3)
[ -z "$changed" ] || problem "files outside the build folder changed: $changed"
sums | cmp -s - "$work/before" || problem "the hand-ins changed"
for f in "$outside" /tmp/PWNED "$root/PWNED" "$work/handins/PWNED"; do
    [ ! -e "$f" ] || problem "a hand-in wrote $f"
done
[ -f "$csv" ] || { problem "no CSV"; exit 1; }
grep -q mallory "$csv" && problem "a hand-in wrote into the CSV"
rows=$(($(wc -l <"$csv") - 1))
[ "$rows" -eq "$(wc -l <"$work/expect")" ] ||
    problem "the CSV has $rows rows for $(wc -l <"$work/expect") hand-ins"
# Each hand-in: its one row, the points of each task, notes when it lost any.
while read -r name links slope; do
    row=$(grep -c "^$name," "$csv")
    [ "$row" -eq 1 ] || { problem "$name has $row rows in the CSV"; continue; }
    got=$(grep "^$name," "$csv" | cut -d, -f4,5)
    [ "$got" = "$links,$slope" ] ||
        problem "$name scored $got (chain_links,dssr_db3), not $links,$slope: $(grep "^$name," "$csv" | cut -d, -f6-)"
    if [ "$links$slope" != 11 ] && [ -z "$(grep "^$name," "$csv" | cut -d, -f6-)" ]; then
        problem "$name lost points with no notes"
    fi
done <"$work/expect"
[ "$problems" -eq 0 ] || { echo "  (the reports: ${work#"$root"/}/)"; exit 1; }
echo "  ok    hostile: $(wc -l <"$work/expect") hand-ins, none scores what it did not solve"
