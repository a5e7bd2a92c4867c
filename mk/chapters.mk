# Chapter 7's program is three files; its test calls the two that are not
# main(): one sample's backward pass, and the watch on a rising SSR.
CHAPTER7_DIR := chapters/07-all-parameters
CHAPTER7_OBJ := $(BUILD)/$(CHAPTER7_DIR)/one_sample.o $(BUILD)/$(CHAPTER7_DIR)/rises.o

$(BUILD)/tests/test_chapter7: $(CHAPTER7_OBJ)
$(BUILD)/tests/test_chapter7.o: override CPPFLAGS += -I$(CHAPTER7_DIR)
# Those objects come after the libraries on the link line: name the libraries
# again behind them.
$(BUILD)/tests/test_chapter7: override LDLIBS := $(LIBSUPPORT) $(LIBNN) $(LDLIBS)
