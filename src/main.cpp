// zelfscan: the command-line entry point. All work lives in the library.
#include "cli/app.hpp"

int main(int argc, char** argv) { return zs::run_cli(argc, argv); }
