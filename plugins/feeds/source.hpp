#pragma once

#include <memory>

#include "hark/source.hpp"

namespace hark::feeds {

// The feeds plugin's fetch part: URLs over the shared HttpClient (conditional GET when the
// request carries validators), paths, file:// URLs and "-" read directly; each document goes
// through feeds::parse. A document that is not a feed fails its target.
std::unique_ptr<Source> make();

}  // namespace hark::feeds
