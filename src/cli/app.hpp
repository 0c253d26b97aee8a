#pragma once

namespace zs {

// Parses the command line and runs a subcommand. Returns the exit code:
// 0 success, 1 bad input, 2 bad usage.
int run_cli(int argc, char** argv);

} // namespace zs
