// The floor of a job: what any program that reads the same inputs and
// writes a file of the same size must spend at least. A static binary (no
// shared libraries to load) that reads every input whole, deflates the
// job's uncompressed stream data at zlib's default level (the level
// zelfscan uses) in one stream on one core, and writes as many bytes as the
// job's real output. bench/run.sh times it beside each job.
//
//   floor OUT SIZE DEFLATE_INPUT|- INPUT...   (folders: every file in them)
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: floor OUT SIZE DEFLATE_INPUT|- INPUT...\n");
        return 2;
    }
    const std::string out = argv[1];
    const std::size_t size = std::strtoull(argv[2], nullptr, 10);
    const std::string deflate_input = argv[3];
    std::size_t read = 0;
    for (int i = 4; i < argc; ++i) {
        std::filesystem::path p(argv[i]);
        if (std::filesystem::is_directory(p)) {
            for (const auto& e : std::filesystem::directory_iterator(p)) read += slurp(e.path().string()).size();
        } else {
            read += slurp(p.string()).size();
        }
    }
    std::string packed;
    if (deflate_input != "-") {
        std::string raw = slurp(deflate_input);
        uLongf n = compressBound(raw.size());
        packed.resize(n);
        if (compress2(reinterpret_cast<Bytef*>(packed.data()), &n, reinterpret_cast<const Bytef*>(raw.data()), raw.size(),
                      Z_DEFAULT_COMPRESSION) != Z_OK)
            return 1;
        packed.resize(n);
    }
    packed.resize(size, '\n');
    if (out != "-") {
        std::ofstream o(out, std::ios::binary);
        o.write(packed.data(), static_cast<std::streamsize>(packed.size()));
    }
    std::printf("%zu\n", read);
    return 0;
}
