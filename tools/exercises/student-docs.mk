# The guide in a student's copy (it becomes mk/docs.mk there): built from the
# copy's own files, code/nn.c as it stands, so that every function still to
# write shows as its placeholder. What the finished chapters print, and the
# numbers their pictures are drawn from, come with the copy (docs/output,
# docs/data): a chapter run over a placeholder stops before it prints them.

DOCS_OUT := $(BUILD)/docs
DOCS_GEN := $(DOCS_OUT)/gen
DOCS_HTML := $(DOCS_OUT)/html
DOCS_READ := docs/pages/mainpage.md $(sort $(wildcard docs/chapters/[0-9][0-9]-*.md)) \
    $(wildcard docs/pages/errata.md) docs/pages/support.md
DOCS_INPUT := $(addprefix $(DOCS_GEN)/pages/,$(notdir $(DOCS_READ))) \
    code/nn.h code/random.h $(sort $(wildcard code/support/*.h))
MATHJAX_SRC ?= /usr/share/javascript/mathjax
MATHJAX_PARTS := MathJax.js extensions jax/input/TeX jax/element \
    jax/output/SVG/config.js jax/output/SVG/jax.js jax/output/SVG/autoload \
    jax/output/SVG/fonts/TeX

.PHONY: docs

docs: ## this guide, with your code in it: build/docs/html/index.html
	@for tool in doxygen dot gnuplot python3; do command -v $$tool >/dev/null || { \
	    echo "make docs: $$tool not found; the guide needs doxygen, graphviz, gnuplot," \
	        "python3, libjs-mathjax and doxygen-awesome-css" >&2; exit 2; }; done
	@rm -rf $(DOCS_OUT)
	@mkdir -p $(DOCS_GEN)/code $(DOCS_GEN)/output $(DOCS_GEN)/images $(DOCS_GEN)/pages
	@cp docs/output/*.txt $(DOCS_GEN)/output/
	@awk -v mode=mark -f tools/functions.awk code/nn.c > $(DOCS_GEN)/code/nn.c
	@for plot in docs/plots/ch[0-9][0-9]-*.gp; do \
	    gnuplot -e "data = 'docs/data'" docs/plots/style.gnuplot $$plot \
	        > $(DOCS_GEN)/images/$$(basename $$plot .gp).svg || exit 1; done
	@dot -Tsvg docs/plots/network.dot > $(DOCS_GEN)/images/network.svg
	@python3 tools/docs-pages --student --out $(DOCS_GEN)/pages --layout docs/DoxygenLayout.xml \
	    $(DOCS_READ)
	@cd $(DOCS_GEN) && doxygen -w html header.tmp footer.tmp style.tmp >/dev/null
	@sed '/dynsections.js/a <script type="text/javascript" src="$$relpath^guide.js"></script>' \
	    $(DOCS_GEN)/header.tmp > $(DOCS_GEN)/header.html
	@sed '/generatedby/d' $(DOCS_GEN)/footer.tmp > $(DOCS_GEN)/footer.html
	@DOCS_OUT=$(DOCS_OUT) DOCS_GEN=$(DOCS_GEN) DOCS_INPUT="$(DOCS_INPUT)" doxygen docs/Doxyfile
	@python3 tools/docs-finish $(DOCS_HTML)
	@python3 tools/docs-print $(DOCS_HTML)
	@cd $(MATHJAX_SRC) && for part in $(MATHJAX_PARTS); do \
	    mkdir -p $(abspath $(DOCS_HTML))/mathjax/$$(dirname $$part) && \
	    cp -RL $$part $(abspath $(DOCS_HTML))/mathjax/$$part || exit 1; done
	@echo "The guide: $(DOCS_HTML)/index.html"
