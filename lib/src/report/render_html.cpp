#include "render.hpp"

namespace hark::report {

std::string render_html(const Report& r) { return render_markdown(r); }

}  // namespace hark::report
