// Reading plan files back: TOML through the located TOML reader, CSV by a
// small RFC 4180 reader that accepts what spreadsheets write (comma or
// semicolon, a byte-order mark, CRLF or LF, the formula guard apostrophe).
#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "cycle/plan_file.hpp"
#include "model/toml_reader.hpp"

namespace zs::cycle {

namespace {

const std::vector<std::string_view> row_keys = {"measure", "indicated", "title", "questions", "priority", "quadrant",
                                                "timeframe", "effort", "impact", "owner", "deadline", "status",
                                                "notes", "since", "indicator", "kind", "basis", "evidence"};
const std::vector<std::string_view> meta_keys = {"instrument", "version", "language", "organisation", "unit",
                                                 "round", "updated", "exposure", "domains", "domain_bands"};

bool known(const std::vector<std::string_view>& keys, std::string_view k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
}

// A basic string in double quotes, as the writer writes its own values.
std::string quoted(std::string_view v) {
    std::string out = "\"";
    for (char ch : v) {
        auto c = static_cast<unsigned char>(ch);
        if (ch == '"' || ch == '\\') out += '\\', out += ch;
        else if (ch == '\n') out += "\\n";
        else if (ch == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7f) out += fmt::format("\\u{:04X}", c);
        else out += ch;
    }
    return out + "\"";
}

std::string toml_text(const toml::node& n) {
    if (const auto* s = n.as_string()) return quoted(s->get());
    std::ostringstream os;
    n.visit([&os](const auto& v) { os << v; });
    return os.str();
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ' ' || c == ',' || c == ';' || c == '\t') {
            if (!cur.empty()) out.push_back(std::move(cur));
            cur.clear();
        } else cur += c;
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

std::vector<std::string> split_bars(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= s.size() && !s.empty()) {
        std::size_t k = s.find(" | ", i);
        std::string_view part = s.substr(i, k == std::string_view::npos ? std::string_view::npos : k - i);
        if (!part.empty()) out.emplace_back(part);
        if (k == std::string_view::npos) break;
        i = k + 3;
    }
    return out;
}

// "ja", "yes", "true" (and what follows a colon) -> true.
std::optional<bool> parse_indicated(std::string_view s) {
    std::string v;
    for (char c : s) {
        if (c == ':' || c == ' ') break;
        v += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (v.empty() || v == "ja" || v == "yes" || v == "true" || v == "waar" || v == "1") return true;
    if (v == "nee" || v == "no" || v == "false" || v == "onwaar" || v == "0") return false;
    return std::nullopt;
}

void add_column(PlanFile& p, const std::string& name) {
    if (std::find(p.extra_columns.begin(), p.extra_columns.end(), name) == p.extra_columns.end()) p.extra_columns.push_back(name);
}

// ---- TOML ----

std::optional<PlanFile> read_toml(std::string_view data, const std::string& path, Diagnostics& diags) {
    TomlReader r(path, diags);
    std::size_t before = diags.error_count();
    auto root = r.parse(data);
    if (!root) return std::nullopt;
    PlanFile p;
    p.format = PlanFormat::toml;
    p.path = path;
    auto str = [&](const toml::table& t, std::string_view k) { return r.string(t, k, false).value_or(""); };
    p.meta.instrument = r.string(*root, "instrument", true).value_or("");
    p.meta.version = str(*root, "version");
    p.meta.language = str(*root, "language");
    p.meta.organisation = str(*root, "organisation");
    p.meta.unit = str(*root, "unit");
    p.meta.round = str(*root, "round");
    p.meta.updated = str(*root, "updated");
    if (auto e = r.integer(*root, "exposure", false)) p.meta.exposure = static_cast<int>(*e);
    if (const toml::table* d = r.table(*root, "domains", false)) {
        std::vector<std::pair<SourceLocation, std::pair<std::string, std::string>>> bands;
        for (const auto& [k, v] : *d)
            if (auto b = v.value<std::string>()) bands.push_back({r.at(k), {std::string(k.str()), *b}});
        std::stable_sort(bands.begin(), bands.end(), [](const auto& a, const auto& b) {
            return std::pair(a.first.line, a.first.column) < std::pair(b.first.line, b.first.column);
        });
        for (auto& b : bands) p.meta.domain_bands.push_back(std::move(b.second));
    }

    // The user's own keys, in the order they wrote them.
    auto extras = [&](const toml::table& t, const std::vector<std::string_view>& keys, std::string_view where,
                      std::vector<ExtraValue>& out, PlanFile* columns) {
        std::vector<std::pair<SourceLocation, ExtraValue>> found;
        for (const auto& [k, v] : t) {
            if (known(keys, k.str()) || (columns == nullptr && k.str() == "action")) continue;
            if (v.is_table() || (v.is_array() && v.as_array()->is_array_of_tables())) {
                r.error(r.at(k), msg("'{}' in {} is a table; a plan keeps only values here", k.str(), where),
                        msg("write it as a value, e.g. a string"));
                continue;
            }
            found.push_back({r.at(k), {std::string(k.str()), toml_text(v)}});
        }
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
            return std::pair(a.first.line, a.first.column) < std::pair(b.first.line, b.first.column);
        });
        for (auto& [where_, e] : found) {
            if (columns) add_column(*columns, e.name);
            out.push_back(std::move(e));
        }
    };
    extras(*root, meta_keys, "the plan", p.meta.extra, nullptr);

    for (const toml::table* t : r.tables(*root, "action")) {
        PlanRow row;
        row.where = r.at(*t);
        row.measure = r.string(*t, "measure", true).value_or("");
        row.measure_where = r.key_location(*t, "measure");
        row.indicated = r.boolean(*t, "indicated").value_or(true);
        row.indicated_where = r.key_location(*t, "indicated");
        row.title = str(*t, "title");
        row.questions = r.strings(*t, "questions");
        row.priority = r.number(*t, "priority", false).value_or(0);
        row.quadrant = str(*t, "quadrant");
        row.timeframe = str(*t, "timeframe");
        row.effort = str(*t, "effort");
        row.impact = str(*t, "impact");
        row.owner = str(*t, "owner");
        row.deadline_where = r.key_location(*t, "deadline");
        if (const toml::node* d = t->get("deadline"); d && (d->is_date() || d->is_date_time())) {
            // A TOML date written by hand (deadline = 2027-03-01) is a date too.
            row.deadline = toml_text(*d).substr(0, 10);
        } else row.deadline = str(*t, "deadline");
        row.status = str(*t, "status");
        row.status_where = r.key_location(*t, "status");
        row.notes = str(*t, "notes");
        row.since = str(*t, "since");
        row.indicator = str(*t, "indicator");
        row.kind = str(*t, "kind");
        row.basis = str(*t, "basis");
        row.evidence = r.strings(*t, "evidence");
        extras(*t, row_keys, "an [[action]]", row.extra, &p);
        p.rows.push_back(std::move(row));
    }
    if (diags.error_count() > before) return std::nullopt;
    return p;
}

// ---- CSV ----

struct CsvCell {
    std::string text;
    std::uint32_t line = 0, column = 0;
};
using CsvRow = std::vector<CsvCell>;

char detect_delimiter(std::string_view data) {
    std::size_t comma = 0, semi = 0;
    bool quoted = false;
    for (char c : data) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == '\n') break;
        else if (!quoted && c == ',') ++comma;
        else if (!quoted && c == ';') ++semi;
    }
    return semi > comma ? ';' : ',';
}

std::vector<CsvRow> parse_csv(std::string_view data, const std::string& path, Diagnostics& diags) {
    if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
    char delim = detect_delimiter(data);
    std::vector<CsvRow> rows;
    CsvRow row;
    CsvCell cell{"", 1, 1};
    std::uint32_t line = 1, col = 1;
    bool quoted = false, was_quoted = false;
    std::uint32_t quote_line = 0, quote_col = 0;
    auto end_cell = [&] {
        // The formula guard the writer adds is taken off again.
        auto& t = cell.text;
        if (t.size() >= 2 && t[0] == '\'' && std::string_view("=+-@\t\r").find(t[1]) != std::string_view::npos) t.erase(0, 1);
        row.push_back(std::move(cell));
        cell = CsvCell{"", line, col + 1};
        was_quoted = false;
    };
    for (std::size_t i = 0; i < data.size(); ++i) {
        char c = data[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < data.size() && data[i + 1] == '"') {
                    cell.text += '"';
                    ++i;
                    ++col;
                } else quoted = false;
            } else {
                cell.text += c;
                if (c == '\n') {
                    ++line;
                    col = 0;
                }
            }
        } else if (c == '"' && cell.text.empty() && !was_quoted) {
            quoted = was_quoted = true;
            quote_line = line;
            quote_col = col;
        } else if (c == delim) {
            end_cell();
        } else if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            end_cell();
            rows.push_back(std::move(row));
            row.clear();
            ++line;
            col = 0;
            cell = CsvCell{"", line, 1};
        } else {
            cell.text += c;
        }
        ++col;
    }
    if (quoted) diags.error({path, quote_line, quote_col}, msg("a quoted cell is not closed"), msg("add the closing \""));
    if (!cell.text.empty() || !row.empty()) {
        end_cell();
        rows.push_back(std::move(row));
    }
    // Rows of only empty cells (a spreadsheet's trailing lines) are dropped.
    std::erase_if(rows, [](const CsvRow& r) {
        return std::all_of(r.begin(), r.end(), [](const CsvCell& c) { return c.text.empty(); });
    });
    return rows;
}

std::optional<PlanFile> read_csv(std::string_view data, const std::string& path, Diagnostics& diags) {
    std::size_t before = diags.error_count();
    std::vector<CsvRow> rows = parse_csv(data, path, diags);
    if (diags.error_count() > before) return std::nullopt;
    PlanFile p;
    p.format = PlanFormat::csv;
    p.path = path;
    if (rows.empty()) {
        diags.error({path, 0, 0}, msg("the plan file is empty"), msg("a plan's first line names its columns, starting with 'measure'"));
        return std::nullopt;
    }
    const CsvRow& head = rows[0];
    std::vector<std::string> names;
    int measure_col = -1;
    for (std::size_t i = 0; i < head.size(); ++i) {
        std::string n = head[i].text;
        if (n.empty()) n = fmt::format("column {}", i + 1);
        if (std::find(names.begin(), names.end(), n) != names.end())
            diags.error({path, head[i].line, head[i].column}, msg("column '{}' appears twice", n));
        if (n == "measure") measure_col = static_cast<int>(i);
        names.push_back(n);
    }
    if (measure_col < 0) {
        diags.error({path, 1, 1}, msg("the first line has no column 'measure'"), msg("a plan's first line names its columns, starting with 'measure'"));
        return std::nullopt;
    }
    for (const auto& n : names)
        if (!known(row_keys, n) && !known(meta_keys, n)) add_column(p, n);
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& cells = rows[r];
        PlanRow row;
        row.where = {path, cells.empty() ? 0 : cells[0].line, 0};
        if (cells.size() > names.size())
            diags.error({path, cells[names.size()].line, cells[names.size()].column},
                        msg("this row has {} cells, but the first line names {} columns", cells.size(), names.size()),
                        msg("a cell holding the separator must be quoted"));
        for (std::size_t i = 0; i < names.size(); ++i) {
            std::string v = i < cells.size() ? cells[i].text : "";
            SourceLocation at{path, i < cells.size() ? cells[i].line : row.where.line, i < cells.size() ? cells[i].column : 0};
            const std::string& n = names[i];
            if (n == "measure") row.measure = v, row.measure_where = at;
            else if (n == "indicated") {
                row.indicated_where = at;
                if (auto b = parse_indicated(v)) row.indicated = *b;
                else diags.error(at, msg("'{}' is not a value of 'indicated'", v), msg("write ja or nee"));
            } else if (n == "title") row.title = v;
            else if (n == "questions") row.questions = split_words(v);
            else if (n == "priority") {
                std::string num = v;
                std::replace(num.begin(), num.end(), ',', '.');
                try {
                    row.priority = num.empty() ? 0 : std::stod(num);
                } catch (...) {
                    row.priority = 0;
                }
            } else if (n == "quadrant") row.quadrant = v;
            else if (n == "timeframe") row.timeframe = v;
            else if (n == "effort") row.effort = v;
            else if (n == "impact") row.impact = v;
            else if (n == "owner") row.owner = v;
            else if (n == "deadline") row.deadline = v, row.deadline_where = at;
            else if (n == "status") row.status = v, row.status_where = at;
            else if (n == "notes") row.notes = v;
            else if (n == "since") row.since = v;
            else if (n == "domain_bands") { if (p.meta.domain_bands.empty()) p.meta.domain_bands = parse_domain_bands(v); }
            else if (n == "indicator") row.indicator = v;
            else if (n == "kind") row.kind = v;
            else if (n == "basis") row.basis = v;
            else if (n == "evidence") row.evidence = split_bars(v);
            else if (n == "instrument") { if (p.meta.instrument.empty()) p.meta.instrument = v; }
            else if (n == "version") { if (p.meta.version.empty()) p.meta.version = v; }
            else if (n == "language") { if (p.meta.language.empty()) p.meta.language = v; }
            else if (n == "organisation") { if (p.meta.organisation.empty()) p.meta.organisation = v; }
            else if (n == "unit") { if (p.meta.unit.empty()) p.meta.unit = v; }
            else if (n == "round") { if (p.meta.round.empty()) p.meta.round = v; }
            else if (n == "updated") { if (p.meta.updated.empty()) p.meta.updated = v; }
            else if (n == "exposure") {
                if (!v.empty() && v.find_first_not_of("0123456789") == std::string::npos) p.meta.exposure = std::stoi(v.substr(0, 2));
            } else row.extra.push_back({n, v});
        }
        p.rows.push_back(std::move(row));
    }
    if (diags.error_count() > before) return std::nullopt;
    return p;
}

} // namespace

PlanFormat plan_format_for(std::string_view path) {
    auto dot = path.rfind('.');
    std::string ext = dot == std::string_view::npos ? "" : std::string(path.substr(dot));
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".csv" ? PlanFormat::csv : PlanFormat::toml;
}

bool looks_like_plan_file(std::string_view data) {
    std::size_t i = 0;
    while (i < data.size()) {
        std::size_t e = data.find('\n', i);
        std::string_view line = data.substr(i, e == std::string_view::npos ? std::string_view::npos : e - i);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (line.substr(0, 10) == "[[action]]") return true;
        if (e == std::string_view::npos) break;
        i = e + 1;
    }
    return false;
}

std::optional<PlanFile> read_plan(std::string_view data, const std::string& path, PlanFormat format, Diagnostics& diags) {
    return format == PlanFormat::csv ? read_csv(data, path, diags) : read_toml(data, path, diags);
}

} // namespace zs::cycle
