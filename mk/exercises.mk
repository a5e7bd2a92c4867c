# Course exercises: a student workspace per chapter, graded by the chapter's
# official tests. The scripts are in tools/exercises/; the teacher's guide is
# docs/pages/teachers.md.
#
#   make exercise3                  write exercises/03-chain-rule/ (FORCE=1 to start over)
#   make grade3                     grade it (SUBMISSION=dir for another folder, FORMAT=junit)
#   make hint3                      every hint of chapter 3
#   make grade-all CHAPTER=3 SUBMISSIONS=dir [CSV=file]
#   make exercises-check            stubs fail, solutions pass, for every chapter

EXERCISE_TOOLS := tools/exercises
EXERCISE_ENV = CC="$(CC)" BUILD="$(BUILD)" FORMAT="$(FORMAT)" TIMEOUT="$(TIMEOUT)"
FORMAT ?= text
TIMEOUT ?= 10
EXERCISE_CHAPTERS ?= $(CHAPTERS)

.PHONY: exerciseN gradeN hintN grade-all exercises-check \
        $(CHAPTERS:%=exercise%) $(CHAPTERS:%=grade%) $(CHAPTERS:%=hint%)

define exercise_rules
exercise$(1):
	@FORCE="$(FORCE)" sh $(EXERCISE_TOOLS)/workspace.sh $(1)

grade$(1): check-cmocka
	@$(EXERCISE_ENV) sh $(EXERCISE_TOOLS)/grade.sh $(1) "$(SUBMISSION)"

hint$(1):
	@sh $(EXERCISE_TOOLS)/hint.sh $(1)
endef
$(foreach n,$(CHAPTERS),$(eval $(call exercise_rules,$(n))))

exerciseN: ## write chapter N's student workspace exercises/NN-name/ (FORCE=1 starts over)
	@echo "Name the chapter: make exercise3 (chapters $(firstword $(CHAPTERS)) to $(lastword $(CHAPTERS)))"

gradeN: ## grade chapter N's workspace (SUBMISSION=dir grades another, FORMAT=junit gives XML)
	@echo "Name the chapter: make grade3 (chapters $(firstword $(CHAPTERS)) to $(lastword $(CHAPTERS)))"

hintN: ## the hint of every task of chapter N
	@echo "Name the chapter: make hint3 (chapters $(firstword $(CHAPTERS)) to $(lastword $(CHAPTERS)))"

grade-all: check-cmocka ## grade a class: CHAPTER=N SUBMISSIONS=dir, writes build/grades/chapterN.csv (or CSV=file)
	@test -n "$(CHAPTER)" -a -n "$(SUBMISSIONS)" || { echo "usage: make grade-all CHAPTER=N SUBMISSIONS=dir [CSV=file]" >&2; exit 2; }
	@$(EXERCISE_ENV) sh $(EXERCISE_TOOLS)/grade-all.sh $(CHAPTER) "$(SUBMISSIONS)" "$(CSV)"

exercises-check: check-cmocka ## every chapter (EXERCISE_CHAPTERS): fresh stubs compile with -Werror and fail, solutions pass
	@$(EXERCISE_ENV) sh $(EXERCISE_TOOLS)/check.sh $(EXERCISE_CHAPTERS)
