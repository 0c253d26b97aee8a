#include "layout/hyphenation.hpp"

#include <hyphen.h>

#include <cstdlib>
#include <map>
#include <mutex>

namespace zs::layout {

namespace {

char32_t lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32; // Latin-1 capitals
    if (c == 0x132) return 0x133;                            // Ĳ -> ĳ
    return c;
}

} // namespace

Hyphenator::~Hyphenator() {
    if (dict_) hnj_hyphen_free(static_cast<HyphenDict*>(dict_));
}

std::shared_ptr<const Hyphenator> Hyphenator::load(const std::string& path) {
    HyphenDict* d = hnj_hyphen_load(path.c_str());
    if (!d) return nullptr;
    auto h = std::shared_ptr<Hyphenator>(new Hyphenator());
    h->dict_ = d;
    h->utf8_ = d->utf8 != 0;
    return h;
}

std::shared_ptr<const Hyphenator> Hyphenator::for_language(std::string_view lang) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const Hyphenator>, std::less<>> cache;
    std::lock_guard lock(mutex);
    if (auto it = cache.find(lang); it != cache.end()) return it->second;
    std::string file = lang == "nl"   ? "/usr/share/hyphen/hyph_nl_NL.dic"
                       : lang == "en" ? "/usr/share/hyphen/hyph_en_US.dic"
                                      : "";
    auto h = file.empty() ? nullptr : load(file);
    cache.emplace(std::string(lang), h);
    return h;
}

std::vector<std::size_t> Hyphenator::points(std::u32string_view word) const {
    std::vector<std::size_t> result;
    if (word.size() < 5 || word.size() > 200) return result;
    // Encode for the dictionary, remembering which character each byte
    // belongs to. "ĳ" is one letter in Dutch but "ij" in the dictionary.
    std::string bytes;
    std::vector<std::size_t> owner;
    for (std::size_t i = 0; i < word.size(); ++i) {
        char32_t c = lower(word[i]);
        // One byte per letter keeps libhyphen's positions unambiguous: the
        // English dictionary's patterns are ASCII, so accented letters
        // become a plain vowel there; the Dutch one is ISO 8859-1.
        if (c == 0x133)
            bytes += "ij";
        else if (c < 0x80 || (!utf8_ && c < 0x100))
            bytes += static_cast<char>(c);
        else
            bytes += 'e';
        owner.resize(bytes.size(), i);
    }
    std::vector<char> hyphens(bytes.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    int rc = hnj_hyphen_hyphenate3(static_cast<HyphenDict*>(dict_), bytes.c_str(),
                                   static_cast<int>(bytes.size()), hyphens.data(), nullptr, &rep,
                                   &pos, &cut, 2, 3, 2, 3);
    if (rep) {
        for (std::size_t i = 0; i < bytes.size(); ++i) std::free(rep[i]);
        std::free(rep);
        std::free(pos);
        std::free(cut);
        rep = nullptr; // non-standard breaks (spelling changes) are not used
    }
    if (rc != 0) return result;
    // hyphens[b] odd: a break after byte b (never inside "ij" for ĳ).
    for (std::size_t b = 0; b + 1 < bytes.size(); ++b) {
        if ((hyphens[b] - '0') % 2 == 0 || owner[b + 1] == owner[b]) continue;
        std::size_t at = owner[b] + 1;
        if (at >= 2 && at + 3 <= word.size() && (result.empty() || result.back() != at))
            result.push_back(at);
    }
    return result;
}

} // namespace zs::layout
