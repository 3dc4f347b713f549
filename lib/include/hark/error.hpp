#pragma once

#include <stdexcept>
#include <string>

namespace hark {

// Exit codes shared by every subcommand (docs/hark.md).
enum class Exit : int {
  ok = 0,       // success
  failure = 1,  // ran, but at least one source or record failed
  usage = 2,    // bad command line, or a subcommand that cannot do the job asked
  spike = 3,    // report --fail-on-spike found a spike
};

// Thrown for failures the caller cannot work around (unreadable input, bad configuration).
// Per-record problems are reported, counted and skipped instead.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what, Exit code = Exit::failure)
      : std::runtime_error(what), code_(code) {}
  Exit code() const noexcept { return code_; }

 private:
  Exit code_;
};

// Thrown when the reader of our output has gone away; the command ends quietly.
class BrokenPipe : public Error {
 public:
  BrokenPipe() : Error("broken pipe", Exit::ok) {}
};

// Thrown by a record callback to reject one record; the reader reports it as a bad line.
class RecordError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace hark
