# Backpropagation, one chapter at a time.
#
#   make            build every chapter into build/
#   make chapter3   build and run chapter 3
#   make test       build and run every test
#   make help       list every target
#
# CC, CFLAGS, CPPFLAGS, LDFLAGS and LDLIBS from the environment are respected.

CFLAGS ?= -O2 -g
WARNINGS := -std=c11 -Wall -Wextra -Wpedantic -Werror
# SANITIZE=1 (see mk/check.mk) builds apart, so its objects never mix with these.
BUILD ?= $(if $(filter 1,$(SANITIZE)),build/sanitize,build)
DEPFLAGS = -MMD -MP
LDLIBS += -lm

# code/ is the network and verify.c, the check every chapter makes of it
# first (libnn.a); code/support/ is what the chapter programs share around
# it: options, data files, printing, plots (libsupport.a).
CODE_SRC := $(wildcard code/*.c)
SUPPORT_SRC := $(wildcard code/support/*.c)
LIBNN := $(BUILD)/libnn.a
LIBSUPPORT := $(BUILD)/libsupport.a
INCLUDES := -Icode -Icode/support
# Chapter 10 keeps its tuned path in a folder of its own (tuned/), built into
# chapter10 too; its tests and the bench use it.
SCALE_DIR := chapters/10-scale

# -fopenmp when $(CC) has OpenMP, else nothing: only chapter 10 uses it, and
# runs on one thread without it.
OPENMP ?= $(shell printf 'int main(void) { return 0; }\n' | \
    $(CC) -fopenmp -x c - -o /dev/null >/dev/null 2>&1 && echo -fopenmp)

# chapters/03-chain-rule is chapter 3, built as build/chapter3.
CHAPTER_DIRS := $(sort $(wildcard chapters/[0-9][0-9]-*))
chapter_number = $(patsubst 0%,%,$(firstword $(subst -, ,$(notdir $(1)))))
CHAPTERS := $(foreach d,$(CHAPTER_DIRS),$(call chapter_number,$(d)))
CHAPTER_BINS := $(CHAPTERS:%=$(BUILD)/chapter%)

TEST_SRC := $(wildcard tests/test_*.c)
TEST_BINS := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
TEST_SUPPORT_OBJ := $(BUILD)/tests/support.o
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

.PHONY: all test clean help $(CHAPTERS:%=chapter%) check-cmocka
.DEFAULT_GOAL := all
# Keep objects between runs: they are what makes the next build incremental.
.SECONDARY:

all: $(CHAPTER_BINS) ## build every chapter into build/

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) $(INCLUDES) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -c $< -o $@

$(LIBNN): $(CODE_SRC:%.c=$(BUILD)/%.o)
$(LIBSUPPORT): $(SUPPORT_SRC:%.c=$(BUILD)/%.o)
$(LIBNN) $(LIBSUPPORT):
	@rm -f $@
	$(AR) rcs $@ $^

# One binary and one run target per chapter directory.
define chapter_rules
$(BUILD)/chapter$(call chapter_number,$(1)): \
    $(patsubst %.c,$(BUILD)/%.o,$(wildcard $(1)/*.c $(1)/*/*.c)) \
    $(LIBSUPPORT) $(LIBNN)
	$$(CC) $$(CFLAGS) $$(LDFLAGS) -o $$@ $$^ $$(LDLIBS)

chapter$(call chapter_number,$(1)): $(BUILD)/chapter$(call chapter_number,$(1))
	@./$$< $$(ARGS)
endef
$(foreach d,$(CHAPTER_DIRS),$(eval $(call chapter_rules,$(d))))

# ---- tests ------------------------------------------------------------------

$(BUILD)/tests/%.o: tests/%.c
	@mkdir -p $(@D)
	$(CC) $(WARNINGS) $(INCLUDES) -Itests $(CMOCKA_CFLAGS) -DBUILD_DIR='"$(BUILD)"' \
	    $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -c $< -o $@

$(BUILD)/tests/test_%: $(BUILD)/tests/test_%.o $(TEST_SUPPORT_OBJ) $(LIBSUPPORT) $(LIBNN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(LDLIBS)

check-cmocka:
	@pkg-config --exists cmocka 2>/dev/null || { echo "make: cmocka not found;" \
	    "install it with: sh tools/install-deps" >&2; exit 2; }

test: check-cmocka $(CHAPTER_BINS) $(TEST_BINS) ## build and run every test (needs cmocka)
	@sh tests/run-all.sh $(TEST_BINS)

clean: ## remove build/
	rm -rf $(BUILD)

help: ## list the targets
	@echo "make chapterN           build and run chapter N (1 to $(lastword $(CHAPTERS)));" \
	      "options go in ARGS, as in: make chapter5 ARGS='--rate 0.05'"
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | \
	    sed -E 's/^([^:]+):.*## (.*)/make \1\t\2/' | expand -t 24

# Targets of the guide, the exercises, the checks and the benchmarks.
include $(sort $(wildcard mk/*.mk))

# Only this configuration's: the others (build/sanitize, ...) live below build/
# too, and may be half written by a make running beside this one.
-include $(shell find $(addprefix $(BUILD)/,code chapters tests tools) -name '*.d' 2>/dev/null)
