# Chapter 10's steps 3 to 5 and its tuned path (chapters/10-scale/tuned/) are
# plain C11 with GNU vector types. Built with:
# - $(OPENMP), detected by the Makefile: threads, where the compiler has them;
# - -march=native where $(CC) accepts it (FAST_ARCH= turns it off): the vector
#   lanes then use every register width this processor has (AVX2, AVX-512),
#   not only the baseline of its architecture (SSE2 on x86-64);
# - -ffp-contract=fast: a*b + c may become one fused multiply-add, rounded
#   once, where the processor has it (gcc's default, made explicit for clang);
# - -Wno-psabi: gcc and clang warn that a vector wider than the baseline's
#   registers would be passed differently between files built with and
#   without -march=native. No vector is ever passed out of its own file.
# Nothing here is -ffast-math: every other rule of IEEE arithmetic holds.
ifndef FAST_ARCH
FAST_ARCH := $(shell $(CC) -march=native -x c -c /dev/null -o /dev/null >/dev/null 2>&1 \
    && echo -march=native)
endif
FAST_CFLAGS = $(OPENMP) $(FAST_ARCH) -ffp-contract=fast -Wno-psabi
TUNED_DIR := $(SCALE_DIR)/tuned
FAST_OBJ := $(BUILD)/$(TUNED_DIR)/fast.o $(BUILD)/$(TUNED_DIR)/few.o
STEP_FAST_OBJ := $(patsubst %,$(BUILD)/$(SCALE_DIR)/%.o,step3_lanes step4_softplus step5_threads)

$(FAST_OBJ) $(STEP_FAST_OBJ): override CFLAGS += $(FAST_CFLAGS)
# Step 6, the one file built with -ffast-math, to show what the flag changes:
# at -O3, as tools/yardstick.c, so that gcc vectorises its loop.
$(BUILD)/$(SCALE_DIR)/step6_fast_math.o: override CFLAGS += -O3 $(FAST_ARCH) -ffast-math

# The tests of the steps and the tuned path link them, and read their headers.
STEP_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(wildcard $(SCALE_DIR)/step*.c))
$(BUILD)/tests/test_fast: $(FAST_OBJ) $(STEP_OBJ)
$(BUILD)/tests/test_fast.o: override CPPFLAGS += -I$(SCALE_DIR) -I$(TUNED_DIR)
$(BUILD)/chapter10 $(BUILD)/tests/test_fast: override LDFLAGS += $(OPENMP)
# test_chapter10 is built with OpenMP exactly when chapter 10 is, so that it
# knows which of chapter 10's lines about threads to expect.
$(BUILD)/tests/test_chapter10.o: override CFLAGS += $(OPENMP)
