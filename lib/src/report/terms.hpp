#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hark::report {

// The theme language of a BCP-47 tag ("nl-BE" → "nl"), or empty when we have no stopwords
// for it.
std::string_view theme_language(std::string_view lang);

// Reusable buffers for splitting one text into terms without allocating per record.
struct TermScratch {
  struct Word {
    std::string_view text;
    bool after_gap = false;
    bool negation = false;  // counts inside phrases only
  };
  std::string folded;
  std::string phrases;  // phrases whose words are not one space apart in `folded`
  std::vector<Word> words;
  std::vector<std::string_view> terms;  // words and phrases in text order, repeats included
  std::size_t words_in_terms = 0;       // terms[0, words_in_terms) are words, the rest phrases

  // Splits `text` for theme language `lang` (may be empty: no stopwords).
  void split(std::string_view text, std::string_view lang);
};

}  // namespace hark::report
