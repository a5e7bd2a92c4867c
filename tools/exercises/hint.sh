#!/bin/sh
# Prints the hint of every task of chapter N, in the order to do them.
#   sh tools/exercises/hint.sh N
. "$(dirname "$0")/common.sh"

chapter=${1:-}
dir=$(ex_chapter_dir "$chapter") || exit 2
chapter=$((1 * chapter))
tasks=$(ex_tasks "$chapter") || exit 2
echo "Chapter $chapter, ${dir#chapters/}: hints"
printf '%s\n' "$tasks" | while IFS="$TAB" read -r task file title hint ch; do
    case $file in code/*) ;; *) file=${file##*/} ;; esac
    echo
    echo "$task ($file): $title"
    printf '%s\n' "$hint" | fold -s -w 74 | sed 's/ *$//; s/^/  /'
done
