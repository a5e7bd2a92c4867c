# The exercises in a student's copy of the project (it becomes mk/student.mk).
#
#   make chapter3              build and run chapter 3 with your own code
#   make grade3                check your functions of chapter 3
#   make hint3                 the next hint of the first task that fails
#   make hint3 TASK=dssr_db3   the next hint of that task (RESET=1 starts over)

STUDENT_CHAPTERS := $(patsubst tests/exercises/chapter%.tasks,%,$(wildcard tests/exercises/chapter*.tasks))

.PHONY: $(STUDENT_CHAPTERS:%=grade%) $(STUDENT_CHAPTERS:%=hint%)

$(STUDENT_CHAPTERS:%=grade%): grade%:
	@CC="$(CC)" TIMEOUT="$(TIMEOUT)" sh tools/exercises/self-grade.sh $*

$(STUDENT_CHAPTERS:%=hint%): hint%:
	@RESET="$(RESET)" RESULTS=build/grade/chapter$*/tasks.tsv \
	    GRADE='CC="$(CC)" sh tools/exercises/self-grade.sh $*' sh tools/exercises/hint.sh $* "$(TASK)"
