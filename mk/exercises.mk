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
# What the teacher types is taken literally: a folder named '$(shell ...)'
# or holding quotes, backticks or spaces is a name, never a command. These
# reach the scripts only through exercise_var, quoted, never exported.
EXERCISE_VARS := SUBMISSION SUBMISSIONS CSV REPORTS FORMAT TIMEOUT GRADE_SEED CHAPTER JOBS
unexport $(EXERCISE_VARS)
exercise_var = '$(subst ','\'',$(value $(1)))'
EXERCISE_ENV = CC="$(CC)" BUILD="$(BUILD)" FORMAT=$(call exercise_var,FORMAT) \
    TIMEOUT=$(call exercise_var,TIMEOUT) GRADE_SEED=$(call exercise_var,GRADE_SEED) \
    JOBS=$(call exercise_var,JOBS) REPORTS=$(call exercise_var,REPORTS) \
    GRADE_WARNINGS="$(WARNINGS)"
EXERCISE_TOOL_BINS := $(EXERCISE_BIN)/cases $(EXERCISE_BIN)/reference $(EXERCISE_BIN)/judge \
    $(EXERCISE_BIN)/ref.o $(EXERCISE_BIN)/random.o

.PHONY: exerciseN gradeN hintN grade-all exercises-check student-release \
        $(CHAPTERS:%=exercise%) $(CHAPTERS:%=grade%) $(CHAPTERS:%=hint%)

# The checker's questions and the reference's answers are the teacher's
# code; the judge links no nn.c at all.
$(EXERCISE_BIN)/cases: $(BUILD)/$(EXERCISE_TOOLS)/cases.o $(LIBNN)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(BUILD)/$(EXERCISE_TOOLS)/harness.o: CPPFLAGS += -DASK_ALL
$(EXERCISE_BIN)/reference: $(BUILD)/$(EXERCISE_TOOLS)/harness.o $(LIBNN)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(EXERCISE_BIN)/judge: $(BUILD)/$(EXERCISE_TOOLS)/judge.o
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)
# What a hand-in's object is linked with, in the sandbox: the reference as
# objects, never as source, one section per function (so that the link keeps
# only what the task reaches) and position-independent (so that no call
# between global functions is inlined: each resolves to whichever
# definition the link chooses). grade.sh adds the harness for each task.
EXERCISE_OBJECT_FLAGS = $(WARNINGS) -O2 -fPIC -ffunction-sections -fdata-sections -Icode
$(EXERCISE_BIN)/ref.o: code/nn.c code/nn.h code/random.h
	@mkdir -p $(@D)
	$(CC) $(EXERCISE_OBJECT_FLAGS) -c -o $@ $<
$(EXERCISE_BIN)/random.o: code/random.c code/random.h
	@mkdir -p $(@D)
	$(CC) $(EXERCISE_OBJECT_FLAGS) -c -o $@ $<

# Chapter N's workspace: exercises/03-chain-rule for 3.
exercise_dir = exercises/$(notdir $(filter chapters/0$(1)-% chapters/$(1)-%,$(CHAPTER_DIRS)))

define exercise_rules
exercise$(1):
	@FORCE="$(FORCE)" sh $(EXERCISE_TOOLS)/workspace.sh $(1)

grade$(1): $(EXERCISE_TOOL_BINS)
	@$$(EXERCISE_ENV) sh $(EXERCISE_TOOLS)/grade.sh $(1) \
	    $$(if $$(value SUBMISSION),$$(call exercise_var,SUBMISSION),'exercises/$(notdir $(filter chapters/0$(1)-% chapters/$(1)-%,$(CHAPTER_DIRS)))')

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
	@test -n $(call exercise_var,CHAPTER) -a -n $(call exercise_var,SUBMISSIONS) || { echo "usage: make grade-all CHAPTER=N SUBMISSIONS=dir [CSV=file]" >&2; exit 2; }
	@$(EXERCISE_ENV) sh $(EXERCISE_TOOLS)/grade-all.sh $(call exercise_var,CHAPTER) \
	    $(call exercise_var,SUBMISSIONS) $(call exercise_var,CSV)

student-release: $(EXERCISE_TOOL_BINS) $(CHAPTER_BINS) ## a copy for students, DEST=dir: every task a stub, no solution in it (CHAPTERS=...)
	@test -n "$(DEST)" || { echo "usage: make student-release DEST=dir [CHAPTERS=\"1 2 3\"]" >&2; exit 2; }
	@BUILD="$(BUILD)" sh $(EXERCISE_TOOLS)/release.sh "$(DEST)" $(if $(filter command line,$(origin CHAPTERS)),$(CHAPTERS))

exercises-check: $(EXERCISE_TOOL_BINS) ## stubs compile with -Werror and fail, solutions pass, hostile hand-ins score nothing
	@$(EXERCISE_ENV) GRADE_SEED=1 FORMAT=text sh $(EXERCISE_TOOLS)/check.sh $(sort $(EXERCISE_CHAPTERS))
