# Course exercises: chapter N's tasks are tests/exercises/chapterN.tasks; the
# scripts are in tools/exercises/; the teachers' page is docs/pages/teachers.md.
#
#   make exercise3                  write exercises/03-chain-rule/ (FORCE=1 to start over)
#   make hint3 [TASK=name]          the next hint of the first failing task (or of TASK)
#   make grade3                     grade it (SUBMISSION=dir for a hand-in, FORMAT=junit|gradescope)
#   make grade-all CHAPTER=3 SUBMISSIONS=dir [CSV=file]
#   make student-release DEST=dir [CHAPTERS="3 4"]
#   make exercises-check            stubs fail, solutions pass, hostile hand-ins score nothing

EXERCISE_TOOLS := tools/exercises
EXERCISE_BIN := $(BUILD)/exercises
EXERCISE_CHAPTERS := $(patsubst tests/exercises/chapter%.tasks,%,$(wildcard tests/exercises/chapter*.tasks))
EXERCISE_ENV = CC="$(CC)" BUILD="$(BUILD)" FORMAT="$(FORMAT)" TIMEOUT="$(TIMEOUT)" \
    GRADE_SEED="$(GRADE_SEED)" UNSAFE="$(UNSAFE)"
FORMAT ?= text
TIMEOUT ?= 10
EXERCISE_TOOL_BINS := $(EXERCISE_BIN)/cases $(EXERCISE_BIN)/reference $(EXERCISE_BIN)/judge \
    $(EXERCISE_BIN)/harness.o $(EXERCISE_BIN)/random.o

.PHONY: exerciseN gradeN hintN grade-all exercises-check student-release \
        $(CHAPTERS:%=exercise%) $(CHAPTERS:%=grade%) $(CHAPTERS:%=hint%)

# The checker's questions and the reference's answers are the teacher's
# code; the judge links no nn.c at all.
$(EXERCISE_BIN)/cases: $(BUILD)/$(EXERCISE_TOOLS)/cases.o $(LIBNN)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(EXERCISE_BIN)/reference: $(BUILD)/$(EXERCISE_TOOLS)/harness.o $(LIBNN)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(EXERCISE_BIN)/judge: $(BUILD)/$(EXERCISE_TOOLS)/judge.o
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)
# What the hand-in's build links with its nn.c, in the sandbox.
$(EXERCISE_BIN)/harness.o: $(BUILD)/$(EXERCISE_TOOLS)/harness.o
$(EXERCISE_BIN)/random.o: $(BUILD)/code/random.o
$(EXERCISE_BIN)/harness.o $(EXERCISE_BIN)/random.o:
	@mkdir -p $(@D)
	cp $< $@

# Chapter N's workspace: exercises/03-chain-rule for 3.
exercise_dir = exercises/$(notdir $(filter chapters/0$(1)-% chapters/$(1)-%,$(CHAPTER_DIRS)))

define exercise_rules
exercise$(1):
	@FORCE="$(FORCE)" sh $(EXERCISE_TOOLS)/workspace.sh $(1)

grade$(1): $(EXERCISE_TOOL_BINS)
	@$(EXERCISE_ENV) sh $(EXERCISE_TOOLS)/grade.sh $(1) \
	    "$(or $(SUBMISSION),exercises/$(notdir $(filter chapters/0$(1)-% chapters/$(1)-%,$(CHAPTER_DIRS))))"

hint$(1): $(EXERCISE_TOOL_BINS)
	@RESET="$(RESET)" RESULTS="$(BUILD)/grade/hint$(1)/tasks.tsv" GRADE='$(if $(wildcard \
	    $(call exercise_dir,$(1))),$(EXERCISE_ENV) GRADE_SEED=1 FORMAT=none GRADE_OUT="$(BUILD)/grade/hint$(1)" \
	    sh $(EXERCISE_TOOLS)/grade.sh $(1) "$(call exercise_dir,$(1))")' \
	    sh $(EXERCISE_TOOLS)/hint.sh $(1) "$(TASK)"
endef
$(foreach n,$(CHAPTERS),$(eval $(call exercise_rules,$(n))))

exerciseN: ## write chapter N's student workspace exercises/NN-name/ (FORCE=1 starts over)
	@echo "Name the chapter: make exercise3 (chapters with exercises: $(sort $(EXERCISE_CHAPTERS)))"

gradeN: ## grade chapter N's workspace (SUBMISSION=dir a hand-in; FORMAT=junit or gradescope)
	@echo "Name the chapter: make grade3 (chapters with exercises: $(sort $(EXERCISE_CHAPTERS)))"

hintN: ## the next hint of chapter N's first failing task, or of TASK=name (RESET=1 starts over)
	@echo "Name the chapter: make hint3 (chapters with exercises: $(sort $(EXERCISE_CHAPTERS)))"

grade-all: $(EXERCISE_TOOL_BINS) ## grade a class: CHAPTER=N SUBMISSIONS=dir, writes build/grades/chapterN.csv (or CSV=file)
	@test -n "$(CHAPTER)" -a -n "$(SUBMISSIONS)" || { echo "usage: make grade-all CHAPTER=N SUBMISSIONS=dir [CSV=file]" >&2; exit 2; }
	@$(EXERCISE_ENV) sh $(EXERCISE_TOOLS)/grade-all.sh $(CHAPTER) "$(SUBMISSIONS)" "$(CSV)"

student-release: $(EXERCISE_TOOL_BINS) ## a copy for students, DEST=dir: every task a stub, no solution in it (CHAPTERS=...)
	@test -n "$(DEST)" || { echo "usage: make student-release DEST=dir [CHAPTERS=\"1 2 3\"]" >&2; exit 2; }
	@BUILD="$(BUILD)" sh $(EXERCISE_TOOLS)/release.sh "$(DEST)" $(if $(filter command line,$(origin CHAPTERS)),$(CHAPTERS))

exercises-check: $(EXERCISE_TOOL_BINS) ## stubs compile with -Werror and fail, solutions pass, hostile hand-ins score nothing
	@$(EXERCISE_ENV) GRADE_SEED=1 sh $(EXERCISE_TOOLS)/check.sh $(sort $(EXERCISE_CHAPTERS))
