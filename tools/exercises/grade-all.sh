#!/bin/sh
# Grades every student folder in DIR for chapter N and writes a CSV.
#
#   sh tools/exercises/grade-all.sh N DIR [CSV]   (default CSV: build/grades/chapterN.csv)
#
# Each subdirectory of DIR is one student's hand-in (their exercises/NN-name
# folder, renamed after the student). The CSV has one row per student:
#   student,passed,total,TASK...,notes
# where each TASK column is 1 or 0 and notes says why a task scored 0 when it
# is not simply a wrong result (does not compile, crashed, timed out). Each
# student's full report goes to build/grades/chapterN/STUDENT.txt. A broken
# hand-in never stops the batch.
. "$(dirname "$0")/common.sh"

chapter=${1:-}
dir=$(ex_chapter_dir "$chapter") || exit 2
chapter=$((1 * chapter))
submissions=${2:-}
[ -n "$submissions" ] || ex_die "usage: make grade-all CHAPTER=N SUBMISSIONS=dir [CSV=file]"
[ -d "$submissions" ] || ex_die "grade-all: $submissions is not a directory"
tasks=$(ex_tasks "$chapter") || exit 2
build=${BUILD:-build}
case $build in /*) ;; *) build="$EX_ROOT/$build" ;; esac
csv=${3:-$build/grades/chapter$chapter.csv}
reports="$build/grades/chapter$chapter"
mkdir -p "$reports" "$(dirname "$csv")" || exit 2

csv_field() { # quotes a field when it needs it
    case $1 in *[,\"]*) printf '"%s"' "$(printf '%s' "$1" | sed 's/"/""/g')" ;; *) printf '%s' "$1" ;; esac
}

{
    printf 'student,passed,total'
    printf '%s\n' "$tasks" | cut -f1 | while read -r t; do printf ',%s' "$t"; done
    printf ',notes\n'
} >"$csv.tmp"

count=0
for s in "$submissions"/*/; do
    [ -d "$s" ] || continue
    student=$(basename "$s")
    report="$reports/$(ex_safe_name "$student").txt"
    out="$build/grades/chapter$chapter/$(ex_safe_name "$student").build"
    GRADE_OUT="$out" FORMAT=text sh "$EX_TOOLS/grade.sh" "$chapter" "$s" >"$report" 2>&1
    if [ -f "$out/tasks.tsv" ]; then
        passed=$(awk -F "$TAB" '$2 == 1' "$out/tasks.tsv" | wc -l)
        total=$(wc -l <"$out/tasks.tsv")
        marks=$(cut -f2 "$out/tasks.tsv" | paste -sd, -)
        # Tasks that scored 0 for the same reason share one note.
        notes=$(awk -F "$TAB" '$2 == 0 && $3 != "wrong result" {
                if (!($3 in who)) { order[++n] = $3; who[$3] = $1 } else who[$3] = who[$3] ", " $1 }
            { all++ }
            END { if (n == 1 && split(who[order[1]], t, ", ") == all) { printf "%s", order[1]; exit }
                  for (i = 1; i <= n; i++) printf "%s%s: %s", (i > 1 ? "; " : ""), who[order[i]], order[i] }' \
            "$out/tasks.tsv")
    else
        passed=0
        total=$(printf '%s\n' "$tasks" | wc -l)
        marks=$(printf '%s\n' "$tasks" | sed 's/.*/0/' | paste -sd, -)
        notes="could not be graded: $(tail -n 1 "$report")"
    fi
    printf '%s,%s,%s,%s,%s\n' "$(csv_field "$student")" "$passed" "$total" "$marks" \
        "$(csv_field "$notes")" >>"$csv.tmp"
    printf '%-24s %s of %s tasks%s\n' "$student" "$passed" "$total" "${notes:+   ($notes)}"
    count=$((count + 1))
done
mv "$csv.tmp" "$csv"
echo "Graded $count submission(s) for chapter $chapter: ${csv#"$EX_ROOT"/}; reports in ${reports#"$EX_ROOT"/}/"
