// Tables for spreadsheets: one generic table, written as CSV in the
// reader's dialect or as .xlsx with typed cells. Every table zelfscan writes
// (the plan, the monitor's overview, exports) goes through here, so a Dutch
// coordinator's Excel opens all of them the same way.
//
//   Table t;
//   t.sheet = "Plan";
//   t.columns = {{"Maatregel", CellType::text, 12}, {"Prioriteit", CellType::number, 10, 2},
//                {"Deadline", CellType::date}, {"Status", CellType::text, 12, 0, {"open", "gepland", ...}}};
//   t.rows.push_back({"M2", "7.13", "2026-10-01", "open"});
//   std::string bytes = write_table(t, table_format_for("plan.xlsx"), "nl", diags);
//
// Cells are strings in one canonical form whatever the dialect: numbers as
// C-locale decimals ("7.13", "-2", "1e3" not allowed: plain digits, '.' and
// a leading '-'), dates ISO ("2026-10-01"), booleans "true"/"false", ""
// empty. A cell that does not fit its column's type is written as text (and
// never lost).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.hpp"

namespace zs::tables {

enum class CellType { text, number, integer, date, boolean };

struct Column {
    std::string header;                // in the output's language
    CellType type = CellType::text;
    double width = 0;                  // .xlsx width in characters; 0 = from the header and cells (8 to 60)
    int decimals = 2;                  // numbers: places shown (.xlsx format, CSV text)
    std::vector<std::string> choices;  // .xlsx: a drop-down list of allowed values (e.g. statuses); empty = free
};

struct Table {
    std::string sheet = "Blad1";       // .xlsx sheet name (at most 31 characters; []:*?/\ replaced)
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows; // each row as wide as columns (shorter rows are padded)
};

enum class TableFormat { csv, xlsx };

// The format a file name asks for: ".xlsx" (any case) is xlsx, anything
// else CSV. nullopt for names that are clearly something else is the
// caller's business (cli/output_format.hpp).
TableFormat table_format_for(std::string_view path);

// CSV dialects. nl: UTF-8 with a byte order mark, ';' between fields and
// decimal commas, as Dutch Excel opens a file by double-click; en: UTF-8
// without BOM, ',' and decimal points (RFC 4180). Both: CRLF line ends,
// quotes doubled, text a spreadsheet would run as a formula (= + - @ at the
// start) prefixed with an apostrophe.
std::string to_csv(const Table& t, std::string_view lang);

// .xlsx: typed number, integer, date (shown as dd-mm-jjjj under nl,
// yyyy-mm-dd under en) and boolean cells, a bold frozen header row with an
// autofilter, column widths, a list validation where a column has choices.
// The same table gives the same bytes (the file's dates come from
// SOURCE_DATE_EPOCH). "" with an error in `diags` when the library fails.
std::string to_xlsx(const Table& t, std::string_view lang, Diagnostics& diags);

// Either, by format.
std::string write_table(const Table& t, TableFormat format, std::string_view lang, Diagnostics& diags);

// The canonical number text of a double, for cells: shortest round-trip
// form with '.' ("7.13", "12", "-0.5").
std::string number_cell(double x);

} // namespace zs::tables
