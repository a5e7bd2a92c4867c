# make bench: steps of descent on one thread, float64, side by side: chapter
# 10's fast path built by $(CC) and by clang, nn.c's plain loops, a yardstick
# (tools/yardstick.c, the plain loop built with -O3 -march=native
# -ffast-math), numba, NumPy, PyTorch and plain Python, all on the same
# samples. A benchmark, not a test: it prints what it measured and which
# targets this run met, and writes the table to build/bench.md and to
# docs/measurements/bench.md, which the guide shows and which is committed.
PYTHON3 ?= /usr/bin/python3
BENCH_CLANG ?= clang
YARDSTICK_ARCH ?= -march=native
YARDSTICK_CFLAGS = -std=c11 -O3 $(YARDSTICK_ARCH) -ffast-math -Wno-pass-failed
# On a processor with AVX-512, the fast path and the yardstick are built and
# timed a second time for AVX2 alone (-march=x86-64-v3: AVX2 and FMA, the
# vector registers of most readers' x86-64 machines), in the same run.
BENCH_AVX2 := $(shell grep -qw avx512f /proc/cpuinfo 2>/dev/null && \
    $(CC) -march=x86-64-v3 -x c -c /dev/null -o /dev/null >/dev/null 2>&1 && echo yes)

.PHONY: bench

# The yardstick alone is built with -ffast-math, and the link line never
# sees the flag (it would make the whole program flush subnormals to zero).
$(BUILD)/tools/yardstick.o: tools/yardstick.c tools/yardstick.h
	@mkdir -p $(@D)
	$(CC) $(YARDSTICK_CFLAGS) $(OPENMP) -Itools -c $< -o $@

$(BUILD)/tools/bench.o: override CPPFLAGS += -I$(SCALE_DIR)/tuned -Itools
$(BUILD)/bench: $(BUILD)/tools/bench.o $(BUILD)/tools/yardstick.o \
    $(BUILD)/$(SCALE_DIR)/tuned/fast.o $(BUILD)/$(SCALE_DIR)/tuned/few.o $(LIBSUPPORT) $(LIBNN)
	$(CC) $(CFLAGS) $(LDFLAGS) $(OPENMP) -o $@ $^ $(LDLIBS)

bench: $(BUILD)/bench ## time the descent in C, clang, numba, NumPy, PyTorch, Python (build/bench.md)
	@$(BUILD)/bench $(BUILD)/bench-c.tsv $(BUILD)/bench-data.bin
	@if command -v $(BENCH_CLANG) >/dev/null 2>&1; then \
	    $(MAKE) --no-print-directory -s BUILD=$(BUILD)/bench-clang CC=$(BENCH_CLANG) \
	        $(BUILD)/bench-clang/bench && \
	    $(BUILD)/bench-clang/bench $(BUILD)/bench-clang.tsv; \
	else rm -f $(BUILD)/bench-clang.tsv; echo "bench: $(BENCH_CLANG) not found"; fi
	@rm -f $(BUILD)/bench-avx2.tsv
	@if [ -n "$(BENCH_AVX2)" ]; then \
	    $(MAKE) --no-print-directory -s BUILD=$(BUILD)/bench-avx2 FAST_ARCH=-march=x86-64-v3 \
	        YARDSTICK_ARCH=-march=x86-64-v3 $(BUILD)/bench-avx2/bench && \
	    $(BUILD)/bench-avx2/bench $(BUILD)/bench-avx2.tsv; fi
	@$(PYTHON3) tools/bench.py $(BUILD)/bench-c.tsv $(BUILD)/bench-clang.tsv \
	    $(BUILD)/bench-avx2.tsv $(BUILD)/bench-data.bin $(BUILD)/bench.md
	@rm -f $(BUILD)/bench-data.bin
	@mkdir -p docs/measurements && cp $(BUILD)/bench.md docs/measurements/bench.md
	@echo "(copied to docs/measurements/bench.md, which the guide's bench page shows)"
