// A command's outputs: checked together, nothing written on any error.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "cli/output.hpp"
#include "scratch.hpp"
#include "util/files.hpp"

using namespace zs;
namespace fs = std::filesystem;

namespace {
fs::path scratch(const std::string& name) { return test::scratch_dir("output-test", name); }
} // namespace

TEST_CASE("write_outputs: two outputs to one file, also by another name, write nothing") {
    fs::path d = scratch("same");
    fs::create_directories(d / "sub");
    std::string a = (d / "x.csv").string(), b = (d / "sub" / ".." / "x.csv").string();
    std::string err = write_outputs_quietly({{a, "one"}, {b, "two"}}, InputFiles({}));
    CHECK(err.find("two outputs of this command would go to the same file") != std::string::npos);
    CHECK_FALSE(fs::exists(a));
    std::ofstream(a) << "old";
    err = write_outputs_quietly({{a, "one"}, {a, "two"}}, InputFiles({}));
    CHECK_FALSE(err.empty());
    CHECK(read_file(a).data == "old");
    fs::remove_all(d);
}

TEST_CASE("write_outputs: one output onto an input or a device writes none of them") {
    fs::path d = scratch("input");
    std::string in = (d / "in.toml").string(), out = (d / "r.pdf").string();
    std::ofstream(in) << "input";
    std::string err = write_outputs_quietly({{out, "pdf"}, {in, "plan"}}, InputFiles({in}));
    CHECK(err == in + ": error: the output would overwrite an input file; choose another output name\n");
    CHECK_FALSE(fs::exists(out));
    CHECK(read_file(in).data == "input");
    err = write_outputs_quietly({{out, "pdf"}, {"/dev/full", "plan"}}, InputFiles({}));
    CHECK(err.rfind("/dev/full: error: cannot write output: a device", 0) == 0);
    CHECK_FALSE(fs::exists(out));
    CHECK(write_outputs_quietly({{out, "pdf"}, {(d / "p.toml").string(), "plan"}}, InputFiles({in})).empty());
    CHECK(read_file(out).data == "pdf");
    CHECK(read_file((d / "p.toml").string()).data == "plan");
    fs::remove_all(d);
}
