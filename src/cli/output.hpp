// Printing for the command layer: diagnostics to stderr, and writing
// outputs atomically without ever overwriting an input.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.hpp"

namespace zs {

void print_diagnostics(const Diagnostics& diags);

// The document format an output file's name asks for: "pdf" for .pdf, "html"
// for .html or .htm (in any case), "" for any other name.
std::string document_format_of(const std::string& path);

// The input files of a command, taken once as (device, inode), so that
// each output is checked against all of them with one stat, however many
// inputs there are.
class InputFiles {
  public:
    explicit InputFiles(const std::vector<std::string>& paths);
    // True when `path` names one of the inputs (the same text, or the same
    // file by another name).
    [[nodiscard]] bool contains(const std::string& path) const;

  private:
    std::set<std::string> names_;
    std::set<std::pair<unsigned long long, unsigned long long>> ids_;
};

// Writes `data` to `path` atomically. Refuses when `path` is one of
// `inputs`. Returns false after printing an error.
bool write_output(const std::string& path, std::string_view data, const InputFiles& inputs);
bool write_output(const std::string& path, std::string_view data, const std::vector<std::string>& inputs);

// The same, returning the error message ("" on success) instead of printing
// it, for writing several outputs at once.
std::string write_output_quietly(const std::string& path, std::string_view data, const InputFiles& inputs);

} // namespace zs
