# make measure: the measurements the guide shows, written into
# docs/measurements/ and committed with the sources, so that two builds of the
# guide are the same and every page shows real numbers, stamped with where
# and when they were taken. Building the guide never measures anything.
#
# Chapter 10: build/chapter10 run as a reader runs it (no options), then
# PyTorch's autograd on the same samples (tools/autograd.py), which says so
# when python3-torch is missing. Its page shows the file whole.
MEASURED_CH10 := docs/measurements/chapter10.txt

.PHONY: measure measure-chapter10

measure: measure-chapter10

measure-chapter10: $(BUILD)/chapter10 ## run chapter 10 and PyTorch's autograd: docs/measurements/chapter10.txt
	@mkdir -p $(dir $(MEASURED_CH10))
	{ echo "Measured on $$(date -u '+%Y-%m-%d at %H:%M UTC') by make measure, on"; \
	  echo "$$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1 | tr -s ' ')" \
	       "($$(nproc) cores; load average $$(cut -d' ' -f1 /proc/loadavg))"; \
	  echo "with $$($(CC) --version | head -n 1)."; echo; \
	  OMP_WAIT_POLICY=passive $(BUILD)/chapter10 && echo && \
	  $(PYTHON3) tools/autograd.py; } > $(MEASURED_CH10).tmp
	mv $(MEASURED_CH10).tmp $(MEASURED_CH10)
	@cat $(MEASURED_CH10)
