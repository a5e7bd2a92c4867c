# Chapters 6 to 8: regenerating and checking their golden headers.
#
# The headers are committed, so the tests need no Python; these targets are
# for when the examples change. They need NumPy and PyTorch for the system
# Python (Debian: python3-numpy python3-torch).

GOLDEN_PYTHON ?= /usr/bin/python3
GOLDEN_6_8 := tests/golden_descent.h tests/golden_gradient.h

.PHONY: golden-6-8 verify-6-8

golden-6-8: ## regenerate the golden headers of chapters 6 to 8 (NumPy, PyTorch)
	$(GOLDEN_PYTHON) tools/golden_descent.py > tests/golden_descent.h.new
	mv tests/golden_descent.h.new tests/golden_descent.h
	$(GOLDEN_PYTHON) tools/golden_torch.py > tests/golden_gradient.h.new
	mv tests/golden_gradient.h.new tests/golden_gradient.h

verify-6-8: ## check that the committed golden headers of chapters 6 to 8 are current
	@mkdir -p $(BUILD)
	$(GOLDEN_PYTHON) tools/golden_descent.py > $(BUILD)/golden_descent.h
	$(GOLDEN_PYTHON) tools/golden_torch.py > $(BUILD)/golden_gradient.h
	diff -u tests/golden_descent.h $(BUILD)/golden_descent.h
	diff -u tests/golden_gradient.h $(BUILD)/golden_gradient.h
