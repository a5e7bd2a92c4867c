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
ex_safe_name() { printf '%s' "$1" | tr '\n' '_' | sed 's#^\./##; s#/*$##; s#[^A-Za-z0-9._-]#_#g; s#^\.#_.#'; }

# The name of a report for a hand-in named $1: its safe name, and where that
# had to change anything, a checksum of the original, so that "a smith",
# "a+smith" and "a_smith" get three reports.
ex_report_name() {
    r_safe=$(ex_safe_name "$1")
    r_plain=$(printf '%s' "$1" | sed 's#^\./##; s#/*$##')
    [ -n "$r_safe" ] || r_safe=_
    if [ "$r_safe" = "$r_plain" ]; then printf '%s' "$r_safe"
    else printf '%s-%s' "$r_safe" "$(printf '%s' "$1" | cksum | cut -d' ' -f1)"; fi
}

# clean(s), for awk: s with every byte that is not printable ASCII or a
# printable UTF-8 character written as \xHH: no control character, C1 control
# or bidirectional override reaches a terminal, and JSON and XML stay valid.
EX_CLEAN='
function clean(s,    out, i, n, c, b, len, k, ok, b1) {
    if (!clean_ready) { for (k = 1; k < 256; k++) ord_[sprintf("%c", k)] = k; clean_ready = 1 }
    n = length(s); out = ""
    for (i = 1; i <= n; i++) {
        c = substr(s, i, 1); b = ord_[c] + 0
        if (b >= 32 && b < 127) { out = out c; continue }
        len = b >= 194 && b <= 223 ? 2 : b >= 224 && b <= 239 ? 3 : b >= 240 && b <= 244 ? 4 : 0
        ok = len > 0 && i + len - 1 <= n
        for (k = 1; ok && k < len; k++) { b1 = ord_[substr(s, i + k, 1)] + 0; ok = b1 >= 128 && b1 <= 191 }
        b1 = ord_[substr(s, i + 1, 1)] + 0
        if (ok && ((b == 194 && b1 < 160) || (b == 224 && b1 < 160) || (b == 237 && b1 > 159) ||
                   (b == 240 && b1 < 144) || (b == 244 && b1 > 143))) ok = 0
        if (ok && b == 226 && ((b1 == 128 && ord_[substr(s, i + 2, 1)] >= 170 && ord_[substr(s, i + 2, 1)] <= 174) ||
                               (b1 == 129 && ord_[substr(s, i + 2, 1)] >= 166 && ord_[substr(s, i + 2, 1)] <= 169))) ok = 0
        if (ok) { out = out substr(s, i, len); i += len - 1 }
        else out = out sprintf("\\x%02x", b)
    }
    return out
}'

# $1 with its control characters escaped, on one line: for a message.
ex_printable() { printf '%s' "$1" | LC_ALL=C awk "$EX_CLEAN"' { printf "%s%s", (NR > 1 ? " " : ""), clean($0) }'; }
ex_shown() { ex_printable "$1"; }

# The seed of the hidden points: GRADE_SEED, a whole number below 2^64, or
# else a new one, written to standard error (the teacher's log, never a
# student's report). Empty when GRADE_SEED=public: public checks only.
ex_seed() {
    s_seed=${GRADE_SEED:-}
    case $s_seed in
        public) return 0 ;;
        '') s_seed=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
            echo "hidden points from the new seed $s_seed (GRADE_SEED=$s_seed grades the same again)" >&2 ;;
        *[!0-9]*) ex_die "grading refused: GRADE_SEED must be a whole number, not \"$(ex_printable "$s_seed")\"" ;;
    esac
    [ "${#s_seed}" -le 19 ] || ex_die "grading refused: GRADE_SEED has more than 19 digits"
    echo "$s_seed"
}
