# What the exercise scripts share: sourced, not run. POSIX sh.
#
# A chapter's exercises are tests/exercises/chapterN.tasks (tasks.awk reads
# it); a chapter without that file has none. A task replaces whole functions
# of code/nn.c, swapped by name with tools/functions.awk.

set -u
EX_TOOLS=$(cd "$(dirname "$0")" && pwd)
EX_ROOT=$(cd "$EX_TOOLS/../.." && pwd)
EX_TASKS=${EX_TASKS:-$EX_ROOT/tests/exercises}
TAB=$(printf '\t')

ex_die() { echo "$*" >&2; exit 2; }

# The directory of chapter $1 (chapters/03-chain-rule), or an error.
ex_chapter_dir() {
    case $1 in ''|*[!0-9]*) ex_die "exercises: \"$1\" is not a chapter number" ;; esac
    set -- "$(printf '%02d' "$1")"
    for d in "$EX_ROOT"/chapters/"$1"-*; do
        [ -d "$d" ] && { echo "chapters/${d##*/}"; return 0; }
    done
    ex_die "exercises: there is no chapter $1 (no chapters/$1-*)"
}

# The chapters that have exercises, in order.
ex_chapters() {
    for f in "$EX_TASKS"/chapter*.tasks; do
        [ -f "$f" ] || continue
        n=${f##*/chapter}
        echo "${n%.tasks}"
    done | sort -n
}

# Chapter $1's tasks: task TAB points TAB functions TAB title TAB hints.
ex_tasks() {
    f="$EX_TASKS/chapter$1.tasks"
    [ -f "$f" ] || ex_die "exercises: chapter $1 has no exercises (no tests/exercises/chapter$1.tasks)"
    awk -v mode=list -f "$EX_TOOLS/tasks.awk" "$f"
}

# Task $2 of chapter $1: mode $3 (stub, or hint with n=$4).
ex_task_text() {
    awk -v mode="$3" -v task="$2" -v n="${4:-0}" -f "$EX_TOOLS/tasks.awk" "$EX_TASKS/chapter$1.tasks"
}

# ex_swap FILE NAME=SOURCE...: FILE with each function NAME replaced by the
# function of that name in SOURCE (and its comment). Prints the result.
ex_swap() {
    s_cur=$(mktemp) && s_fn=$(mktemp) && s_next=$(mktemp) || return 2
    cp "$1" "$s_cur"
    shift
    s_rc=0
    for s_pair in "$@"; do
        s_name=${s_pair%%=*}
        awk -v mode=get -v name="$s_name" -f "$EX_ROOT/tools/functions.awk" "${s_pair#*=}" \
            >"$s_fn" 2>/dev/null || { echo "${s_pair#*=}: no function $s_name" >&2; s_rc=2; break; }
        awk -v mode=replace -v name="$s_name" -v with="$s_fn" -f "$EX_ROOT/tools/functions.awk" \
            "$s_cur" >"$s_next" || { s_rc=2; break; }
        cp "$s_next" "$s_cur"
    done
    [ "$s_rc" -ne 0 ] || cat "$s_cur"
    rm -f "$s_cur" "$s_fn" "$s_next"
    return "$s_rc"
}

# ex_stub_file FIRST DIR: writes DIR/stubs.c, the stub of every task of
# chapter FIRST and later, each function under a TODO comment, and prints the
# NAME=DIR/stubs.c arguments of ex_swap that put them in place.
ex_stub_file() {
    : >"$2/stubs.c"
    for c in $(ex_chapters); do
        [ "$c" -ge "$1" ] || continue
        ex_tasks "$c" | while IFS="$TAB" read -r task points functions title hints; do
            ex_task_text "$c" "$task" stub | awk -v c="$c" -v t="$task" -v list=" $functions " '
                /^[A-Za-z_]/ && index($0, "(") {
                    f = substr($0, 1, index($0, "(") - 1); sub(/.*[^A-Za-z0-9_]/, "", f)
                    if (index(list, " " f " "))
                        printf "/* TODO: chapter %d, task %s: write this function (make hint%d). */\n", c, t, c
                }
                { print }' >>"$2/stubs.c"
            echo >>"$2/stubs.c"
            for f in $functions; do printf '%s=%s\n' "$f" "$2/stubs.c"; done
        done
    done
}

# A name safe in a path and a shell command, from any text.
ex_safe_name() { printf '%s' "$1" | sed 's#^\./##; s#/*$##; s#[^A-Za-z0-9._-]#_#g'; }
