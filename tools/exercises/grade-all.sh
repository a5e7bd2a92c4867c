#!/bin/sh
# Grades every hand-in in DIR for chapter N and writes a CSV.
#
#   sh tools/exercises/grade-all.sh N DIR [CSV]   (default CSV: build/grades/chapterN.csv)
#
# Each folder in DIR is one student's hand-in, named after the student (a
# name starting with a dot too); any other entry gets its row too, ungraded,
# with the reason. The CSV has exactly one row per entry:
#   student,score,max_score,TASK...,notes
# where each TASK column holds the points earned on it, and notes says what
# went wrong in every task that lost points. Each student's report goes to
# build/grades/chapterN/STUDENT.txt (REPORTS=folder for another), a name
# of its own for every hand-in (common.sh: ex_report_name). All hand-ins
# share one seed for the hidden points (GRADE_SEED, or a new one); it is
# printed here and kept in REPORTS/seed, for the teacher, and in no report.
# A broken hand-in never stops the batch. JOBS=2 hand-ins are graded at a
# time.
. "$(dirname "$0")/common.sh"

chapter=${1:-}
ex_chapter_dir "$chapter" >/dev/null || exit 2
chapter=$((1 * chapter))
submissions=${2:-}
[ -d "$submissions" ] || ex_die "grade-all: $(ex_printable "$submissions") is not a folder"
tasks=$(ex_tasks "$chapter") || exit 2
build=${BUILD:-build}
case $build in /*) ;; *) build="$EX_ROOT/$build" ;; esac
csv=${3:-$build/grades/chapter$chapter.csv}
reports=${REPORTS:-$build/grades/chapter$chapter}
mkdir -p "$reports" "$(dirname "$csv")" || exit 2
sh "$EX_TOOLS/sandbox.sh" check || exit 2
jobs=${JOBS:-2}
case $jobs in ''|*[!0-9]*|0) ex_die "grade-all: JOBS must be a whole number" ;; esac
GRADE_SEED=$(ex_seed) || exit 2
[ -n "$GRADE_SEED" ] || ex_die "grade-all: a class is graded with hidden points: GRADE_SEED=public is for one hand-in"
export GRADE_SEED
echo "$GRADE_SEED" >"$reports/seed"

# A CSV field: quoted when it needs it; a leading = + - @ cannot start a formula.
csv_field() {
    ex_printable "$1" | sed 's/^\([=+@-]\)/'"'"'\1/; s/"/""/g; s/^\(.*[,"].*\)$/"\1"/'
}

rows="$reports/rows"
rm -rf "$rows"
mkdir -p "$rows" || exit 2
max=$(printf '%s\n' "$tasks" | awk -F "$TAB" '{ s += $2 } END { print s }')

# grade_one N FOLDER: grades one hand-in into $rows/N, its row of the CSV.
grade_one() {
    student=${2##*/}
    name=$(ex_report_name "$student")
    out="$reports/$1.build"
    rm -rf "$out"
    if [ -L "$2" ] || [ ! -d "$2" ]; then
        echo "skipped: a link or a file, not a folder" >"$reports/$name.txt"
    else
        FORMAT=text GRADE_OUT="$out" sh "$EX_TOOLS/grade.sh" "$chapter" "$2" >"$reports/$name.txt" 2>&1
    fi
    if [ -f "$out/tasks.tsv" ] && [ "$(wc -l <"$out/tasks.tsv")" -eq "$(printf '%s\n' "$tasks" | wc -l)" ]; then
        score=$(awk -F "$TAB" '{ s += $3 } END { print s }' "$out/tasks.tsv")
        marks=$(cut -f3 "$out/tasks.tsv" | paste -sd, -)
        notes=$(awk -F "$TAB" '$3 < $2 { printf "%s%s: %s", (n++ ? "; " : ""), $1, $5 }' "$out/tasks.tsv")
    else
        score=0
        marks=$(printf '%s\n' "$tasks" | sed 's/.*/0/' | paste -sd, -)
        notes="not graded: $(tail -n 1 "$reports/$name.txt")"
    fi
    printf '%s,%s,%s,%s,%s\n' "$(csv_field "$student")" "$score" "$max" "$marks" \
        "$(csv_field "$notes")" >"$rows/$1"
    printf '%-24s %s of %s\n' "$(ex_printable "$student")" "$score" "$max"
}

# JOBS hand-ins at a time (default 2), each in its own sandboxes: a pipe
# holds a token for each free place, and the next hand-in starts as soon as
# any ends (one that runs into its time limit holds up no other). The
# grading itself never sees the pipe.
pool="$reports/pool"
rm -f "$pool"
mkfifo "$pool" || exit 2
exec 3<>"$pool"
rm -f "$pool"
k=0
while [ "$k" -lt "$jobs" ]; do echo >&3; k=$((k + 1)); done
count=0
for s in "$submissions"/* "$submissions"/.[!.]* "$submissions"/..?*; do
    [ -e "$s" ] || [ -L "$s" ] || continue
    count=$((count + 1))
    read -r _ <&3
    { grade_one "$(printf '%04d' "$count")" "$s" 3>&-; echo >&3; } &
done
wait
exec 3>&-
# Exactly one row per hand-in, even for one whose grading broke down.
n=0
for s in "$submissions"/* "$submissions"/.[!.]* "$submissions"/..?*; do
    [ -e "$s" ] || [ -L "$s" ] || continue
    n=$((n + 1))
    [ -f "$rows/$(printf '%04d' "$n")" ] || printf '%s,0,%s,%s,%s\n' "$(csv_field "${s##*/}")" "$max" \
        "$(printf '%s\n' "$tasks" | sed 's/.*/0/' | paste -sd, -)" "not graded: the grading broke down" \
        >"$rows/$(printf '%04d' "$n")"
done
{
    printf 'student,score,max_score'
    printf '%s\n' "$tasks" | cut -f1 | while read -r t; do printf ',%s' "$t"; done
    printf ',notes\n'
    cat "$rows"/* 2>/dev/null
} >"$csv.tmp" && mv "$csv.tmp" "$csv" || exit 2
echo "Graded $count hand-in(s) of chapter $chapter with hidden points from seed $GRADE_SEED:"
echo "$(ex_printable "${csv#"$EX_ROOT"/}"); reports in $(ex_printable "${reports#"$EX_ROOT"/}")/"
