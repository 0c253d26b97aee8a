#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace zs {

int run_cli(int argc, char** argv) {
    CLI::App app{"zelfscan: compiles self-scan instruments into paper scans, forms and reports"};
    app.set_version_flag("--version", std::string("zelfscan ") + ZELFSCAN_VERSION);
    app.require_subcommand(1);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : 2;
    }
    return 0;
}

} // namespace zs
