# Chapter 9, why the chain rule: what its tests link, its golden header,
# its measurement for the guide and its target in the bench.
#
#   make measure-chapter9   time chapter 9 once more and keep the result for
#                           the guide: docs/measurements/chapter9.csv, with
#                           the machine, compiler and date beside it
#   make bench-chapter9     run by make bench: measuring must be at least
#                           100 times slower than backpropagation at 3,001
#                           parameters

WHY_DIR := chapters/09-why-chain-rule
WHY_MEASURED := docs/measurements/chapter9.csv
WHY_MACHINE := docs/measurements/chapter9-machine.txt

# The test calls the widened network directly.
$(BUILD)/tests/test_chapter9: $(BUILD)/$(WHY_DIR)/wide.o
$(BUILD)/tests/test_chapter9.o: override CPPFLAGS += -I$(WHY_DIR)

.PHONY: measure measure-chapter9 bench-chapter9

measure: measure-chapter9 ## time the chapters whose guide pages show measurements, and keep the results

# One run, its CSV kept; the machine, the compiler and the date beside it.
measure-chapter9: $(BUILD)/chapter9 ## time chapter 9: docs/measurements/chapter9.csv, the machine beside it
	@mkdir -p $(dir $(WHY_MEASURED))
	$(BUILD)/chapter9 --csv > $(WHY_MEASURED).tmp && mv $(WHY_MEASURED).tmp $(WHY_MEASURED)
	{ echo "measured: $$(date -u '+%Y-%m-%d %H:%M UTC')"; \
	  echo "machine: $$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)" \
	      "($$(nproc 2>/dev/null || echo 1) processors), $$(uname -sm);" \
	      "load average $$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown)"; \
	  echo "compiler: $$($(CC) --version | head -n 1), CFLAGS $(CFLAGS)"; \
	} > $(WHY_MACHINE)
	@cat $(WHY_MEASURED) $(WHY_MACHINE)

# The target of the issue's table: at 3,001 parameters, measuring at least
# 100 times slower. A benchmark, not a test: it times.
bench: bench-chapter9
bench-chapter9: $(BUILD)/chapter9
	@$(BUILD)/chapter9 --csv | awk -F, 'NR > 1 && $$1 == 3001 { found = 1; \
	    printf "chapter 9: at 3,001 parameters, measuring is %.0f times slower than" \
	        " deriving (target: 100 or more): %s\n", $$4, ($$4 >= 100 ? "met" : "MISSED"); \
	    if ($$4 < 100) exit 1 } END { if (!found) { print "chapter 9: no row for 3,001" \
	        " parameters"; exit 1 } }'

# clang-tidy (make check-static) reads the test too.
LINT_FLAGS += -I$(WHY_DIR)

# ---- the guide ----------------------------------------------------------
#
# Two builds of the guide must be the same, byte for byte, and chapter 9
# prints times. Its page shows the times of docs/measurements/chapter9.csv,
# written by make measure-chapter9: the picture draws that file, and the
# output shown is the program's own, run with --timings on it (it counts
# the passes and compares the gradients itself; only the times are kept).
$(DOCS_GEN)/data/chapter9.csv: $(WHY_MEASURED)
	@mkdir -p $(@D)
	cp $< $@

$(DOCS_GEN)/output/chapter9.txt: $(BUILD)/chapter9 $(WHY_MEASURED)
	@mkdir -p $(@D)
	$< --timings $(WHY_MEASURED) > $@.tmp && mv $@.tmp $@

# Where and when it was measured, for the page to show beside it.
$(DOCS_GEN)/output/chapter9-machine.txt: $(WHY_MACHINE)
	@mkdir -p $(@D)
	cp $< $@

$(DOCS_HTML)/index.html: $(DOCS_GEN)/output/chapter9-machine.txt
