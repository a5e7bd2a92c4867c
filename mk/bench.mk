# make bench: one step of descent timed in C, NumPy, PyTorch and plain Python.
# A benchmark, not a test: it prints what it measured and never fails on speed.
PYTHON3 ?= /usr/bin/python3

.PHONY: bench

$(BUILD)/bench: $(BUILD)/tools/bench.o $(LIBNN)
	$(CC) $(CFLAGS) $(LDFLAGS) $(OPENMP) -o $@ $^ $(LDLIBS)

bench: $(BUILD)/bench ## time one step in C, NumPy, PyTorch and Python (table in build/bench.md)
	@$(BUILD)/bench $(BUILD)/bench-c.tsv $(BUILD)/bench-1e6.csv
	@$(PYTHON3) tools/bench.py $(BUILD)/bench-c.tsv $(BUILD)/bench.md 2>/dev/null || \
	    sh tools/bench-c-only.sh $(BUILD)/bench-c.tsv $(BUILD)/bench.md
	@rm -f $(BUILD)/bench-1e6.csv
