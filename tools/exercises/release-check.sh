#!/bin/sh
# Proves a student release holds no reference solution: no .git, no tests or
# guide, and for every task it ships, neither the body of any function the
# task replaces nor any statement of it, spaces aside, in any of its files.
# Statements the teacher gives anyway (in nn.c's other functions, the stubs,
# code/support/, code/verify.c, the programs of the task's chapter and earlier ones) and
# loop heads and short ones (under 24 characters, "return sum;") do not count.
#
#   sh tools/exercises/release-check.sh DEST
. "$(dirname "$0")/common.sh"

dest=${1:-}
[ -d "$dest" ] || ex_die "release-check: $dest is not a folder"
problems=0
problem() { echo "  FAIL  release: $*"; problems=$((problems + 1)); }
for p in .git docs/pages/teachers.md tests/test_nn.c; do [ ! -e "$dest/$p" ] || problem "it holds $p"; done

work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
# Every file of the release, spaces removed, one file a line.
find "$dest" -type f | sort | while read -r f; do
    printf '%s\t' "${f#"$dest"/}"
    tr -d ' \t\r\n' <"$f"
    echo
done >"$work/flat"

statements() { grep -h ';' "$@" | grep -v '^[ \t]*for (' | tr -d ' \t\r' | awk 'length($0) >= 24' | sort -u; }
ex_swap "$EX_ROOT/code/nn.c" $(ex_stub_file 1 "$work") >"$work/given.c" || exit 2
for tasks in "$dest"/tests/exercises/chapter*.tasks; do
    [ -f "$tasks" ] || continue
    c=${tasks##*/chapter}
    c=${c%.tasks}
    programs=$(for d in "$EX_ROOT"/chapters/[0-9][0-9]-*; do
        n=${d##*/chapters/}; [ "$((1${n%%-*} - 100))" -gt "$c" ] || echo "$d"/*.c; done)
    statements "$work/given.c" "$work/stubs.c" "$EX_ROOT"/code/support/*.c "$EX_ROOT"/code/verify.c $programs >"$work/given"
    for f in $(ex_tasks "$c" | cut -f3); do
        awk -v mode=get -v name="$f" -f "$EX_ROOT/tools/functions.awk" "$EX_ROOT/code/nn.c" |
            sed -n '/^{/,/^}/p' >"$work/body"
        # The body, then each statement long enough to be telling.
        { tr -d ' \t\r\n' <"$work/body"; echo
          statements "$work/body" | comm -23 - "$work/given"; } >"$work/needles"
        while read -r needle; do
            where=$(grep -a -F -- "$needle" "$work/flat" | cut -f1 | head -n 3 | tr '\n' ' ')
            [ -z "$where" ] || problem "the reference $f is in $where($(printf '%s' "$needle" | cut -c1-60))"
        done <"$work/needles"
    done
done

# What a student reads speaks of nothing the release lacks, and make help
# lists only targets that work there.
reader="$dest/Makefile $dest/mk $dest/README.md $dest/code $dest/chapters $dest/docs $dest/tests/exercises"
# shellcheck disable=SC2086
grep -rInE 'cmocka|teachers|bench|chapters/(09|10)|[Cc]hapter (9|10)([^0-9]|$)|make (test|check)' \
    --exclude-dir=public $reader 2>/dev/null | sed "s#^$dest/##" | head -n 5 >"$work/lacks"
# shellcheck disable=SC2086
grep -rhoE --exclude-dir=public 'tools/[A-Za-z0-9_.-]+' $reader 2>/dev/null | sed 's/[.]*$//' | sort -u |
    while read -r path; do [ -e "$dest/$path" ] || echo "$path, which it lacks"; done >>"$work/lacks"
[ ! -s "$work/lacks" ] || problem "it speaks of what it lacks: $(tr '\n' ' ' <"$work/lacks")"
make -s -C "$dest" help >"$work/help" 2>&1 || problem "make help fails: $(head -n 1 "$work/help")"
for target in $(sed -n 's/^make \([a-z-]*\) .*/\1/p' "$work/help"); do
    make -n -C "$dest" "$target" >/dev/null 2>&1 || problem "make help lists make $target, which fails there"
done
for target in grade hint progress watch; do
    grep -q "^make $target" "$work/help" || problem "make help does not list make $target"
done
[ "$problems" -eq 0 ] || exit 1
echo "  ok    release: no solution in it; it speaks only of what it holds; make help is true"
