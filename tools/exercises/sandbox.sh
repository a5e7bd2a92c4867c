#!/bin/sh
# Runs a command on a hand-in's scratch folder, inside bubblewrap: the system
# read-only, DIR (seen as /box, the working directory) the only thing
# writable, a private /tmp, no network, no other process visible, nothing of
# the teacher's files; and limits on time, CPU, memory, processes and output.
#
#   sh tools/exercises/sandbox.sh DIR SECONDS COMMAND...
#   sh tools/exercises/sandbox.sh DIR check     can the sandbox run here?
#
# Exit status: the command's; 124 when it ran out of time; 125 when the
# sandbox cannot run (check says why). UNSAFE=1 runs the command without
# bubblewrap, only with the limits: for a machine where bubblewrap cannot
# run, and only for hand-ins the teacher trusts.
set -u
dir=$1 seconds=$2
shift 2
# Processes are counted per user across the machine: allow 32 more than run now.
procs=$(( $(ls /proc | grep -c "^[0-9]") + 32 ))
limits="--cpu=$seconds --as=1073741824 --nproc=$procs --fsize=67108864 --core=0"

if [ "${UNSAFE:-0}" = 1 ]; then
    [ "$seconds" != check ] || exit 0
    cd "$dir" || exit 125
    exec timeout -k 1 "$seconds" prlimit $limits -- "$@"
fi

command -v bwrap >/dev/null 2>&1 || {
    echo "grading refused: bubblewrap (bwrap) is not installed; install it" \
         "(apt-get install bubblewrap), or run with UNSAFE=1 to grade without a sandbox" >&2
    exit 125; }
# box DIR COMMAND...: COMMAND in bubblewrap, run by $wrap (the limits).
box() {
    b_dir=$1
    shift
    set -- --dir /box --bind "$b_dir" /box --chdir /box "$@"
    for d in bin sbin lib lib32 lib64 libx32; do
        if [ -L "/$d" ]; then set -- --symlink "$(readlink "/$d")" "/$d" "$@"
        elif [ -d "/$d" ]; then set -- --ro-bind "/$d" "/$d" "$@"; fi
    done
    for f in /etc/alternatives /etc/ld.so.cache /etc/ld.so.conf /etc/ld.so.conf.d; do
        [ -e "$f" ] && set -- --ro-bind "$f" "$f" "$@"
    done
    # As root, the hand-in runs as an ordinary user of a user namespace of its own.
    [ "$(id -u)" = 0 ] && set -- --unshare-user --uid 65534 --gid 65534 "$@"
    $wrap bwrap --ro-bind /usr /usr --proc /proc --dev /dev --tmpfs /tmp \
        --unshare-all --die-with-parent --new-session --clearenv \
        --setenv PATH /usr/bin:/bin --setenv HOME /box --setenv TMPDIR /tmp "$@"
}
wrap=""
if [ "$seconds" = check ] && ! why=$(box "$dir" true 2>&1 </dev/null); then
    echo "grading refused: bubblewrap cannot start a sandbox here: $(echo "$why" | head -n 1)" >&2
    echo "  (in a container, allow user namespaces; or run with UNSAFE=1 to grade" \
         "without a sandbox, only hand-ins you trust)" >&2
    exit 125
fi
[ "$seconds" != check ] || exit 0
wrap="timeout -k 1 $seconds prlimit $limits --"
box "$dir" "$@"
