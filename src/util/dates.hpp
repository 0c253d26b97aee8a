// Dates as people write them, read by one parser everywhere (answer files,
// filled forms, plans) and always written back as ISO 8601 (2026-10-01).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zs {

struct Date {
    int year = 0, month = 0, day = 0;
    [[nodiscard]] std::string iso() const; // "2026-10-01"
    friend bool operator==(const Date&, const Date&) = default;
};

// Accepts, with surrounding spaces ignored:
//   jjjj-mm-dd            2026-10-01
//   dd-mm-jjjj, d-m-jjjj  01-10-2026, 1-10-2026 (also with / or .)
//   "1 oktober 2026", "1 okt 2026", "1 October 2026", "October 1, 2026"
// Only real days of the Gregorian calendar (no 31-04, 29-02 only in leap
// years), years 1900 to 2999. Anything else is nullopt.
std::optional<Date> parse_date(std::string_view text);

// The ISO form of `text` when it is a date, else nullopt.
std::optional<std::string> iso_date(std::string_view text);

} // namespace zs
