// A fresh, empty folder for one unit test under the system's temporary
// folder: zelfscan-PREFIX-NAME-PID (the pid keeps parallel runs apart).
#pragma once

#include <filesystem>
#include <string>

#include <unistd.h>

namespace zs::test {

inline std::filesystem::path scratch_dir(const std::string& prefix, const std::string& name) {
    std::filesystem::path d =
        std::filesystem::temp_directory_path() / ("zelfscan-" + prefix + "-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
}

} // namespace zs::test
