# Chapter 10's fast path, chapters/10-scale/fast.c, is plain C11 with GNU
# vector types. Built with:
# - $(OPENMP), detected by the Makefile: threads, where the compiler has them;
# - -march=native where $(CC) accepts it (FAST_ARCH= turns it off): the vector
#   lanes then use every register width this processor has (AVX2, AVX-512),
#   not only the baseline of its architecture (SSE2 on x86-64);
# - -ffp-contract=fast: a*b + c may become one fused multiply-add, rounded
#   once, where the processor has it (gcc's default, made explicit for clang);
# - -Wno-psabi: gcc and clang warn that a vector wider than the baseline's
#   registers would be passed differently between files built with and
#   without -march=native. fast.c never passes one out of its own file.
# Nothing here is -ffast-math: every other rule of IEEE arithmetic holds.
ifndef FAST_ARCH
FAST_ARCH := $(shell $(CC) -march=native -x c -c /dev/null -o /dev/null >/dev/null 2>&1 \
    && echo -march=native)
endif
FAST_CFLAGS = $(OPENMP) $(FAST_ARCH) -ffp-contract=fast -Wno-psabi
FAST_OBJ := $(BUILD)/$(SCALE_DIR)/fast.o $(BUILD)/$(SCALE_DIR)/few.o

$(FAST_OBJ): override CFLAGS += $(FAST_CFLAGS)
$(BUILD)/$(SCALE_DIR)/scale.o: override CFLAGS += $(OPENMP)
# The one file built with -ffast-math, so that chapter 10 can show what it breaks.
$(BUILD)/$(SCALE_DIR)/unsafe_math.o: override CFLAGS += -ffast-math

# The tests of the fast path link it, and read its header.
$(BUILD)/tests/test_fast: $(FAST_OBJ)
$(BUILD)/tests/test_fast.o: override CPPFLAGS += -I$(SCALE_DIR)
$(BUILD)/chapter10 $(BUILD)/tests/test_fast: override LDFLAGS += $(OPENMP)
