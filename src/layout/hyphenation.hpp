// Hyphenation with libhyphen and the Debian dictionaries (hyphen-nl,
// hyphen-en-us), so long Dutch compounds break in narrow columns.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace zs::layout {

class Hyphenator {
  public:
    // The hyphenator for "nl" or "en" (anything else: none). Dictionaries
    // are loaded once and shared; nullptr when the dictionary is missing.
    static std::shared_ptr<const Hyphenator> for_language(std::string_view lang);
    // Loads a libhyphen .dic file; nullptr when it cannot be read.
    static std::shared_ptr<const Hyphenator> load(const std::string& path);

    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    // Positions i (in characters) where `word` may break as word[0,i) + "-"
    // and word[i,...), ascending. `word` holds letters only; case does not
    // matter. At least two characters stay on the left and three on the right.
    [[nodiscard]] std::vector<std::size_t> points(std::u32string_view word) const;

  private:
    Hyphenator() = default;
    void* dict_ = nullptr; // HyphenDict*
    bool utf8_ = false;    // the dictionary's encoding: UTF-8 or ISO 8859-1
};

} // namespace zs::layout
