#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include <unistd.h>

#include "util/data_dirs.hpp"

using namespace zs;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system's temporary folder, removed at the end.
struct TempTree {
    fs::path root =
        fs::temp_directory_path() / ("zelfscan-data-dirs-" + std::to_string(::getpid()));
    TempTree() {
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~TempTree() { fs::remove_all(root); }
};

} // namespace

TEST_CASE("an installed binary reads PREFIX/share/zelfscan, never the source tree") {
    TempTree t;
    fs::create_directories(t.root / "prefix/bin");
    fs::create_directories(t.root / "prefix/share/zelfscan");
    std::string exe = (t.root / "prefix/bin/zelfscan").string();
    CHECK(data_dir_for(exe, "/src", "/src/build") == (t.root / "prefix/share/zelfscan").string());
    // Even when installed inside its own build tree (a staging prefix).
    CHECK(data_dir_for(exe, "/src", t.root.string()) ==
          (t.root / "prefix/share/zelfscan").string());
}

TEST_CASE("a binary in its build tree reads the source tree; elsewhere nothing") {
    TempTree t;
    fs::create_directories(t.root / "build/tests");
    CHECK(data_dir_for((t.root / "build/zelfscan").string(), "/src", (t.root / "build").string()) ==
          "/src");
    CHECK(data_dir_for((t.root / "build/tests/zelfscan_tests").string(), "/src",
                       (t.root / "build").string()) == "/src");
    // A copy beside the build tree, not in it, has no data folder.
    CHECK(data_dir_for((t.root / "build2/zelfscan").string(), "/src", (t.root / "build").string())
              .empty());
    CHECK(
        data_dir_for((t.root / "elsewhere/zelfscan").string(), "/src", (t.root / "build").string())
            .empty());
    CHECK(data_dir_for("", "/src", "/src/build").empty());
}

TEST_CASE("search path: the environment's folders, the working folder, then the shipped data") {
    ::setenv("ZELFSCAN_TEST_DIRS", "/a::/b:", 1);
    auto dirs = data_search_path("ZELFSCAN_TEST_DIRS", "instruments");
    REQUIRE(dirs.size() >= 3);
    CHECK(dirs[0] == "/a");
    CHECK(dirs[1] == "/b");
    CHECK(dirs[2] == "instruments");
    // The test binary lives in the build tree, so the source tree's folder comes last.
    REQUIRE(dirs.size() == 4);
    CHECK(dirs[3] == std::string(ZELFSCAN_SOURCE_DIR) + "/instruments");
    ::setenv("ZELFSCAN_TEST_DIRS", "", 1);
    CHECK(data_search_path("ZELFSCAN_TEST_DIRS", "instruments").size() == 2);
    ::unsetenv("ZELFSCAN_TEST_DIRS");
}
