# make check: every checker a C reviewer would run, one after the other.
#
#   make test SANITIZE=1     the tests under AddressSanitizer and UBSan (build/sanitize)
#   make check               all of the steps below, stopping at the first that fails
#   make check-warnings      gcc and clang, -Werror
#   make check-static        cppcheck and clang-tidy
#   make check-sanitize      make test SANITIZE=1
#   make check-valgrind      memcheck on every chapter and test program
#   make check-coverage      gcovr; at least COVERAGE_MIN % of the lines of code/,
#                            every test built by a compiler that has no OpenMP
#   make check-same-output   the chapters print the same at -O0, -O2, clang, sanitized
#   make check-fuzz          libFuzzer, FUZZ_SECONDS on each target, all at once
#   make check-no-openmp     everything builds with a compiler that has no OpenMP
#                            (make check has check-coverage prove it)
#   make check-lanes         chapter 10's tests with 4 lanes too, on an x86-64 with AVX2
#
# Each step builds into its own directory under build/, so no object of one
# configuration is ever linked into another.

ifeq ($(SANITIZE),1)
# -fno-sanitize-recover turns every UBSan report into a failure, like ASan's.
SANITIZE_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
override CFLAGS += $(SANITIZE_FLAGS)
export ASAN_OPTIONS := halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1
export UBSAN_OPTIONS := halt_on_error=1:abort_on_error=1:print_stacktrace=1
endif

FUZZ_SECONDS ?= 30
COVERAGE_MIN ?= 95
FUZZ_CC ?= clang
FUZZ_FLAGS = $(WARNINGS) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_TARGETS := data cli run
# What the targets link: the network and the support code, nothing threaded.
FUZZ_SRC = $(CODE_SRC) $(SUPPORT_SRC)
# fuzz_run catches the exit() of a run that stops on an overflow, frees the
# samples such a run had loaded, and runs chapters 1 to 4 under --csv through
# their own main(), renamed (tests/fuzz/csv_chapterN.c).
FUZZ_CSV = $(wildcard tests/fuzz/csv_chapter*.c)
build/fuzz/fuzz_run: FUZZ_EXTRA = $(FUZZ_CSV)
build/fuzz/fuzz_run: FUZZ_LDFLAGS = -Wl,--wrap=exit,--wrap=data_load
build/fuzz/fuzz_run: $(FUZZ_CSV) $(wildcard chapters/0[1-4]-*/*.c)
# The sources every program links, and those the linters read.
LINT_SRC = $(CODE_SRC) $(SUPPORT_SRC) $(wildcard chapters/*/*.c chapters/*/*/*.c) $(wildcard tests/*.c) $(wildcard tests/fuzz/*.c)
LINT_FLAGS = -std=c11 $(INCLUDES) -I$(SCALE_DIR) -I$(SCALE_DIR)/tuned -I$(CHAPTER7_DIR) -Itests $(CMOCKA_CFLAGS) -DBUILD_DIR='"build"'

.PHONY: check build-everything check-sanitize check-valgrind check-warnings check-static \
        check-coverage check-fuzz check-same-output check-no-openmp check-lanes

check: ## run every checker (see README, "Checking the code"); each step is also a target
	@start=$$(date +%s); times=""; \
	for step in check-warnings check-static check-sanitize check-valgrind \
	            check-coverage check-same-output check-fuzz check-lanes; do \
	    echo; echo "==== make $$step"; began=$$(date +%s); \
	    $(MAKE) --no-print-directory $$step || { echo "make check: $$step failed" >&2; exit 1; }; \
	    times="$$times $$step $$(( $$(date +%s) - began ))s,"; \
	done; \
	echo; echo "make check: every check passed in $$(( $$(date +%s) - start )) s:$${times%,}"

# Every chapter and every test program, built but not run.
build-everything: $(CHAPTER_BINS) $(TEST_BINS)

# The tests under AddressSanitizer and UndefinedBehaviorSanitizer.
check-sanitize:
	$(MAKE) --no-print-directory test SANITIZE=1

# valgrind memcheck over every chapter and test program. FAST_ARCH= builds
# chapter 10's fast path without -march=native: valgrind knows no AVX-512.
check-valgrind:
	$(MAKE) --no-print-directory build-everything BUILD=build/valgrind CFLAGS='-O1 -g' FAST_ARCH=
	sh tests/valgrind.sh build/valgrind

# Build everything with gcc and with clang, warnings as errors. The gcc build
# goes to CHECK_GCC_BUILD, its own directory; .ci/run names build/ there,
# which its `make test` has just built with this gcc and these very flags,
# so that nothing is compiled twice (make then finds every file up to date).
# check-same-output runs the chapters of both builds as they are.
CHECK_GCC_BUILD ?= build/gcc
CHECK_CLANG_BUILD := build/clang
check-warnings:
	$(MAKE) --no-print-directory build-everything BUILD=$(CHECK_GCC_BUILD) CC=gcc CFLAGS='-O2 -g'
	$(MAKE) --no-print-directory build-everything BUILD=$(CHECK_CLANG_BUILD) CC=clang CFLAGS='-O2 -g'

# A compiler without OpenMP (Apple's clang, for one): gcc behind a wrapper
# that refuses -fopenmp. The Makefile has to find that out by itself; then
# chapters 1 to 8 build as they are (-Wall -Werror makes a stray
# `#pragma omp` an error), and chapter 10 and its fast path build and pass
# their tests on one thread.
NO_OPENMP_CC := build/no-openmp/cc
check-no-openmp: no-openmp-cc
	$(MAKE) --no-print-directory build-everything BUILD=build/no-openmp CC=$(CURDIR)/$(NO_OPENMP_CC)
	sh tests/run-all.sh build/no-openmp/tests/test_fast build/no-openmp/tests/test_chapter10

.PHONY: no-openmp-cc
no-openmp-cc:
	@mkdir -p $(dir $(NO_OPENMP_CC))
	@printf '#!/bin/sh\nfor a in "$$@"; do [ "$$a" = -fopenmp ] && %s\ndone\nexec gcc "$$@"\n' \
	    '{ echo "cc: no OpenMP here" >&2; exit 1; }' >$(NO_OPENMP_CC)
	@chmod +x $(NO_OPENMP_CC)

# cppcheck and clang-tidy over code/, chapters/ and tests/.
check-static:
	cppcheck --quiet --error-exitcode=1 --std=c11 --enable=warning,style,performance,portability \
	    --inline-suppr --suppressions-list=.cppcheck-suppressions \
	    $(INCLUDES) -I$(SCALE_DIR) -I$(SCALE_DIR)/tuned -I$(CHAPTER7_DIR) -Itests -DBUILD_DIR='"build"' $(LINT_SRC)
	@rm -rf $(TIDY_DIR)
	@echo "clang-tidy --quiet FILE -- $(LINT_FLAGS), for each FILE of $(LINT_SRC)"
	@$(MAKE) --no-print-directory -k $(LINT_SRC:%=$(TIDY_DIR)/%.log)

# clang-tidy on one file (as many at once as make -j allows), its report in
# build/clang-tidy/FILE.log, shown without the count of warnings it left out.
TIDY_DIR := build/clang-tidy
$(TIDY_DIR)/%.log: %
	@mkdir -p $(@D)
	@clang-tidy --quiet $< -- $(LINT_FLAGS) >$@.tmp 2>&1; status=$$?; \
	    grep -v 'warnings\{0,1\} generated\.$$' $@.tmp; mv $@.tmp $@; exit $$status

# The tests with gcov; fails below COVERAGE_MIN % of the lines of code/.
# Built by the compiler of check-no-openmp, which proves that too, and more
# (every test passes on that build, not only chapter 10's): code/ has no
# OpenMP, so its lines count the same. make check runs this step alone
# rather than building and testing twice.
check-coverage: no-openmp-cc
	@rm -f $$(find build/coverage -name '*.gcda' 2>/dev/null)
	$(MAKE) --no-print-directory test BUILD=build/coverage CC=$(CURDIR)/$(NO_OPENMP_CC) \
	    CFLAGS='-O0 -g --coverage' LDFLAGS=--coverage
	gcovr --root . --filter 'code/' --object-directory build/coverage --print-summary \
	    --fail-under-line $(COVERAGE_MIN) build/coverage

# Every chapter prints the same under -O0, -O2, clang and the sanitizers.
check-same-output:
	MAKE='$(MAKE)' GCC_BUILD=$(CHECK_GCC_BUILD) CLANG_BUILD=$(CHECK_CLANG_BUILD) sh tests/same-output.sh

# libFuzzer: clang instruments the network and the support code. fuzz_data
# drives the reader, fuzz_cli the option parser, fuzz_run the descents, the
# chart, the report and the CSV of chapters 1 to 4 on options and samples it
# makes up.
# Each target starts from its committed seeds (tests/fuzz/corpus/NAME), with
# the words of tests/fuzz/NAME.dict if there is one, and adds what it finds
# to build/fuzz/corpus-NAME. A crash leaves its input in build/fuzz/.
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_SRC) $(wildcard code/*.h code/support/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_FLAGS) $(INCLUDES) -o $@ $< $(FUZZ_SRC) $(FUZZ_EXTRA) $(FUZZ_LDFLAGS) -lm

check-fuzz: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
	@pids=""; for t in $(FUZZ_TARGETS); do \
	    mkdir -p build/fuzz/corpus-$$t; \
	    dict=; [ -f tests/fuzz/$$t.dict ] && dict=-dict=tests/fuzz/$$t.dict; \
	    build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $$dict \
	        -artifact_prefix=build/fuzz/$$t- build/fuzz/corpus-$$t tests/fuzz/corpus/$$t \
	        >build/fuzz/$$t.log 2>&1 & pids="$$pids $$!"; \
	done; status=0; for p in $$pids; do wait $$p || status=1; done; \
	for t in $(FUZZ_TARGETS); do echo "-- fuzz_$$t"; \
	    grep -E '^(stat::number_of_executed_units|stat::new_units_added|Done)' build/fuzz/$$t.log; \
	done; \
	if [ $$status -ne 0 ]; then tail -n 40 build/fuzz/*.log; \
	    echo "check-fuzz: a fuzz target crashed; its input is in build/fuzz/" >&2; fi; \
	exit $$status

# Chapter 10's fast path takes as many lanes as one register of its target
# holds. make test runs it at this processor's widest, check-valgrind at
# the baseline (2 lanes on x86-64, SSE2); on an x86-64 with AVX2 this runs
# chapter 10's tests with 4 lanes as well, the width of most readers' machines
# (and chapter 7, which they set chapter 10's three-sample descent against).
LANES_AVX2 := $(shell grep -qw avx2 /proc/cpuinfo 2>/dev/null && \
    $(CC) -march=x86-64-v3 -x c -c /dev/null -o /dev/null >/dev/null 2>&1 && echo yes)
LANES_TESTS := test_fast test_chapter10

check-lanes:
ifeq ($(LANES_AVX2),yes)
	$(MAKE) --no-print-directory BUILD=build/avx2 FAST_ARCH=-march=x86-64-v3 build/avx2/chapter10 \
	    build/avx2/chapter7 $(addprefix build/avx2/tests/,$(LANES_TESTS))
	@sh tests/run-all.sh $(addprefix build/avx2/tests/,$(LANES_TESTS))
else
	@echo "check-lanes: no AVX2 here; make test and check-valgrind cover the widths it runs"
endif
