# The fast path (code/fast.c) and chapter 9 are the only code built with
# OpenMP; chapters 1 to 8 stay plain C. fast.c also gets the two parts of
# -ffast-math that are safe for it (see the comment at the top of fast.c).
OPENMP ?= -fopenmp
FAST_FLAGS := $(OPENMP) -fno-math-errno -fno-trapping-math

$(BUILD)/code/fast.o: override CFLAGS += $(FAST_FLAGS)
$(BUILD)/chapters/09-scale/%.o: override CFLAGS += $(OPENMP)
$(BUILD)/chapter9 $(BUILD)/tests/test_fast $(BUILD)/tests/test_chapter9: override LDFLAGS += $(OPENMP)
# The one file built with -ffast-math, so that chapter 9 can show what it breaks.
$(BUILD)/chapters/09-scale/unsafe_math.o: override CFLAGS += -ffast-math

.PHONY: softplus-table
softplus-table: ## regenerate code/softplus_table.h, chapter 9's softplus of 16 pieces (mpmath)
	/usr/bin/python3 tools/softplus_table.py > code/softplus_table.h.new
	mv code/softplus_table.h.new code/softplus_table.h
