// Feeds arbitrary bytes to the report state reader (`hark report --merge`), and reports on
// whatever it accepts.
#include <cstdint>
#include <string_view>

#include "hark/error.hpp"
#include "hark/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    hark::report::State state = hark::report::State::parse(text, "fuzz");
    const hark::report::Report r = hark::report::build_report(state);
    hark::report::render(r, hark::report::Format::json);
    hark::report::render(r, hark::report::Format::html);
  } catch (const hark::Error&) {
  }
  return 0;
}
