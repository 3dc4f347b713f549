// Feeds arbitrary bytes to the classifier's tokenizer, cue matching, language detection and
// the PII detector, and checks that every cue span lies inside the text.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "hark/advice.hpp"
#include "hark/classify.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (std::string_view lang : {std::string_view(), std::string_view("nl")}) {
    const hark::Analysis a = hark::analyze(text, lang);
    for (const hark::Cue& c : a.cues)
      if (c.begin > c.end || c.end > text.size()) std::abort();
    hark::advise(a, hark::find_pii(text));
  }
  return 0;
}
