// Feeds arbitrary bytes to the JSON-lines reader and the record reader.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "hark/error.hpp"
#include "hark/jsonl.hpp"
#include "hark/mention.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  int fds[2];
  if (pipe(fds) != 0) return 0;
  FILE* w = fdopen(fds[1], "w");
  // Small inputs fit in the pipe buffer; larger ones are cut, which is fine for fuzzing.
  const std::size_t n = size < 60000 ? size : 60000;
  fwrite(data, 1, n, w);
  fclose(w);
  hark::JsonlReader reader(4096);
  std::string out;
  reader.read(
      fds[0], "fuzz",
      [&](simdjson::dom::object rec, std::string_view raw, const hark::Position&) {
        out.assign(raw);
        hark::Mention m = hark::read_mention(rec);
        out.clear();
        hark::append_mention(out, m);
      },
      [](const hark::BadLine&) { return true; });
  close(fds[0]);
  return 0;
}
