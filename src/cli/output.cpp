#include "cli/output.hpp"

#include <cctype>
#include <filesystem>

#include <cstdio>
#include <optional>

#include <sys/stat.h>

#include <fmt/format.h>

#include "util/files.hpp"

namespace zs {

void print_diagnostics(const Diagnostics& diags) {
    std::string text = format(diags);
    std::fwrite(text.data(), 1, text.size(), stderr);
}

namespace {

std::optional<std::pair<unsigned long long, unsigned long long>> identity(const std::string& path) {
    struct stat sb {};
    if (::stat(path.c_str(), &sb) != 0) return std::nullopt;
    return std::pair<unsigned long long, unsigned long long>{sb.st_dev, sb.st_ino};
}

} // namespace

InputFiles::InputFiles(const std::vector<std::string>& paths) {
    for (const auto& p : paths) {
        names_.insert(p);
        if (auto id = identity(p)) ids_.insert(*id);
    }
}

bool InputFiles::contains(const std::string& path) const {
    if (names_.count(path)) return true;
    auto id = identity(path);
    return id && ids_.count(*id);
}

std::string write_output_quietly(const std::string& path, std::string_view data, const InputFiles& inputs) {
    if (inputs.contains(path))
        return fmt::format("{}: error: the output would overwrite an input file; choose another output name\n", path);
    if (auto err = write_file_atomic(path, data); !err.empty())
        return fmt::format("{}: error: cannot write output: {}\n", path, err);
    return {};
}

bool write_output(const std::string& path, std::string_view data, const InputFiles& inputs) {
    std::string err = write_output_quietly(path, data, inputs);
    if (err.empty()) return true;
    std::fwrite(err.data(), 1, err.size(), stderr);
    return false;
}

bool write_output(const std::string& path, std::string_view data, const std::vector<std::string>& inputs) {
    return write_output(path, data, InputFiles(inputs));
}

std::string document_format_of(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".html" || ext == ".htm" ? "html" : ext == ".pdf" ? "pdf" : "";
}

} // namespace zs
