# The exercises in a student's copy of the project (it becomes mk/student.mk).
#
#   make chapter3        build and run chapter 3 with your own code
#   make grade3          check your functions of chapter 3
#   make hint3           one hint; again for the next (RESET=1 starts over)

STUDENT_CHAPTERS := $(patsubst tests/exercises/chapter%.tasks,%,$(wildcard tests/exercises/chapter*.tasks))

.PHONY: $(STUDENT_CHAPTERS:%=grade%) $(STUDENT_CHAPTERS:%=hint%)

$(STUDENT_CHAPTERS:%=grade%): grade%:
	@CC="$(CC)" TIMEOUT="$(TIMEOUT)" sh tools/exercises/self-grade.sh $*

$(STUDENT_CHAPTERS:%=hint%): hint%:
	@RESET="$(RESET)" sh tools/exercises/hint.sh $*
