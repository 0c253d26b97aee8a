// Reading inputs: only regular files, sizes per kind, no mmap hazards; and
// writing outputs: special files never replaced, temporary files hidden.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include "scratch.hpp"
#include "util/files.hpp"

using namespace zs;
namespace fs = std::filesystem;

namespace {
fs::path scratch(const std::string& name) { return test::scratch_dir("files-test", name); }
void put(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }
} // namespace

TEST_CASE("read_file: only regular files, refused at once") {
    fs::path d = scratch("special");
    CHECK(read_file((d / "nope").string()).error == "no such file");
    CHECK(read_file(d.string()).error == "is a directory, expected a file");
    REQUIRE(::mkfifo((d / "fifo").c_str(), 0600) == 0);
    // Opening a FIFO with no writer would block: it must not.
    CHECK(read_file((d / "fifo").string()).error.find("pipe (FIFO)") != std::string::npos);
    CHECK(read_file("/dev/zero").error.find("is a device") == 0);
    CHECK(read_file("/dev/null").error.find("is a device") == 0);
    CHECK_FALSE(MappedFile("/dev/zero").ok());
    fs::remove_all(d);
}

TEST_CASE("read_file: the limit of each kind, named in the error") {
    fs::path d = scratch("limit");
    put(d / "big.toml", std::string(limits::answer_file.bytes + 1, '#'));
    auto r = read_file((d / "big.toml").string(), limits::answer_file);
    CHECK(r.error == "is too large (2.0 MB; an answer file may be at most 2 MB, see docs/limits.md)");
    CHECK(r.data.empty());
    CHECK(read_file((d / "big.toml").string(), limits::instrument_file).ok());
    CHECK(check_input_file((d / "big.toml").string(), limits::answer_file).find("is too large") == 0);
    put(d / "ok.toml", "a = 1\n");
    auto ok = read_file((d / "ok.toml").string(), limits::answer_file);
    CHECK(ok.ok());
    CHECK(ok.data == "a = 1\n");
    MappedFile m((d / "ok.toml").string());
    CHECK(m.ok());
    CHECK(m.data() == "a = 1\n");
    fs::remove_all(d);
}

TEST_CASE("write_file_atomic: a device or other special file is never replaced") {
    fs::path d = scratch("special-out");
    CHECK(write_file_atomic("/dev/null", "x").find("a device") == 0);
    struct stat sb {};
    REQUIRE(::stat("/dev/null", &sb) == 0);
    CHECK(S_ISCHR(sb.st_mode));
    REQUIRE(::mkfifo((d / "fifo").c_str(), 0600) == 0);
    CHECK(write_file_atomic((d / "fifo").string(), "x").find("a pipe") == 0);
    CHECK(write_file_atomic(d.string(), "x") == "is a directory, expected a file name");
    CHECK(write_file_atomic((d / "no" / "x").string(), "x").find("does not exist") != std::string::npos);
    // Nothing is left beside the target.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(d)) ++entries;
    CHECK(entries == 1);
    fs::remove_all(d);
}

TEST_CASE("write_temp: hidden temporary file, removed on commit; a stale one is cleaned up") {
    fs::path d = scratch("temp");
    std::string target = (d / "out.pdf").string();
    // A temporary file of a run that was killed (its process is gone).
    put(d / ".out.pdf.zelfscan-999999999.tmp", "half");
    PendingFile f;
    REQUIRE(write_temp(target, "data", f).empty());
    CHECK(fs::path(f.temp).filename().string().rfind(".out.pdf.zelfscan-", 0) == 0);
    CHECK_FALSE(fs::exists(d / ".out.pdf.zelfscan-999999999.tmp"));
    CHECK_FALSE(fs::exists(target));
    REQUIRE(commit_temp(f).empty());
    CHECK(read_file(target).data == "data");
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(d)) ++entries;
    CHECK(entries == 1);
    fs::remove_all(d);
}
