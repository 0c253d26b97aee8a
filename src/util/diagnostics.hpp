// Compiler-style diagnostics: a location in a user's file, a message and an
// optional hint. Stages collect them and the command layer prints them all.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "util/messages.hpp"

namespace zs {

struct SourceLocation {
    std::string file;
    std::uint32_t line = 0;   // 1-based; 0 = the file as a whole
    std::uint32_t column = 0; // 1-based; 0 = the line as a whole
};

enum class Severity { error, warning, note };

struct Diagnostic {
    Severity severity = Severity::error;
    SourceLocation where;
    std::string message;
    std::string hint; // optional: "did you mean ...", "expected ..."
};

class Diagnostics {
  public:
    // Texts are Messages (util/messages.hpp): msg("...") for ours,
    // verbatim(...) for a library's.
    void error(SourceLocation where, Message message, Message hint = {});
    void warning(SourceLocation where, Message message, Message hint = {});
    void add(Severity severity, SourceLocation where, Message message, Message hint = {});
    // A diagnostic made elsewhere (copied from another list).
    void add(Diagnostic d);
    void append(const Diagnostics& other);

    [[nodiscard]] bool has_errors() const { return errors_ > 0; }
    [[nodiscard]] std::size_t error_count() const { return errors_; }
    [[nodiscard]] const std::vector<Diagnostic>& all() const { return items_; }
    [[nodiscard]] bool empty() const { return items_.empty(); }

    // Orders by file, line and column so output is stable whatever the order
    // in which checks ran.
    void sort();

  private:
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
};

// The hint for a word that is not known: "did you mean 'x'?" when a close
// match was found, `otherwise` when none was.
Message did_you_mean(const std::string& match, Message otherwise = {});

// The one place diagnostics are formatted, in the message language:
//   path:line:col: fout: message          path:line:col: error: message
//     tip: ...                              hint: ...
std::string format(const Diagnostic& d);
std::string format(const Diagnostics& ds);

} // namespace zs
