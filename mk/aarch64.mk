# make test-aarch64: every test, built for 64-bit ARM by a cross compiler and
# run under qemu-user, on any machine (Debian: gcc-aarch64-linux-gnu,
# qemu-user, and libcmocka-dev:arm64 after dpkg --add-architecture arm64).
# The tests run the chapter programs through TEST_EMULATOR, so they run
# under qemu too. Nothing is built with -march=native here: FAST_ARCH is
# empty, and the vector lanes of chapter 10 become NEON registers. Nor with
# OpenMP: under qemu-user its threads wait for each other so slowly (minutes
# for what takes milliseconds on one thread) that the tests would time out;
# chapter 10 then runs on one thread, and says so. The tests draw at most
# 100003 samples (TEST_MAX_SAMPLES, tests/support.h): test_fast leaves out
# its count past FAST_MAX_BLOCKS blocks, which costs more under qemu than
# all its other counts together, and test_data loads 100 000 lines, not a
# million; make test runs both in full.
AARCH64_CC ?= aarch64-linux-gnu-gcc
AARCH64_SYSROOT ?= /usr/aarch64-linux-gnu
AARCH64_EMULATOR ?= qemu-aarch64 -L $(AARCH64_SYSROOT)
AARCH64_BUILD := build/aarch64

.PHONY: test-aarch64

test-aarch64: ## build every test for 64-bit ARM and run them all under qemu-aarch64
	@command -v $(AARCH64_CC) >/dev/null && command -v $(firstword $(AARCH64_EMULATOR)) \
	    >/dev/null || { echo "make test-aarch64: needs $(AARCH64_CC) and" \
	    "$(firstword $(AARCH64_EMULATOR)); install them with: sh tools/install-deps --all" >&2; \
	    exit 2; }
	$(MAKE) --no-print-directory test BUILD=$(AARCH64_BUILD) CC=$(AARCH64_CC) FAST_ARCH= OPENMP= \
	    CMOCKA_CFLAGS= CMOCKA_LIBS=-lcmocka TEST_EMULATOR='$(AARCH64_EMULATOR)' \
	    TEST_MAX_SAMPLES=100003

# The tests start the chapter programs some 800 times, each under a qemu of
# its own; linked statically, a program starts in half the time, its C
# library's loader no longer emulated. (The test programs themselves link
# cmocka, which the arm64 archive has as a shared library only.)
$(AARCH64_BUILD)/chapter%: LDFLAGS += -static
