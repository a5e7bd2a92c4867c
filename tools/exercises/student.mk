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

.PHONY: gradeN hintN progress watch

gradeN: ## check your functions of chapter N: make grade3
	@echo "Name the chapter: make grade3 (chapters: $(STUDENT_CHAPTERS))"

hintN: ## the next hint of chapter N's first failing task, or of TASK=name
	@echo "Name the chapter: make hint3, or make hint3 TASK=dssr_db3 (chapters: $(STUDENT_CHAPTERS))"

progress: ## one line per chapter: tasks passed of all, and the next task
	@CC="$(CC)" TIMEOUT="$(TIMEOUT)" sh tools/exercises/progress.sh

watch: ## grade again on every save of code/nn.c (CHAPTER=N to choose; Ctrl-C stops)
	@CC="$(CC)" TIMEOUT="$(TIMEOUT)" CHAPTER="$(CHAPTER)" sh tools/exercises/watch.sh
