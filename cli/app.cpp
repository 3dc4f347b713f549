#include "app.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "commands.hpp"
#include "hark/error.hpp"

namespace hark::cli {

std::unique_ptr<CLI::App> make_app(Status& status) {
  auto app = std::make_unique<CLI::App>(
      "hark: fetch, filter, classify and report social-media mentions as JSON lines");
  app->set_version_flag("--version", "hark " HARK_VERSION);
  app->require_subcommand(1);
  app->footer(
      "Example:\n"
      "  hark fetch --sources sources.txt | hark filter --match acme | hark classify | hark report\n"
      "\n"
      "Run 'hark <command> --help' for a command's options. Exit status: 0 ok, 1 some records\n"
      "or sources failed, 2 usage error.");
  setup_fetch(*app, status);
  setup_filter(*app, status);
  setup_classify(*app, status);
  setup_train(*app, status);
  setup_eval(*app, status);
  setup_report(*app, status);
  return app;
}

int run(int argc, char** argv) {
  Status status;
  auto app = make_app(status);
  const auto command = [&] {
    for (const CLI::App* sub : app->get_subcommands()) return "hark " + sub->get_name();
    return std::string("hark");
  };
  try {
    app->parse(argc, argv);  // runs the chosen subcommand's callback
  } catch (const CLI::ParseError& e) {
    const int code = app->exit(e);
    return code == 0 ? 0 : static_cast<int>(Exit::usage);
  } catch (const BrokenPipe&) {
    return 0;  // the reader went away (`| head`): nothing more to say
  } catch (const Error& e) {
    fmt::print(stderr, "{}: {}\n", command(), e.what());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: internal error: {}\n", command(), e.what());
    return static_cast<int>(Exit::failure);
  }
  return status.code;
}

}  // namespace hark::cli
