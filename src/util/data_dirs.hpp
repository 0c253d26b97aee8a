// Where zelfscan finds the data it ships: instruments (with archive/),
// report templates and the fonts configuration. An installed binary
// (<prefix>/bin/zelfscan) reads <prefix>/share/zelfscan; a binary run from
// its build tree reads the source tree; nothing else is compiled in, so an
// installed copy never depends on the tree it was built from.
#pragma once

#include <string>
#include <vector>

namespace zs {

// The data folder for a binary at `exe`: `<exe>/../../share/zelfscan` when
// that folder exists, else `source_dir` when `exe` lies inside `build_dir`,
// else empty (then only the environment and the working folder are searched).
std::string data_dir_for(const std::string& exe, const std::string& source_dir,
                         const std::string& build_dir);

// data_dir_for the running binary (/proc/self/exe), computed once.
const std::string& data_dir();

// The folders searched for one kind of shipped data, first match wins:
// the colon-separated folders of the environment variable `env_var` (unset
// or empty entries skipped), then `./<subdir>`, then `<data_dir>/<subdir>`.
std::vector<std::string> data_search_path(const char* env_var, const std::string& subdir);

} // namespace zs
