#include "model/text.hpp"

namespace zs {

const std::string& LocalizedText::get(std::string_view lang) const {
    static const std::string none;
    if (auto it = by_lang.find(lang); it != by_lang.end()) return it->second;
    if (!by_lang.empty()) return by_lang.begin()->second;
    return none;
}

LocalizedText localized(std::string nl, std::string en) {
    LocalizedText t;
    t.by_lang.emplace("nl", std::move(nl));
    t.by_lang.emplace("en", std::move(en));
    return t;
}

} // namespace zs
