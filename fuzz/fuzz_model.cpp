// Feeds arbitrary bytes to the model file reader: it must reject them with hark::Error or
// return a model that predicts without reading out of bounds.
#include <cstdint>
#include <string>

#include "hark/error.hpp"
#include "hark/model.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const hark::Model model =
        hark::read_model(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    model.predict("the app does not work, anyone know why?", hark::Analysis{});
  } catch (const hark::Error&) {
  }
  return 0;
}
