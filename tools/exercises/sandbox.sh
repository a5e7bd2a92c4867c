#!/bin/sh
# Runs a command on a hand-in inside bubblewrap: the system read-only, a
# fresh size-limited tmpfs as /box (the working directory) holding only the
# files given, read-only, and a size-limited tmpfs as /tmp, both gone when
# the command ends; no network, no other process visible, nothing of the
# teacher's files; limits on time, CPU, memory, processes and file size.
# Nothing comes out but the command's standard output and error, which the
# caller captures itself: no file the command writes is ever read.
#
#   sh tools/exercises/sandbox.sh SECONDS [FILE=NAME]... -- COMMAND...
#   sh tools/exercises/sandbox.sh check       can the sandbox run here?
#
# FILE=NAME shows the file FILE as /box/NAME, read-only. Exit status: the
# command's; 124 when it ran out of time; 125 when the sandbox cannot run
# (check says why). There is no mode without the sandbox: see "The sandbox"
# in docs/pages/teachers.md for a container.
set -u
seconds=$1
shift
# Processes are counted per user across the machine: allow 32 more than run
# now (and see the cgroup below). Memory: 1 GB of address space a process;
# the two tmpfs mounts hold at most BOX_MB and 32 MB.
procs=$(( $(ls /proc | grep -c "^[0-9]") + 32 ))
limits="--cpu=${CPU_SECONDS:-$seconds} --as=1073741824 --nproc=$procs --fsize=67108864 --core=0"
box_bytes=$(( ${BOX_MB:-128} * 1048576 ))

command -v bwrap >/dev/null 2>&1 || {
    echo "grading refused: bubblewrap (bwrap) is not installed; install it" \
         "(apt-get install bubblewrap)" >&2
    exit 125; }
# box COMMAND...: COMMAND in bubblewrap, run by $wrap (the limits), with the
# files of $binds.
box() {
    set -- --chdir /box "$@"
    for d in bin sbin lib lib32 lib64 libx32; do
        if [ -L "/$d" ]; then set -- --symlink "$(readlink "/$d")" "/$d" "$@"
        elif [ -d "/$d" ]; then set -- --ro-bind "/$d" "/$d" "$@"; fi
    done
    for f in /etc/alternatives /etc/ld.so.cache /etc/ld.so.conf /etc/ld.so.conf.d; do
        [ -e "$f" ] && set -- --ro-bind "$f" "$f" "$@"
    done
    # As root, the hand-in runs as an ordinary user of a user namespace of its own.
    [ "$(id -u)" = 0 ] && set -- --unshare-user --uid 65534 --gid 65534 "$@"
    # shellcheck disable=SC2086 # $wrap and $binds are lists of words without spaces
    $wrap bwrap --ro-bind /usr /usr --proc /proc --dev /dev \
        --size 33554432 --tmpfs /tmp --size "$box_bytes" --tmpfs /box $binds \
        --unshare-all --die-with-parent --new-session --clearenv \
        --setenv PATH /usr/bin:/bin --setenv HOME /box --setenv TMPDIR /tmp "$@"
}
wrap="" binds=""
if [ "$seconds" = check ]; then
    why=$(box true 2>&1 </dev/null) && exit 0
    echo "grading refused: bubblewrap cannot start a sandbox here: $(echo "$why" | head -n 1 | tr -cd '[:print:]')" >&2
    echo "  (in a container, allow user namespaces: see docs/pages/teachers.md)" >&2
    exit 125
fi
case $seconds in ''|*[!0-9]*) echo "sandbox: $seconds is not a number of seconds" >&2; exit 125 ;; esac
while [ $# -gt 0 ] && [ "$1" != -- ]; do
    file=${1%=*} name=${1##*=}
    case $file$name in *[!A-Za-z0-9._/-]*) echo "sandbox: unsafe file name $1" >&2; exit 125 ;; esac
    binds="$binds --ro-bind $file /box/$name"
    shift
done
[ $# -gt 1 ] || { echo "sandbox: no command" >&2; exit 125; }
shift

# In a user namespace the per-user process limit no longer holds: where this
# machine lets us make cgroups (as root, mostly), one of our own limits the
# processes to 64 and their memory, all together, to 2 GB.
groups=""
for c in /sys/fs/cgroup/pids /sys/fs/cgroup/memory /sys/fs/cgroup; do
    [ -f "$c/cgroup.procs" ] && mkdir "$c/grade.$$" 2>/dev/null || continue
    for setting in pids.max=64 memory.max=2147483648 memory.limit_in_bytes=2147483648; do
        f="$c/grade.$$/${setting%=*}"
        [ ! -f "$f" ] || echo "${setting#*=}" >"$f" 2>/dev/null
    done
    if echo $$ >"$c/grade.$$/cgroup.procs" 2>/dev/null; then groups="$groups $c"
    else rmdir "$c/grade.$$"; fi
done
wrap="timeout -k 1 $seconds prlimit $limits --"
box "$@"
rc=$?
for c in $groups; do
    echo $$ >"$c/cgroup.procs"
    for try in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
        rmdir "$c/grade.$$" 2>/dev/null && break
        sleep 0.05
    done
done
exit "$rc"
