#include "util/files.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace zs {

namespace fs = std::filesystem;

namespace {

// Opens `path` for reading, or says why not in the words read_file uses.
int open_input(const std::string& path, struct stat& sb, std::string& error) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = errno == ENOENT || errno == ENOTDIR ? std::string("no such file")
                                                    : fmt::format("cannot be opened ({})", std::strerror(errno));
        return -1;
    }
    if (::fstat(fd, &sb) != 0) {
        error = fmt::format("cannot be read ({})", std::strerror(errno));
        ::close(fd);
        return -1;
    }
    if (S_ISDIR(sb.st_mode)) {
        error = "is a directory, expected a file";
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

ReadResult read_file(const std::string& path) {
    ReadResult r;
    struct stat sb {};
    int fd = open_input(path, sb, r.error);
    if (fd < 0) return r;
    // One read of the size fstat gives; a file that grows meanwhile is read
    // to its end all the same.
    std::size_t expect = sb.st_size > 0 ? static_cast<std::size_t>(sb.st_size) : 0;
    r.data.resize(expect + 1);
    std::size_t got = 0;
    for (;;) {
        if (got == r.data.size()) r.data.resize(r.data.size() * 2);
        ssize_t n = ::read(fd, r.data.data() + got, r.data.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            r.error = fmt::format("cannot be read ({})", std::strerror(errno));
            r.data.clear();
            ::close(fd);
            return r;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    r.data.resize(got);
    return r;
}

MappedFile::MappedFile(const std::string& path) {
    struct stat sb {};
    int fd = open_input(path, sb, error_);
    if (fd < 0) return;
    if (sb.st_size > 0) {
        size_ = static_cast<std::size_t>(sb.st_size);
        void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            error_ = fmt::format("cannot be read ({})", std::strerror(errno));
            size_ = 0;
        } else {
            addr_ = p;
        }
    }
    ::close(fd);
}

MappedFile::~MappedFile() {
    if (addr_) ::munmap(addr_, size_);
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
        if (c == 0) return TextProblem{line, col, "a NUL byte: this looks like a binary file"};
        std::size_t len = 1;
        if (c >= 0x80) {
            std::uint32_t cp = 0;
            if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
            else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
            else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
            else return TextProblem{line, col, "invalid UTF-8; save the file as UTF-8"};
            if (i + len > s.size())
                return TextProblem{line, col, "invalid UTF-8 (cut-off character); save the file as UTF-8"};
            for (std::size_t k = 1; k < len; ++k) {
                auto cc = static_cast<unsigned char>(s[i + k]);
                if ((cc & 0xC0) != 0x80)
                    return TextProblem{line, col, "invalid UTF-8; save the file as UTF-8"};
                cp = (cp << 6) | (cc & 0x3F);
            }
            bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
            if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                return TextProblem{line, col, "invalid UTF-8; save the file as UTF-8"};
        }
        if (c == '\n') { ++line; col = 1; } else { ++col; }
        i += len;
    }
    return std::nullopt;
}

std::string write_file_atomic(const std::string& path, std::string_view data) {
    fs::path target(path);
    fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return fmt::format("folder '{}' does not exist", dir.string());
    if (fs::is_directory(target, ec))
        return "is a directory, expected a file name";
    std::string tmpl = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return fmt::format("cannot create a temporary file beside it ({})", std::strerror(errno));
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::string err = std::strerror(errno);
            ::close(fd);
            ::unlink(tmpl.c_str());
            return fmt::format("cannot write ({})", err);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    ::fchmod(fd, 0644);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(tmpl.c_str());
        return fmt::format("cannot write ({})", std::strerror(errno));
    }
    if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
        std::string err = std::strerror(errno);
        ::unlink(tmpl.c_str());
        return fmt::format("cannot move the finished file into place ({})", err);
    }
    return {};
}

long long build_epoch() {
    if (const char* s = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(s, &end, 10);
        if (end && *end == '\0' && end != s && v >= 0) return v;
    }
    return 1767225600; // 2026-01-01T00:00:00Z
}

} // namespace zs
