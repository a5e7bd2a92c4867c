# The guide's side of chapter 9 and `make bench`. Read after mk/docs.mk (the
# Makefile includes mk/*.mk in sorted order), whose variables it uses.
#
# Chapter 9 prints timings, so its captured output is the last capture taken:
# every other capture and picture is finished before it starts, and nothing
# the guide's build runs shares the cores with its measurements. It runs with
# OMP_WAIT_POLICY=passive: OpenMP threads waiting for work then sleep instead
# of spinning. On a machine that other jobs keep busy, spinning threads take
# the cores the working ones need, and the run stretched from about 2 seconds
# to 12 here, with two threads ten times slower than one.
#
# Its CSV, for the pictures, comes from a run on one thread (the same bits as
# on every core: the blocks of code/fast.c depend on the sample count alone)
# so that a busy machine cannot slow it down, and with more gradients than
# the default 1000, so that the pictures show where the plain run stops and
# where the descent goes on to converge.
DOCS_CH9_CSV_ARGS := --csv --threads 1 --max-steps 5000

$(DOCS_GEN)/data/chapter9.csv: $(BUILD)/chapter9
	@mkdir -p $(@D)
	$< $(DOCS_CH9_CSV_ARGS) > $@.tmp && mv $@.tmp $@

$(DOCS_GEN)/output/chapter9.txt: $(BUILD)/chapter9 | \
    $(filter-out $(DOCS_GEN)/output/chapter9.txt,$(DOCS_OUTPUT)) $(DOCS_CSV) $(DOCS_SVG)
	@mkdir -p $(@D)
	OMP_WAIT_POLICY=passive $< > $@.tmp && mv $@.tmp $@

# The bench page: docs/pages/bench.md with the line `<!-- build/bench.md -->`
# replaced by the table `make bench` last wrote, if there is one. The guide
# never runs the bench itself (it takes about 20 seconds and needs the
# machine to itself); without a table the page says how to make one.
# Doxygen reads the table as Markdown; the characters it would take as
# commands or HTML are escaped, and the file's own title is dropped.
DOCS_BENCH := $(BUILD)/bench.md

$(DOCS_GEN)/bench.md: docs/pages/bench.md $(wildcard $(DOCS_BENCH)) mk/speed-docs.mk
	@mkdir -p $(@D)
	if test -f $(DOCS_BENCH); then \
	    echo "Written to \`$(DOCS_BENCH)\` on" \
	         "$$(date -u -r $(DOCS_BENCH) '+%Y-%m-%d at %H:%M UTC')."; echo; \
	    sed -e '1{/^# /d;}' -e 's/\\/\\\\/g; s/@/\\@/g; s/&/\&amp;/g' \
	        -e 's/</\&lt;/g; s/>/\&gt;/g' $(DOCS_BENCH); \
	else \
	    echo "*No measurement yet:* there was no \`$(DOCS_BENCH)\` when this guide was" \
	         "built. To put one here, run \`make bench && make docs\`."; \
	fi > $@.table
	awk -v table=$@.table '$$0 == "<!-- build/bench.md -->" { \
	        while ((getline line < table) > 0) print line; found = 1; next } \
	    { print } END { exit !found }' docs/pages/bench.md > $@.tmp
	rm -f $@.table
	mv $@.tmp $@

$(DOCS_HTML)/index.html: $(DOCS_GEN)/bench.md
