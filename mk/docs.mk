# The guide: Doxygen pages with the chapters' real code, output and pictures.
#
#   make docs         build build/docs/html/index.html
#   make docs-check   build it twice, then check it (tools/docs-check), in Chromium too
#
# A chapter joins the guide by adding files only:
#   docs/chapters/NN-name.md   its page, whose first line is `# Title {#chapterN}`
#   docs/plots/chNN-*.gp       gnuplot scripts drawing its pictures as SVG
# Every chapter program is run twice while the guide is built: plainly, its
# output captured as chapterN.txt (for `\verbinclude chapterN.txt`), and
# with --csv if its --help offers it, as chapterN.csv for the scripts.
# tools/docs-pages makes the copies of the pages Doxygen reads (links between
# chapters, contents, menu, Try it); tools/docs-finish finishes its HTML.

DOCS_OUT ?= $(BUILD)/docs
DOCS_GEN := $(DOCS_OUT)/gen
DOCS_HTML := $(DOCS_OUT)/html
DOCS_PAGES := $(sort $(wildcard docs/chapters/[0-9][0-9]-*.md))
DOCS_PLOTS := $(sort $(wildcard docs/plots/ch[0-9][0-9]-*.gp))
DOCS_OUTPUT := $(CHAPTERS:%=$(DOCS_GEN)/output/chapter%.txt)
DOCS_CSV := $(CHAPTERS:%=$(DOCS_GEN)/data/chapter%.csv)
DOCS_SVG := $(DOCS_PLOTS:docs/plots/%.gp=$(DOCS_GEN)/images/%.svg) $(DOCS_GEN)/images/network.svg
DOCS_SOURCES := docs/Doxyfile docs/DoxygenLayout.xml docs/guide.css docs/guide.js docs/mathjax-config.js \
    $(wildcard docs/pages/*.md) $(DOCS_PAGES) code/nn.h $(CODE_SRC) $(SUPPORT_SRC) $(wildcard code/support/*.h) \
    $(wildcard chapters/*/*.[ch] chapters/*/*/*.[ch])
DOCS_AWESOME := /usr/share/doxygen-awesome-css/doxygen-awesome.css
MATHJAX_SRC ?= /usr/share/javascript/mathjax
# The parts of MathJax 2 the pages load: the loader, the TeX input, the SVG
# output with its TeX font only, and the extensions (menu, zoom, AMS math).
MATHJAX_PARTS := MathJax.js extensions jax/input/TeX jax/element \
    jax/output/SVG/config.js jax/output/SVG/jax.js jax/output/SVG/autoload \
    jax/output/SVG/fonts/TeX

.PHONY: docs docs-check docs-tools

docs: $(DOCS_HTML)/index.html ## build the guide: build/docs/html/index.html

# docs-check builds the guide a second time, from nothing, in
# $(BUILD)/docs-again, and asks that every file of the two builds be the same.
# The two builds share only the chapter programs, built first; they then run
# side by side, as Doxygen works on one core.
docs-check: $(CHAPTER_BINS) ## build the guide twice and check it, in Chromium too
	rm -rf $(BUILD)/docs-again
	$(MAKE) --no-print-directory DOCS_OUT=$(BUILD)/docs-again $(BUILD)/docs-again/html/index.html \
	    >$(BUILD)/docs-again.log 2>&1 & again=$$!; \
	$(MAKE) --no-print-directory $(DOCS_HTML)/index.html; status=$$?; \
	wait $$again || { cat $(BUILD)/docs-again.log; exit 1; }; exit $$status
	/usr/bin/python3 tools/docs-check --html $(DOCS_HTML) --gen $(DOCS_GEN) \
	    --again $(BUILD)/docs-again/html $(DOCS_PAGES)

docs-tools:
	@for tool in doxygen dot gnuplot; do command -v $$tool >/dev/null || { \
	    echo "make docs: $$tool not found; install it with: sh tools/install-deps" >&2; \
	    exit 2; }; done
	@test -f $(DOCS_AWESOME) && test -f $(MATHJAX_SRC)/MathJax.js || { \
	    echo "make docs: doxygen-awesome-css or libjs-mathjax is missing;" \
	        "install them with: sh tools/install-deps" >&2; exit 2; }

# What each chapter prints, run as a reader would run it.
$(DOCS_GEN)/output/chapter%.txt: $(BUILD)/chapter%
	@mkdir -p $(@D)
	$< > $@.tmp && mv $@.tmp $@

# Its data for the pictures; empty for a chapter without --csv.
$(DOCS_GEN)/data/chapter%.csv: $(BUILD)/chapter%
	@mkdir -p $(@D)
	if $< --help | grep -q -e '--csv'; then $< --csv > $@.tmp; \
	else : > $@.tmp; fi && mv $@.tmp $@

# Each script is read after docs/plots/style.gnuplot, with `data` naming the
# directory of the CSV files; the SVG it draws goes to standard output.
$(DOCS_GEN)/images/%.svg: docs/plots/%.gp docs/plots/style.gnuplot $(DOCS_CSV) | docs-tools
	@mkdir -p $(@D)
	gnuplot -e "data = '$(DOCS_GEN)/data'" docs/plots/style.gnuplot $< > $@.tmp
	mv $@.tmp $@

# The chapters page lists the chapter pages in the order of their numbers.
# The network diagram of the main page.
$(DOCS_GEN)/images/network.svg: docs/plots/network.dot | docs-tools
	@mkdir -p $(@D)
	dot -Tsvg docs/plots/network.dot > $@.tmp
	mv $@.tmp $@

# The guide quotes whole functions of code/nn.c by name (\snippet nn.c ssr):
# a copy with `// [name]` around each function, which code/nn.c never holds.
$(DOCS_GEN)/code/nn.c: code/nn.c tools/functions.awk
	@mkdir -p $(@D)
	awk -v mode=mark -f tools/functions.awk code/nn.c > $@.tmp
	mv $@.tmp $@

# The pages Doxygen reads, in reading order, are copies made by
# tools/docs-pages: each chapter page with links to the chapters around it
# and its exercise, "chapter N" linked, the main page's table of contents,
# and the menu's chapter list (in the copy of the layout file).
DOCS_READ := docs/pages/mainpage.md $(DOCS_PAGES) $(DOCS_GEN)/bench.md docs/pages/errata.md \
    docs/pages/teachers.md docs/pages/support.md
DOCS_INPUT := $(addprefix $(DOCS_GEN)/pages/,$(notdir $(DOCS_READ))) \
    code/nn.h code/random.h $(sort $(wildcard code/support/*.h))
#
# "Get the code" names the repository's address when the working copy has
# one (DOCS_REPOSITORY, from git's remote "origin"), and, when the guide is
# built in a git working copy, the git bundle and the archive of the commit
# it was built from, which the guide carries (tools/docs-source).
DOCS_REPOSITORY ?= $(shell git config --get remote.origin.url 2>/dev/null)
DOCS_COMMIT := $(shell git rev-parse -q --verify HEAD 2>/dev/null)
DOCS_SOURCE_ARGS := $(if $(DOCS_REPOSITORY),--repository "$(DOCS_REPOSITORY)") \
    $(if $(DOCS_COMMIT),--bundle backprop-c.bundle --archive backprop-c.tar.gz)
# The commit, kept in a file that changes only with it, so that a new commit
# makes a new guide.
$(DOCS_GEN)/commit: docs-commit
	@mkdir -p $(@D)
	@echo '$(DOCS_COMMIT)' > $@.tmp
	@if cmp -s $@.tmp $@; then rm $@.tmp; else mv $@.tmp $@; fi
.PHONY: docs-commit
docs-commit:

$(DOCS_GEN)/pages/.made: $(DOCS_GEN)/commit $(DOCS_READ) docs/DoxygenLayout.xml tools/docs-pages code/nn.h \
    tools/exercises/tasks.awk $(wildcard tests/exercises/*.tasks) \
    $(wildcard chapters/*/*.[ch] chapters/*/*/*.[ch])
	@mkdir -p $(@D)
	/usr/bin/python3 tools/docs-pages --out $(@D) --layout docs/DoxygenLayout.xml \
	    $(DOCS_SOURCE_ARGS) $(DOCS_READ)
	@touch $@

# Doxygen's own header, loading docs/guide.js too, and its footer without
# the line naming the generator.
$(DOCS_GEN)/footer.html: mk/docs.mk | docs-tools
	@mkdir -p $(@D)
	cd $(@D) && doxygen -w html header.tmp footer.tmp style.tmp >/dev/null
	sed '/dynsections.js/a <script type="text/javascript" src="$$relpath^guide.js"></script>' \
	    $(@D)/header.tmp > $(@D)/header.html
	sed '/generatedby/d' $(@D)/footer.tmp > $@.tmp
	rm -f $(@D)/header.tmp $(@D)/footer.tmp $(@D)/style.tmp
	mv $@.tmp $@

$(DOCS_HTML)/index.html: $(DOCS_SOURCES) $(DOCS_OUTPUT) $(DOCS_SVG) $(DOCS_GEN)/pages/.made \
    $(DOCS_GEN)/code/nn.c $(DOCS_GEN)/footer.html tools/docs-finish tools/docs-print \
    tools/svg_colours.py tools/docs-source | docs-tools
	rm -rf $(DOCS_HTML)
	DOCS_OUT=$(DOCS_OUT) DOCS_GEN=$(DOCS_GEN) DOCS_INPUT="$(DOCS_INPUT)" doxygen docs/Doxyfile
	/usr/bin/python3 tools/docs-finish $(DOCS_HTML)
	/usr/bin/python3 tools/docs-print $(DOCS_HTML)
	$(if $(DOCS_COMMIT),/usr/bin/python3 tools/docs-source $(DOCS_HTML))
	cd $(MATHJAX_SRC) && for part in $(MATHJAX_PARTS); do \
	    mkdir -p $(abspath $(DOCS_HTML))/mathjax/$$(dirname $$part) && \
	    cp -RL $$part $(abspath $(DOCS_HTML))/mathjax/$$part || exit 1; done
	@touch $@
	@echo "The guide: $(DOCS_HTML)/index.html"

# ---- chapter 10 and the bench page -----------------------------------------
#
# Two builds of the guide must give the same pages, and chapter 10 prints how
# long its steps took. So its page shows the run `make measure` made and
# committed (docs/measurements/chapter10.txt, mk/measure-chapter10.mk), which
# names the machine, the compiler and the date; the guide's build measures
# nothing.
#
# Its CSV, for the pictures, comes from a run on one thread (the same bits as
# on every core: the blocks of tuned/fast.c depend on the sample count alone)
# and with more gradients than the default 1000, so that the pictures show
# where the plain run stops and where the descent goes on to converge.
DOCS_CH10_CSV_ARGS := --csv --threads 1 --max-steps 5000

$(DOCS_GEN)/data/chapter10.csv: $(BUILD)/chapter10
	@mkdir -p $(@D)
	$< $(DOCS_CH10_CSV_ARGS) > $@.tmp && mv $@.tmp $@

$(DOCS_GEN)/output/chapter10.txt: docs/measurements/chapter10.txt
	@mkdir -p $(@D)
	cp $< $@

# The bench page: docs/pages/bench.md with the line `<!-- build/bench.md -->`
# replaced by the table `make bench` last wrote and copied to
# docs/measurements/bench.md, committed: the machine, compilers and date are
# in it. Doxygen reads the table as Markdown; the characters it would take as
# commands or HTML are escaped, and the file's own title is dropped.
DOCS_BENCH := docs/measurements/bench.md

$(DOCS_GEN)/bench.md: docs/pages/bench.md $(DOCS_BENCH) mk/docs.mk
	@mkdir -p $(@D)
	sed -e '1{/^# /d;}' -e 's/\\/\\\\/g; s/@/\\@/g; s/&/\&amp;/g' \
	    -e 's/</\&lt;/g; s/>/\&gt;/g' $(DOCS_BENCH) > $@.table
	awk -v table=$@.table '$$0 == "<!-- build/bench.md -->" { \
	        while ((getline line < table) > 0) print line; found = 1; next } \
	    { print } END { exit !found }' docs/pages/bench.md > $@.tmp
	rm -f $@.table
	mv $@.tmp $@

$(DOCS_HTML)/index.html: $(DOCS_GEN)/bench.md
