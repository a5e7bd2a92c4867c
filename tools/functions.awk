# Finds the functions of a C file by name, so that the guide can quote a
# whole function and an exercise can swap one out, with no markers in the
# source. A function is what this project's style makes it:
#
#     /* An optional comment block just above it. */
#     double ssr(const nn_params *p, nn_data data)     <- column 0, has "(",
#     {                                                   may run over lines
#         ...
#     }                                                 <- the first "}" in column 0
#
# Its name is the identifier just before the first "(" (after any
# __attribute__((...))). Other top-level
# code (types, variables, prototypes ending in ";") is left as it is.
#
# Modes (awk -v mode=...):
#   list              one line per function: name TAB first line TAB last line
#                     (the first line is its comment's, when it has one)
#   get name=N        the function N, with its comment
#   mark              the whole file with "// [N]" before and after each
#                     function N, for Doxygen's \snippet
#   replace name=N with=FILE
#                     the whole file with the function N and its comment
#                     replaced by the text of FILE
# A name that matches no function (get, replace) is an error: status 2.

function fail(message) {
    printf "%s: %s\n", FILENAME, message > "/dev/stderr"
    failed = 1
    exit 2
}

{ line[NR] = $0 }

END {
    if (failed) exit 2
    n = NR
    count = 0
    i = 1
    while (i <= n) {
        text = line[i]
        if (text ~ /^[A-Za-z_]/ && text !~ /^(typedef|struct|enum|union|#)/ && index(text, "(") > 0 &&
            text !~ /;[ \t]*$/ && text !~ /=/) {
            # The signature runs until a line that is just "{".
            j = i
            while (j < n && line[j] !~ /^\{[ \t]*$/ && line[j] !~ /;[ \t]*$/) j++
            if (line[j] !~ /^\{[ \t]*$/) { i = j + 1; continue }
            k = j
            while (k <= n && line[k] !~ /^\}/) k++
            if (k > n) fail("line " i ": no closing } in column 0")
            plain = text
            gsub(/__attribute__\(\([^)]*\)\)/, "", plain)
            head = substr(plain, 1, index(plain, "(") - 1)
            sub(/[ \t]+$/, "", head)
            fname = head
            sub(/.*[^A-Za-z0-9_]/, "", fname)
            first = i
            if (i > 1 && line[i - 1] ~ /\*\/[ \t]*$/) {
                c = i - 1
                while (c > 1 && line[c] !~ /^\/\*/) c--
                if (line[c] ~ /^\/\*/) first = c
            }
            count++
            fn_name[count] = fname; fn_first[count] = first; fn_last[count] = k
            i = k + 1
            continue
        }
        i++
    }

    if (mode == "list") {
        for (f = 1; f <= count; f++) printf "%s\t%d\t%d\n", fn_name[f], fn_first[f], fn_last[f]
        exit 0
    }
    if (mode == "mark") {
        f = 1
        for (i = 1; i <= n; i++) {
            if (f <= count && i == fn_first[f]) print "// [" fn_name[f] "]"
            print line[i]
            if (f <= count && i == fn_last[f]) { print "// [" fn_name[f] "]"; f++ }
        }
        exit 0
    }
    if (mode != "get" && mode != "replace") fail("mode must be list, get, mark or replace")
    found = 0
    for (f = 1; f <= count; f++) if (fn_name[f] == name) { found = f; break }
    if (!found) fail("no function named " name)
    if (mode == "get") {
        for (i = fn_first[found]; i <= fn_last[found]; i++) print line[i]
        exit 0
    }
    if (with == "") fail("replace needs with=FILE")
    for (i = 1; i < fn_first[found]; i++) print line[i]
    while ((getline text < with) > 0) print text
    close(with)
    for (i = fn_last[found] + 1; i <= n; i++) print line[i]
}
