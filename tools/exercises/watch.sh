#!/bin/sh
# In a student release: grades a chapter, then again every time code/nn.c
# is saved, until every chapter passes or Ctrl-C. Starts at CHAPTER, or at
# the first chapter with a task left, and moves on when a chapter passes.
# Waits with inotifywait (inotify-tools) where it is installed, otherwise
# looks at the file once a second.
#
#   sh tools/exercises/watch.sh     (CHAPTER=N; WATCH_POLL=1 always polls;
#                                    WATCH_ROUNDS=K stops after K gradings)
. "$(dirname "$0")/common.sh"

file="$EX_ROOT/code/nn.c"
chapter=${CHAPTER:-}
[ -n "$chapter" ] || chapter=$(sh "$EX_TOOLS/progress.sh" --first)
[ -n "$chapter" ] || { echo "Every task of every chapter passes its checks: nothing to watch."; exit 0; }
ex_chapter_dir "$chapter" >/dev/null || exit 2
chapter=$((1 * chapter))
last=$(ex_chapters | tail -n 1)
rounds=0
wait_for=inotify
[ "${WATCH_POLL:-0}" != 1 ] && command -v inotifywait >/dev/null 2>&1 || wait_for=poll

# Returns once the file has changed: a new content, whatever the editor did.
wait_for_save() {
    before=$(cksum <"$file" 2>/dev/null)
    while [ "$(cksum <"$file" 2>/dev/null)" = "$before" ]; do
        if [ "$wait_for" = inotify ]; then
            inotifywait -qq -t 60 -e close_write -e moved_to -e create "$(dirname "$file")" 2>/dev/null
        else
            sleep 1
        fi
    done
}

while :; do
    echo "==== make grade$chapter, $(date +%H:%M:%S)"
    if sh "$EX_TOOLS/self-grade.sh" "$chapter"; then
        if [ "$chapter" -lt "$last" ]; then
            chapter=$(ex_chapters | awk -v c="$chapter" '$1 > c { print; exit }')
            echo "Chapter done. On to chapter $chapter: make chapter$chapter runs it."
            continue
        fi
        echo "Every chapter done."
        exit 0
    fi
    rounds=$((rounds + 1))
    [ "$rounds" != "${WATCH_ROUNDS:-0}" ] || exit 0
    echo
    echo "Watching code/nn.c ($wait_for): save it to grade chapter $chapter again; Ctrl-C stops."
    wait_for_save
done
