#include "cli/output.hpp"

#include <cctype>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>

#include <sys/stat.h>

#include <fmt/format.h>

#include "util/files.hpp"

namespace zs {

namespace fs = std::filesystem;

void print_diagnostics(const Diagnostics& diags) {
    std::string text = format(diags);
    std::fwrite(text.data(), 1, text.size(), stderr);
}

int print_error(const std::string& file, Message message, Message hint, int exit_code) {
    Diagnostics d;
    d.error({file, 0, 0}, std::move(message), std::move(hint));
    print_diagnostics(d);
    return exit_code;
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
    return write_outputs_quietly({Output{path, data}}, inputs);
}

namespace {

// A test hook: ZELFSCAN_FAULT=after-temp:N (N temporary files written) or
// before-rename:N (N outputs renamed into place) kills the process there,
// as a power cut or kill -9 would, so tests can check what is left.
void fault_point(const char* name, std::size_t n) {
    static const char* spec = std::getenv("ZELFSCAN_FAULT");
    if (!spec) return;
    if (std::string(spec) == fmt::format("{}:{}", name, n)) std::raise(SIGKILL);
}

// A name for the same file, however it is written: the canonical form of
// its folder plus its file name.
std::string same_file_key(const std::string& path) {
    std::error_code ec;
    fs::path p(path);
    fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
    fs::path canon = fs::weakly_canonical(dir, ec);
    if (ec) return path;
    return (canon / p.filename()).string();
}

// "path: error: message\n" in the user's language, as every diagnostic.
std::string error_line(const std::string& path, Message message) {
    Diagnostics d;
    d.error({path, 0, 0}, std::move(message));
    return format(d);
}

} // namespace

std::string check_outputs(const std::vector<std::string>& paths, const InputFiles& inputs) {
    std::string errors;
    // Each output is known by its canonical name and, when it exists, by
    // its (device, inode): a second output matching either is the same file.
    std::map<std::string, std::string> seen;
    for (const auto& path : paths) {
        if (inputs.contains(path)) {
            errors += error_line(path, msg("the output would overwrite an input file; choose another output name"));
            continue;
        }
        if (auto err = check_output_path(path); !err.empty()) {
            errors += error_line(path, msg("cannot write output: {}", err));
            continue;
        }
        std::vector<std::string> keys{same_file_key(path)};
        if (auto id = identity(path)) keys.push_back(fmt::format("#{}:{}", id->first, id->second));
        std::string first;
        for (const auto& k : keys)
            if (auto it = seen.find(k); it != seen.end()) first = it->second;
        if (!first.empty()) {
            errors += error_line(path, msg("two outputs of this command would go to the same file ('{}' and '{}'); give each its own name",
                                           first, path));
            continue;
        }
        for (const auto& k : keys) seen.emplace(k, path);
    }
    return errors;
}

std::string write_outputs_quietly(const std::vector<Output>& outputs, const InputFiles& inputs) {
    std::vector<std::string> paths;
    for (const auto& o : outputs) paths.push_back(o.path);
    if (auto errors = check_outputs(paths, inputs); !errors.empty()) return errors;
    std::vector<PendingFile> pending(outputs.size());
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        if (auto err = write_temp(outputs[i].path, outputs[i].data, pending[i]); !err.empty()) {
            for (std::size_t k = 0; k < i; ++k) discard_temp(pending[k]);
            return error_line(outputs[i].path, msg("cannot write output: {}", err));
        }
        fault_point("after-temp", i + 1);
    }
    std::string errors;
    for (std::size_t i = 0; i < pending.size(); ++i) {
        fault_point("before-rename", i);
        if (!errors.empty()) {
            discard_temp(pending[i]);
            continue;
        }
        if (auto err = commit_temp(pending[i]); !err.empty())
            errors += error_line(outputs[i].path, msg("cannot write output: {}", err));
    }
    return errors;
}

std::vector<std::string> write_each_output(const std::vector<Output>& outputs, const InputFiles& inputs) {
    std::vector<std::string> errors(outputs.size());
    std::vector<PendingFile> pending(outputs.size());
    std::vector<const PendingFile*> written;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        errors[i] = check_outputs({outputs[i].path}, inputs);
        if (!errors[i].empty()) continue;
        if (auto err = write_temp(outputs[i].path, outputs[i].data, pending[i], false); !err.empty())
            errors[i] = error_line(outputs[i].path, msg("cannot write output: {}", err));
        else written.push_back(&pending[i]);
    }
    // One flush for every file, before the first rename: after a power cut
    // each output is the old file or the whole new one.
    if (auto err = sync_temps(written); !err.empty()) {
        for (std::size_t i = 0; i < outputs.size(); ++i) {
            if (!errors[i].empty()) continue;
            discard_temp(pending[i]);
            errors[i] = error_line(outputs[i].path, msg("cannot write output: {}", err));
        }
        return errors;
    }
    std::vector<const PendingFile*> committed;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        if (!errors[i].empty()) continue;
        fault_point("before-rename", committed.size());
        if (auto err = commit_temp(pending[i]); !err.empty()) errors[i] = error_line(outputs[i].path, msg("cannot write output: {}", err));
        else committed.push_back(&pending[i]);
    }
    sync_folders(committed);
    return errors;
}

bool write_outputs(const std::vector<Output>& outputs, const InputFiles& inputs) {
    std::string err = write_outputs_quietly(outputs, inputs);
    if (err.empty()) return true;
    std::fwrite(err.data(), 1, err.size(), stderr);
    return false;
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
