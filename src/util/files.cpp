#include "util/files.hpp"
#include "util/messages.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace zs {

namespace fs = std::filesystem;

namespace {

std::string megabytes(std::size_t bytes) {
    if (bytes % limits::MiB == 0) return fmt::format("{} MB", bytes / limits::MiB);
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / static_cast<double>(limits::MiB));
}

std::string too_large(std::size_t size, const limits::FileLimit& limit) {
    std::string_view what = message_language() == MessageLanguage::en ? limit.what_en : limit.what_nl;
    return msg("is too large ({}; {} may be at most {}, see docs/limits.md)", megabytes(size), what, megabytes(limit.bytes));
}

// What a file that is not regular is, in the words of an error.
std::string not_regular(mode_t mode) {
    if (S_ISDIR(mode)) return msg("is a directory, expected a file");
    if (S_ISFIFO(mode)) return msg("is a pipe (FIFO), not a regular file; save the data to a file first");
    if (S_ISSOCK(mode)) return msg("is a socket, not a regular file");
    if (S_ISCHR(mode) || S_ISBLK(mode)) return msg("is a device, not a regular file");
    return msg("is not a regular file");
}

// Opens `path` for reading, or says why not in the words read_file uses.
// O_NONBLOCK keeps the open of a FIFO from waiting for a writer; the mode
// is checked before a byte is read.
int open_input(const std::string& path, struct stat& sb, std::string& error) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        error = errno == ENOENT || errno == ENOTDIR ? msg("no such file").str()
                                                    : msg("cannot be opened ({})", std::strerror(errno));
        return -1;
    }
    if (::fstat(fd, &sb) != 0) {
        error = msg("cannot be read ({})", std::strerror(errno));
        ::close(fd);
        return -1;
    }
    if (!S_ISREG(sb.st_mode)) {
        error = not_regular(sb.st_mode);
        ::close(fd);
        return -1;
    }
    int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return fd;
}

// Reads the `expect` bytes of the open file `fd` and closes it.
ReadResult read_open(int fd, std::size_t expect) {
    ReadResult r;
    // One read of the size fstat gave, and one byte more to see that the
    // file did not grow; a file that shrinks or grows meanwhile is being
    // written by another program, and reading it now would give half of it.
    r.data.resize(expect + 1);
    std::size_t got = 0;
    for (;;) {
        if (got == r.data.size()) break;
        ssize_t n = ::read(fd, r.data.data() + got, r.data.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            r.error = msg("cannot be read ({})", std::strerror(errno));
            r.data.clear();
            ::close(fd);
            return r;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (got != expect) {
        r.error = msg("changed while it was read (another program is writing it); try again when it is complete");
        r.data.clear();
        return r;
    }
    r.data.resize(got);
    return r;
}

} // namespace

ReadResult read_file(const std::string& path, const limits::FileLimit& limit) {
    // Every file starts with the empty string: the one limit holds.
    return read_file_by_start(path, limit, {}, limit);
}

ReadResult read_file_by_start(const std::string& path, const limits::FileLimit& limit, std::string_view start,
                              const limits::FileLimit& start_limit) {
    ReadResult r;
    struct stat sb {};
    int fd = open_input(path, sb, r.error);
    if (fd < 0) return r;
    std::size_t expect = sb.st_size > 0 ? static_cast<std::size_t>(sb.st_size) : 0;
    if (expect > limit.bytes) {
        // Larger than most: allowed only to a file that starts with `start`.
        std::string head(start.size(), '\0');
        const ssize_t n = ::pread(fd, head.data(), head.size(), 0);
        const bool starts = n == static_cast<ssize_t>(head.size()) && head == start;
        const limits::FileLimit& which = starts ? start_limit : limit;
        if (expect > which.bytes) {
            r.error = too_large(expect, which);
            ::close(fd);
            return r;
        }
    }
    return read_open(fd, expect);
}

MappedFile::MappedFile(const std::string& path, const limits::FileLimit& limit) : file_(read_file(path, limit)) {}

std::string check_input_file(const std::string& path, const limits::FileLimit& limit) {
    struct stat sb {};
    std::string error;
    int fd = open_input(path, sb, error);
    if (fd < 0) return error;
    ::close(fd);
    if (static_cast<std::size_t>(sb.st_size) > limit.bytes) return too_large(static_cast<std::size_t>(sb.st_size), limit);
    return {};
}

std::optional<TextProblem> check_text(std::string_view s) {
    std::uint32_t line = 1, col = 1;
    for (std::size_t i = 0; i < s.size();) {
        // Plain ASCII other than NUL and newline needs no decoding: skip it
        // in one go and only advance the column.
        std::size_t run = i;
        // Eight bytes at a time: stop at a word holding a byte >= 0x80, a
        // NUL or a newline, then go on byte by byte.
        constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        while (run + 8 <= s.size()) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + run, 8);
            std::uint64_t nl = w ^ (ones * '\n');
            if ((w & highs) || ((w - ones) & ~w & highs) || ((nl - ones) & ~nl & highs)) break;
            run += 8;
        }
        while (run < s.size()) {
            auto c = static_cast<unsigned char>(s[run]);
            if (c == 0 || c == '\n' || c >= 0x80) break;
            ++run;
        }
        col += static_cast<std::uint32_t>(run - i);
        i = run;
        if (i == s.size()) break;
        auto c = static_cast<unsigned char>(s[i]);
        if (c == 0) return TextProblem{line, col, msg("a NUL byte: this looks like a binary file")};
        std::size_t len = 1;
        if (c >= 0x80) {
            std::uint32_t cp = 0;
            if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
            else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
            else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
            else return TextProblem{line, col, msg("invalid UTF-8; save the file as UTF-8")};
            if (i + len > s.size())
                return TextProblem{line, col, msg("invalid UTF-8 (cut-off character); save the file as UTF-8")};
            for (std::size_t k = 1; k < len; ++k) {
                auto cc = static_cast<unsigned char>(s[i + k]);
                if ((cc & 0xC0) != 0x80)
                    return TextProblem{line, col, msg("invalid UTF-8; save the file as UTF-8")};
                cp = (cp << 6) | (cc & 0x3F);
            }
            bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
            if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                return TextProblem{line, col, msg("invalid UTF-8; save the file as UTF-8")};
        }
        if (c == '\n') { ++line; col = 1; } else { ++col; }
        i += len;
    }
    return std::nullopt;
}

namespace {

std::string temp_prefix(const fs::path& target) { return "." + target.filename().string() + ".zelfscan-"; }

// Removes temporary files of `target` left by runs that were killed (their
// process is gone), so that none lingers beside the output.
void remove_stale_temps(const fs::path& dir, const fs::path& target) {
    std::string prefix = temp_prefix(target);
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!name.starts_with(prefix) || !name.ends_with(".tmp")) continue;
        std::string pid_text = name.substr(prefix.size(), name.size() - prefix.size() - 4);
        char* stop = nullptr;
        long pid = std::strtol(pid_text.c_str(), &stop, 10);
        if (pid_text.empty() || *stop != '\0' || pid <= 0) continue;
        if (pid == ::getpid() || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)) {
            std::error_code rm;
            fs::remove(it->path(), rm);
        }
    }
}

} // namespace

std::string check_output_path(const std::string& path) {
    fs::path target(path);
    if (path.empty()) return msg("no file name given");
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return msg("folder '{}' does not exist", dir.string());
    struct stat sb {};
    if (::stat(path.c_str(), &sb) == 0) {
        if (S_ISDIR(sb.st_mode)) return msg("is a directory, expected a file name");
        if (!S_ISREG(sb.st_mode))
            return msg("{}; zelfscan only writes regular files and never replaces a special file",
                               not_regular(sb.st_mode).substr(3));
    }
    return {};
}

std::string write_temp(const std::string& path, std::string_view data, PendingFile& out, bool sync) {
    if (auto err = check_output_path(path); !err.empty()) return err;
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    remove_stale_temps(dir, target);
    out.target = path;
    out.temp = (dir / fmt::format("{}{}.tmp", temp_prefix(target), ::getpid())).string();
    int fd = ::open(out.temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        out.temp.clear();
        return msg("cannot create a temporary file beside it ({})", std::strerror(errno));
    }
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::string err = std::strerror(errno);
            ::close(fd);
            discard_temp(out);
            return msg("cannot write ({})", err);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    ::fchmod(fd, 0644);
    if ((sync && ::fsync(fd) != 0) || ::close(fd) != 0) {
        std::string err = std::strerror(errno);
        discard_temp(out);
        return msg("cannot write ({})", err);
    }
    return {};
}

std::string sync_temps(const std::vector<const PendingFile*>& files) {
    if (files.empty()) return {};
    // One syncfs flushes every file of the file system the first one is on;
    // the others are fsynced one by one only when they live elsewhere.
    auto device = [](const std::string& path) -> long long {
        struct stat sb {};
        return ::stat(path.c_str(), &sb) == 0 ? static_cast<long long>(sb.st_dev) : -1;
    };
    const long long first_device = device(files.front()->temp);
    bool whole = false;
    if (int fd = ::open(files.front()->temp.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
        whole = ::syncfs(fd) == 0;
        ::close(fd);
    }
    for (const PendingFile* f : files) {
        if (whole && device(f->temp) == first_device) continue;
        int fd = ::open(f->temp.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::fsync(fd) != 0) {
            std::string err = std::strerror(errno);
            if (fd >= 0) ::close(fd);
            return msg("cannot write ({})", err);
        }
        ::close(fd);
    }
    return {};
}

void sync_folders(const std::vector<const PendingFile*>& files) {
    std::vector<std::string> dirs;
    for (const PendingFile* f : files) {
        fs::path target(f->target);
        std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
        if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(dir);
    }
    for (const auto& dir : dirs)
        if (int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
            ::fsync(fd); // best effort: the files are complete either way
            ::close(fd);
        }
}

std::string commit_temp(const PendingFile& f) {
    // Checked once more just before: a special file that appeared since is
    // still never replaced.
    if (auto err = check_output_path(f.target); !err.empty()) {
        discard_temp(f);
        return err;
    }
    if (std::rename(f.temp.c_str(), f.target.c_str()) != 0) {
        std::string err = std::strerror(errno);
        discard_temp(f);
        return msg("cannot move the finished file into place ({})", err);
    }
    return {};
}

void discard_temp(const PendingFile& f) {
    if (!f.temp.empty()) ::unlink(f.temp.c_str());
}

std::string write_file_atomic(const std::string& path, std::string_view data) {
    PendingFile f;
    if (auto err = write_temp(path, data, f); !err.empty()) return err;
    return commit_temp(f);
}

long long build_epoch() {
    if (const char* s = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(s, &end, 10);
        if (end && *end == '\0' && end != s && v >= 0) return v;
    }
    // Today, from midnight (UTC): a report says the day it was made, a plan
    // knows which deadlines have passed, and two runs on one day give the
    // same bytes.
    const long long now = static_cast<long long>(std::time(nullptr));
    return now - now % 86400;
}

} // namespace zs
