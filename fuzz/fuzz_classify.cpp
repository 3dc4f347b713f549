// Feeds arbitrary bytes to the classifier's tokenizer, cue matching, language detection and
// the PII detector, and a small model's features, and checks that every cue span lies inside
// the text and that its cue is the span's bytes.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include "hark/advice.hpp"
#include "hark/classify.hpp"
#include "hark/model.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A tiny model, so that the model's own word scan and hashing see the same bytes.
  static const hark::Model model = [] {
    std::vector<hark::Example> examples;
    for (const auto& [text, label] : {std::pair{"it does not work", hark::Label::complaint},
                                      std::pair{"does anyone know how?", hark::Label::question},
                                      std::pair{"great service, thanks", hark::Label::praise}}) {
      examples.push_back({text, hark::analyze(text, "en"), label});
    }
    return hark::train(examples, {.bucket_bits = 12, .epochs = 2});
  }();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (std::string_view lang : {std::string_view(), std::string_view("nl")}) {
    const hark::Analysis a = hark::analyze(text, lang);
    for (const hark::Cue& c : a.cues)
      if (c.begin > c.end || c.end > text.size() || c.cue != text.substr(c.begin, c.end - c.begin)) std::abort();
    hark::advise(a, hark::find_pii(text));
    model.predict(text, a);
  }
  return 0;
}
