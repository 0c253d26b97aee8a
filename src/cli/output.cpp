#include "cli/output.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "util/files.hpp"

namespace zs {

void print_diagnostics(const Diagnostics& diags) {
    std::string text = format(diags);
    std::fwrite(text.data(), 1, text.size(), stderr);
}

bool write_output(const std::string& path, std::string_view data, const std::vector<std::string>& inputs) {
    for (const auto& in : inputs) {
        if (in == path || same_file(in, path)) {
            fmt::print(stderr, "{}: error: the output would overwrite an input file; choose another output name\n", path);
            return false;
        }
    }
    if (auto err = write_file_atomic(path, data); !err.empty()) {
        fmt::print(stderr, "{}: error: cannot write output: {}\n", path, err);
        return false;
    }
    return true;
}

} // namespace zs
