// Writes N generated answer files (the bench generator, fixed seed) into a
// folder, as r0001.toml, r0002.toml, …, each with the question texts as
// comments like a filled-in template. Used by report_bench.sh.
//
//   make_answers N OUTDIR [instrument.toml]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "answers/template_writer.hpp"
#include "generator.hpp"

using namespace zs;

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: make_answers N OUTDIR [instrument.toml]\n");
        return 2;
    }
    int n = std::stoi(argv[1]);
    std::filesystem::path out = argv[2];
    auto ins = bench::bench_instrument(argc > 3 ? argv[3] : nullptr);
    if (!ins) return 1;
    std::filesystem::create_directories(out);
    bench::Generator gen{*ins};
    for (int i = 1; i <= n; ++i) {
        Response r = gen.make(i);
        r.respondent.organisation = "Gemeente Voorbeeld";
        r.respondent.date = "2026-11-0" + std::to_string(1 + i % 9);
        char name[32];
        std::snprintf(name, sizeof name, "r%04d.toml", i);
        // Plain writes, no fsync per file: bench/run.sh marks a finished
        // folder with .complete, so a cut-off run is made again.
        std::ofstream f(out / name, std::ios::binary);
        f << write_answer_file(*ins, r, "nl");
        if (!f) {
            std::fprintf(stderr, "make_answers: cannot write %s\n", (out / name).c_str());
            return 1;
        }
    }
    return 0;
}
