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
  std::string text;
  std::string lang;
  Label label = Label::other;
};

// Reads every record of `in`; a record without a string `text` or without a valid class
// under `label_field` is a bad line, reported and skipped like any other. Returns the exit
// status as run_stage does.
int read_labeled(std::string_view command, const StageInput& in, std::string_view label_field,
                 std::vector<LabeledRecord>& out);

}  // namespace hark::cli
