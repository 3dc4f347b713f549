#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hark/classify.hpp"
#include "stage.hpp"

namespace hark::cli {

// One record of a labeled set, as `hark train` and `hark eval` read it.
struct LabeledRecord {
  std::string id;
  std::string text;  // the title, a line break and the text, as hark classify reads them
  std::string lang;
  Label label = Label::other;
};

// Reads every record of `in`; a record with neither a string `text` nor a `title`, or
// without a valid class under `label_field`, is a bad line, reported and skipped like any
// other. Returns the exit status as run_stage does.
int read_labeled(std::string_view command, const StageInput& in, std::string_view label_field,
                 std::vector<LabeledRecord>& out);

}  // namespace hark::cli
