// Test tool: writes a fixed table through the generic table writer
// (tables/table.hpp), so the e2e test can read it back with LibreOffice.
//   write_table OUT.csv|OUT.xlsx nl|en
#include <cstdio>
#include <string>
#include <vector>

#include "tables/table.hpp"
#include "util/files.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: write_table OUT.csv|OUT.xlsx nl|en\n");
        return 2;
    }
    using namespace zs::tables;
    std::string lang = argv[2];
    bool nl = lang != "en";
    Table t;
    t.sheet = nl ? "Plan: maatregelen" : "Plan: measures";
    auto col = [](std::string header, CellType type = CellType::text, double width = 0, int decimals = 2,
                  std::vector<std::string> choices = {}) {
        Column c;
        c.header = std::move(header);
        c.type = type;
        c.width = width;
        c.decimals = decimals;
        c.choices = std::move(choices);
        return c;
    };
    t.columns = {col(nl ? "Maatregel" : "Measure"),
                 col(nl ? "Titel" : "Title", CellType::text, 40),
                 col(nl ? "Prioriteit" : "Priority", CellType::number, 0, 2),
                 col(nl ? "Antwoorden" : "Answers", CellType::integer),
                 col("Deadline", CellType::date),
                 col(nl ? "Aangewezen" : "Indicated", CellType::boolean),
                 col("Status", CellType::text, 0, 0, {"open", "gepland", "bezig", "afgerond", "vervallen"}),
                 col("Basis")};
    t.rows = {{"M2", "Stop met nationaliteit als criterium vóór 1 januari", "7.13", "12", "2026-10-01", "true", "open",
               "D2.1: risico 0,59; rode vlag 3 ×"},
              {"M10", "Cliëntenraad, “één” keer per kwartaal", "11.25", "3", "15-09-2026", "false", "gepland", "=SUM(A1:A2)"},
              {"find-out:D1.1", "Zoek uit: İstanbul, Łódź, ĳverig", "-0.5", "0", "", "true", "", "text, with \"quotes\"\nand a line"},
              {"M4", "Not a number in a number column", "ca. 45", "drie", "gisteren", "misschien", "bezig", "+1"}};
    zs::Diagnostics diags;
    std::string bytes = write_table(t, table_format_for(argv[1]), lang, diags);
    if (diags.has_errors() || bytes.empty()) {
        std::fputs(zs::format(diags).c_str(), stderr);
        return 1;
    }
    std::string err = zs::write_file_atomic(argv[1], bytes);
    if (!err.empty()) {
        std::fprintf(stderr, "%s\n", err.c_str());
        return 1;
    }
    return 0;
}
