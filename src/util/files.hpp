// The one seam for file access: reading user files with clear errors, and
// writing outputs atomically (temporary file beside the target, then rename).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zs {

struct ReadResult {
    std::string data;
    std::string error; // non-empty on failure: "no such file", "is a directory", ...
    [[nodiscard]] bool ok() const { return error.empty(); }
};

// Reads a whole file. Errors name what is wrong, not the path (the caller
// puts the path in the diagnostic).
ReadResult read_file(const std::string& path);

// A whole file mapped read-only into memory, without a copy: for large
// inputs read once, such as PDF forms. Errors as read_file. (A file cut
// short by another program while mapped ends the process; outputs are
// written atomically, so nothing is half-written then.)
class MappedFile {
  public:
    explicit MappedFile(const std::string& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    [[nodiscard]] std::string_view data() const { return {static_cast<const char*>(addr_), size_}; }
    [[nodiscard]] const std::string& error() const { return error_; }
    [[nodiscard]] bool ok() const { return error_.empty(); }

  private:
    void* addr_ = nullptr;
    std::size_t size_ = 0;
    std::string error_;
};

// Checks that `data` is text: valid UTF-8 without NUL bytes. Returns the
// 1-based line and column of the first bad byte, or nullopt when it is fine.
struct TextProblem {
    std::uint32_t line = 0, column = 0;
    std::string what;
};
std::optional<TextProblem> check_text(std::string_view data);

// Writes `data` to `path` atomically. Returns an error message, or "" on
// success. Keeping outputs off inputs is the caller's job (cli/output.hpp).
std::string write_file_atomic(const std::string& path, std::string_view data);

// SOURCE_DATE_EPOCH when set and valid, else a fixed date, so outputs are
// byte-identical across runs.
long long build_epoch();

} // namespace zs
