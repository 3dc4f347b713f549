#include "labeled.hpp"

#include <fmt/format.h>

#include "hark/error.hpp"
#include "hark/mention.hpp"

namespace hark::cli {

int read_labeled(std::string_view command, const StageInput& in, std::string_view label_field,
                 std::vector<LabeledRecord>& out) {
  LineWriter unused;  // run_stage flushes a writer; these commands write after reading
  return run_stage(command, in, unused,
                   [&](simdjson::dom::object record, std::string_view, const Position&) {
                     const auto title = get_string(record, "title");
                     const auto text = get_string(record, "text");
                     if (!text && !title) throw RecordError("no \"text\" to learn from");
                     const auto name = get_string(record, label_field);
                     if (!name) throw RecordError(fmt::format("no \"{}\" class", label_field));
                     const auto label = label_from_name(*name);
                     if (!label)
                       throw RecordError(fmt::format(
                           "\"{}\" is \"{}\", not one of complaint, question, praise, "
                           "expert-tip, other",
                           label_field, *name));
                     LabeledRecord r;
                     r.id = get_string(record, "id").value_or("");
                     // What hark classify reads of the record.
                     std::string joined;
                     r.text = title_and_text(title.value_or(""), text.value_or(""), joined);
                     r.lang = get_string(record, "lang").value_or("");
                     r.label = *label;
                     out.push_back(std::move(r));
                   });
}

}  // namespace hark::cli
