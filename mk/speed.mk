# Chapter 9 is the only code built with OpenMP ($(OPENMP), detected by the
# Makefile); chapters 1 to 8 stay plain C11. Its fast path, fast.c, also gets
# the two parts of -ffast-math that are safe for it (see the top of fast.c).
FAST_OBJ := $(BUILD)/$(SCALE_DIR)/fast.o

$(FAST_OBJ): override CFLAGS += $(OPENMP) -fno-math-errno -fno-trapping-math
$(BUILD)/$(SCALE_DIR)/scale.o: override CFLAGS += $(OPENMP)
# The one file built with -ffast-math, so that chapter 9 can show what it breaks.
$(BUILD)/$(SCALE_DIR)/unsafe_math.o: override CFLAGS += -ffast-math

# The tests of the fast path link it, and read its header.
$(BUILD)/tests/test_fast: $(FAST_OBJ)
$(BUILD)/tests/test_fast.o: override CPPFLAGS += -I$(SCALE_DIR)
$(BUILD)/chapter9 $(BUILD)/tests/test_fast: override LDFLAGS += $(OPENMP)
