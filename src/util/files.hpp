// The one seam for file access: reading user files with clear errors, and
// writing outputs atomically (temporary file beside the target, then rename).
#pragma once

#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "util/limits.hpp"

namespace zs {

struct ReadResult {
    std::string data;
    std::string error; // non-empty on failure: "no such file", "is a directory", ...
    [[nodiscard]] bool ok() const { return error.empty(); }
};

// Reads a whole file of at most `limit.bytes`. Only regular files are read:
// a directory, FIFO, socket or device is refused at once (opening never
// blocks, and /dev/zero is never read). A file that changes size while it
// is read is an error, not a short read. Errors name what is wrong, not the
// path (the caller puts the path in the diagnostic).
ReadResult read_file(const std::string& path, const limits::FileLimit& limit = limits::any_file);
// The same for an input whose kind its first bytes tell (an answer file or
// a PDF form): at most `limit`, or `start_limit` when it begins with
// `start`. One open and one read, also for the many small files.
ReadResult read_file_by_start(const std::string& path, const limits::FileLimit& limit, std::string_view start,
                              const limits::FileLimit& start_limit);

// A whole large input read once, such as a PDF form. It used to be mapped
// with mmap; a file cut short by another program then ended the process
// (SIGBUS). It is read into memory now, with read_file's checks.
class MappedFile {
  public:
    explicit MappedFile(const std::string& path, const limits::FileLimit& limit = limits::form_file);

    [[nodiscard]] std::string_view data() const { return file_.data; }
    [[nodiscard]] const std::string& error() const { return file_.error; }
    [[nodiscard]] bool ok() const { return file_.ok(); }

  private:
    ReadResult file_;
};

// Why `path` cannot be an input ("" when it can): used by commands that
// check their inputs before any work. Same words as read_file.
std::string check_input_file(const std::string& path, const limits::FileLimit& limit = limits::any_file);

// Checks that `data` is text: valid UTF-8 without NUL bytes. Returns the
// 1-based line and column of the first bad byte, or nullopt when it is fine.
struct TextProblem {
    std::uint32_t line = 0, column = 0;
    std::string what;
};
std::optional<TextProblem> check_text(std::string_view data);

// Writes `data` to `path` atomically. Returns an error message, or "" on
// success. Keeping outputs off inputs is the caller's job (cli/output.hpp).
// An existing `path` that is not a regular file (a device such as
// /dev/null, a FIFO, a directory) is refused: rename would replace it.
std::string write_file_atomic(const std::string& path, std::string_view data);

// The steps of write_file_atomic, for writing several files together
// (cli/output.hpp): every temporary file is written and synced before the
// first is renamed into place. The temporary file is hidden in the target's
// folder, named ".<name>.zelfscan-<pid>.tmp", so it is never mistaken for an
// output; one left by a killed run is removed by the next write of the
// same name.
struct PendingFile {
    std::string target, temp;
};
// Why `path` cannot be written ("" when it can), without writing anything.
std::string check_output_path(const std::string& path);
// With `sync` false the data is not flushed here: the caller flushes many
// temporary files at once with sync_temps() before any is renamed.
std::string write_temp(const std::string& path, std::string_view data, PendingFile& out, bool sync = true);
// Flushes the temporary files to disk in one go (one syncfs of their file
// system, or an fsync each where that fails). "" on success.
std::string sync_temps(const std::vector<const PendingFile*>& files);
// After the renames: flushes each folder's entries, so the new names last.
void sync_folders(const std::vector<const PendingFile*>& files);
std::string commit_temp(const PendingFile& f);
void discard_temp(const PendingFile& f);

// "Today" for every output: SOURCE_DATE_EPOCH when set and valid (fixed
// bytes, reproducible builds), else the start of the current UTC day, so
// runs on the same day with the same inputs give the same bytes.
long long build_epoch();

} // namespace zs
