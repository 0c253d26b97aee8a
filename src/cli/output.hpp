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
// One error, formatted as every diagnostic is ("" file: the program's own,
// a usage error). Returns `exit_code` for the caller to return.
int print_error(const std::string& file, Message message, Message hint = {}, int exit_code = 1);

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

// All outputs of one command, checked together and committed together.
struct Output {
    std::string path;
    std::string_view data; // held by the caller until written
};

// Checks every output before anything is written: no two to one file (also
// by another name), none onto an input, none onto a directory, device or
// other special file, each folder present. Then writes every temporary file
// and only after all of them are complete renames each into place: a
// failure or a kill before the renames leaves every existing file as it
// was. Returns the errors ("path: error: ...\n" lines), "" on success.
std::string write_outputs_quietly(const std::vector<Output>& outputs, const InputFiles& inputs);
// Many independent outputs (import: one answer file per form), each checked
// and written atomically on its own, so one failing leaves the others: the
// temporary files are flushed to disk together (one syncfs, not an fsync
// per file), then renamed, then their folders flushed. One error text per
// output ("" when it was written), in the order given.
std::vector<std::string> write_each_output(const std::vector<Output>& outputs, const InputFiles& inputs);
// The same, printing the errors; false when there were any.
bool write_outputs(const std::vector<Output>& outputs, const InputFiles& inputs);

// The check alone, for a command that wants to refuse bad output names
// before its work starts. Returns the errors as write_outputs_quietly.
std::string check_outputs(const std::vector<std::string>& paths, const InputFiles& inputs);

} // namespace zs
