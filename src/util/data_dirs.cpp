#include "util/data_dirs.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace zs {

namespace {

// Whether `path` is `dir` or inside it, both made absolute and normal first.
bool is_inside(const fs::path& path, const fs::path& dir) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(path, ec);
    if (ec) return false;
    fs::path d = fs::weakly_canonical(dir, ec);
    if (ec || d.empty()) return false;
    return std::mismatch(d.begin(), d.end(), p.begin(), p.end()).first == d.end();
}

} // namespace

std::string data_dir_for(const std::string& exe, const std::string& source_dir,
                         const std::string& build_dir) {
    if (exe.empty()) return {};
    std::error_code ec;
    fs::path share = fs::path(exe).parent_path().parent_path() / "share" / "zelfscan";
    if (fs::is_directory(share, ec)) return share.lexically_normal().string();
    if (!build_dir.empty() && is_inside(exe, build_dir)) return source_dir;
    return {};
}

const std::string& data_dir() {
    static const std::string dir = [] {
        std::error_code ec;
        fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        return data_dir_for(ec ? std::string() : exe.string(), ZELFSCAN_SOURCE_DIR,
                            ZELFSCAN_BUILD_DIR);
    }();
    return dir;
}

std::vector<std::string> data_search_path(const char* env_var, const std::string& subdir) {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv(env_var)) {
        std::string s = env;
        for (std::size_t pos = 0; pos <= s.size();) {
            std::size_t end = s.find(':', pos);
            if (end == std::string::npos) end = s.size();
            if (end > pos) dirs.push_back(s.substr(pos, end - pos));
            pos = end + 1;
        }
    }
    dirs.push_back(subdir);
    if (!data_dir().empty()) dirs.push_back((fs::path(data_dir()) / subdir).string());
    return dirs;
}

} // namespace zs
