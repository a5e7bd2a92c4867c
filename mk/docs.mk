# The guide: Doxygen pages with the chapters' real code, output and pictures.
#
#   make docs         build build/docs/html/index.html
#   make docs-check   build it, then check every chapter page in Chromium
#
# A chapter joins the guide by adding files only:
#   docs/chapters/NN-name.md   its page, whose first line is `# Title {#chapterN}`
#   docs/plots/chNN-*.gp       gnuplot scripts drawing its pictures as SVG
# Every chapter program is run twice while the guide is built: plainly, its
# output captured as chapterN.txt (for `\verbinclude chapterN.txt`), and
# with --csv if its --help offers it, as chapterN.csv for the scripts.

DOCS_OUT := $(BUILD)/docs
DOCS_GEN := $(DOCS_OUT)/gen
DOCS_HTML := $(DOCS_OUT)/html
DOCS_PAGES := $(sort $(wildcard docs/chapters/[0-9][0-9]-*.md))
DOCS_PLOTS := $(sort $(wildcard docs/plots/ch[0-9][0-9]-*.gp))
DOCS_OUTPUT := $(CHAPTERS:%=$(DOCS_GEN)/output/chapter%.txt)
DOCS_CSV := $(CHAPTERS:%=$(DOCS_GEN)/data/chapter%.csv)
DOCS_SVG := $(DOCS_PLOTS:docs/plots/%.gp=$(DOCS_GEN)/images/%.svg)
DOCS_SOURCES := docs/Doxyfile docs/DoxygenLayout.xml docs/guide.css docs/mathjax-config.js \
    $(wildcard docs/pages/*.md) $(DOCS_PAGES) code/nn.h $(CODE_SRC) \
    $(wildcard chapters/*/*.c)
DOCS_AWESOME := /usr/share/doxygen-awesome-css/doxygen-awesome.css
MATHJAX_SRC ?= /usr/share/javascript/mathjax
# The parts of MathJax 2 the pages load: the loader, the TeX input, the SVG
# output with its TeX font only, and the extensions (menu, zoom, AMS math).
MATHJAX_PARTS := MathJax.js extensions jax/input/TeX jax/element \
    jax/output/SVG/config.js jax/output/SVG/jax.js jax/output/SVG/autoload \
    jax/output/SVG/fonts/TeX

.PHONY: docs docs-check docs-tools

docs: $(DOCS_HTML)/index.html ## build the guide: build/docs/html/index.html

docs-check: $(DOCS_HTML)/index.html ## build the guide and check every chapter page in Chromium
	/usr/bin/python3 tools/docs-check --html $(DOCS_HTML) --gen $(DOCS_GEN) \
	    $(DOCS_PAGES)

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
$(DOCS_GEN)/chapters.md: $(DOCS_PAGES) mk/docs.mk
	@mkdir -p $(@D)
	{ echo '# Chapters {#chapters}'; echo; \
	  echo 'Read them in order: each chapter takes one step, first through the'; \
	  echo 'article and then past its end, and builds on the one before.'; echo; \
	  for page in $(DOCS_PAGES); do \
	    sed -n '1s/^# .*{#\([A-Za-z0-9_]*\)} *$$/- \\subpage \1/p' $$page; \
	  done; } > $@.tmp
	mv $@.tmp $@

$(DOCS_HTML)/index.html: $(DOCS_SOURCES) $(DOCS_OUTPUT) $(DOCS_SVG) $(DOCS_GEN)/chapters.md | docs-tools
	rm -rf $(DOCS_HTML)
	DOCS_OUT=$(DOCS_OUT) DOCS_GEN=$(DOCS_GEN) doxygen docs/Doxyfile
	cd $(MATHJAX_SRC) && for part in $(MATHJAX_PARTS); do \
	    mkdir -p $(abspath $(DOCS_HTML))/mathjax/$$(dirname $$part) && \
	    cp -RL $$part $(abspath $(DOCS_HTML))/mathjax/$$part || exit 1; done
	@touch $@
	@echo "The guide: $(DOCS_HTML)/index.html"
