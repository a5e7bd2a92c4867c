# make bench: one step of descent timed in C, NumPy, PyTorch and plain Python.
# A benchmark, not a test: it prints what it measured and never fails on speed.
PYTHON3 ?= /usr/bin/python3

.PHONY: bench

$(BUILD)/tools/bench.o: override CPPFLAGS += -Ichapters/09-scale
$(BUILD)/bench: $(BUILD)/tools/bench.o $(BUILD)/chapters/09-scale/fast.o $(LIBSUPPORT) $(LIBNN)
	$(CC) $(CFLAGS) $(LDFLAGS) $(OPENMP) -o $@ $^ $(LDLIBS)

bench: $(BUILD)/bench ## time one step in C, NumPy, PyTorch and Python (table in build/bench.md)
	@$(BUILD)/bench $(BUILD)/bench-c.tsv $(BUILD)/bench-1e6.csv $(BUILD)/bench.md
	@rm -f $(BUILD)/bench-1e6.csv
	@if $(PYTHON3) -c 'pass' 2>/dev/null; then \
	    $(PYTHON3) tools/bench.py $(BUILD)/bench-c.tsv $(BUILD)/bench.md; \
	else \
	    echo "bench: $(PYTHON3) not found, so NumPy, PyTorch and plain Python were not" \
	         "measured; the C column alone is in $(BUILD)/bench.md"; \
	fi
