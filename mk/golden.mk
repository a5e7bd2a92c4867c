# The golden values the tests compare with, computed without the C code:
# NumPy, PyTorch autograd and mpmath, each script in tools/ writing one
# header in tests/. The headers are committed, so the tests need no Python;
# these targets are for when an example changes. They need the system Python
# with python3-numpy, python3-torch and python3-mpmath.
#
#   make golden          regenerate every header
#   make verify-golden   regenerate into build/golden/ and show any difference

GOLDEN_PYTHON ?= /usr/bin/python3
# script:header, both without their directory and extension
GOLDEN := golden:golden golden_descent:golden_descent golden_torch:golden_gradient \
    golden_extremes:golden_extremes golden_scale:golden_scale golden_fast:golden_fast \
    golden_why:golden_why

.PHONY: golden verify-golden

golden: ## regenerate every tests/golden*.h from tools/golden*.py (NumPy, PyTorch, mpmath)
	@for pair in $(GOLDEN); do script=$${pair%%:*}; header=tests/$${pair##*:}.h; \
	    echo "$(GOLDEN_PYTHON) tools/$$script.py > $$header"; \
	    $(GOLDEN_PYTHON) tools/$$script.py > $$header.new && mv $$header.new $$header || exit 1; \
	done

verify-golden: ## check that every committed golden header is what its script writes today
	@mkdir -p build/golden; status=0; for pair in $(GOLDEN); do script=$${pair%%:*}; \
	    header=$${pair##*:}.h; \
	    $(GOLDEN_PYTHON) tools/$$script.py > build/golden/$$header || exit 1; \
	    diff -u tests/$$header build/golden/$$header || status=1; \
	done; [ $$status -eq 0 ] && echo "verify-golden: every header is current"
