// Small formatting helpers for report text, in Dutch or English.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/instrument.hpp"
#include "scoring/assessment.hpp"

namespace zs::report {

// "42%" ; rounded to whole percent (the method rounds only for display).
std::string percent(double pct, std::string_view lang);
// "0,62" / "0.62"
std::string decimal(double v, int places, std::string_view lang);
// A measured amount with at most one decimal, none when whole: "82,4", "90".
std::string amount(double v, std::string_view lang);
std::string band_label(const Instrument& ins, const std::string& band, std::string_view lang);
// What a theme without a score shows instead: "niet van toepassing", "te
// weinig antwoorden om te tonen" (withheld), or `otherwise`.
std::string unscored_label(const DomainResult& d, std::string_view lang, std::string_view otherwise);
std::string role_label(const Instrument& ins, const std::string& role, std::string_view lang);
std::string level_label(Level l, std::string_view lang);
std::string timeframe_label(Timeframe t, std::string_view lang);
// "1 oktober 2026" / "1 October 2026" from "2026-10-01"; the input when unparseable.
std::string long_date(const std::string& iso, std::string_view lang);
// Escapes Markdown punctuation so a value inserted into a template shows literally.
std::string escape_markdown(std::string_view s);
// "A, B en C" ("A, B and C" in English).
std::string and_list(const std::vector<std::string>& items, std::string_view lang);

} // namespace zs::report
