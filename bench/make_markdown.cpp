// Writes a large Markdown document of mixed content (headings, paragraphs
// with inline styles, lists, tables, call-outs, code) to stdout, for the
// render benchmark. Deterministic: the same page count gives the same text.
//   make_markdown PAGES > big.md
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

const char* words[] = {"informatiebeveiliging", "gemeente",  "beleid",      "de",     "een",
                       "dienstverleningsorganisaties", "medewerkers", "zorg", "en",   "toegang",
                       "register", "verwerking", "risico",  "maatregel", "van",   "het",
                       "incidenten", "bewustwording", "coöperatie", "ĳverig", "€",  "–"};

unsigned next(unsigned& seed) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
}

std::string sentence(unsigned& seed, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) {
        std::string w = words[next(seed) % (sizeof words / sizeof *words)];
        if (i == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
        unsigned style = next(seed) % 23;
        if (style == 0) w = "**" + w + "**";
        if (style == 1) w = "*" + w + "*";
        if (style == 2) w = "`" + w + "`";
        s += (i ? " " : "") + w;
    }
    return s + ".";
}

} // namespace

int main(int argc, char** argv) {
    int pages = argc > 1 ? std::atoi(argv[1]) : 10;
    unsigned seed = 42;
    std::printf("# Benchmark document\n\n");
    // One "page" of mixed content is roughly one A4 page when set.
    for (int p = 0; p < pages; ++p) {
        std::printf("## Section %d\n\n", p + 1);
        for (int k = 0; k < 3; ++k) std::printf("%s\n\n", sentence(seed, 86).c_str());
        std::printf("- %s\n- %s\n  - %s\n\n", sentence(seed, 9).c_str(), sentence(seed, 14).c_str(),
                    sentence(seed, 7).c_str());
        if (p % 2 == 0) {
            std::printf("| Domein | Score | Toelichting |\n|:--|--:|:--|\n");
            for (int r = 0; r < 5; ++r)
                std::printf("| %s | %d | %s |\n", words[next(seed) % 10], next(seed) % 100,
                            sentence(seed, 8).c_str());
            std::printf("\n");
        } else {
            std::printf("> %s\n\n```\nzelfscan render big.md -o big.pdf\n```\n\n",
                        sentence(seed, 30).c_str());
        }
    }
    return 0;
}
