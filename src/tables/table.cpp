#include "tables/table.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>

#include <unistd.h>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "util/dates.hpp"
#include "util/files.hpp"

namespace zs::tables {

namespace {

bool is_number_text(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    std::size_t digits = 0, dots = 0;
    for (; i < s.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(s[i]))) ++digits;
        else if (s[i] == '.' && dots == 0 && digits > 0) ++dots;
        else return false;
    }
    return digits > 0 && s.back() != '.';
}

bool is_integer_text(std::string_view s) { return is_number_text(s) && s.find('.') == std::string_view::npos; }

bool english(std::string_view lang) { return lang == "en"; }

std::string csv_field(std::string_view s, char sep, bool number) {
    std::string v(s);
    if (!number && !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) v = "'" + v;
    const char special[] = {sep, '"', '\n', '\r', '\0'};
    if (v.find_first_of(special) == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

const std::string& cell(const std::vector<std::string>& row, std::size_t i) {
    static const std::string empty;
    return i < row.size() ? row[i] : empty;
}

// Display width of UTF-8 text: code points, not bytes.
std::size_t text_width(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string sheet_name(std::string_view name) {
    std::string out;
    for (char c : name) out += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
    if (out.empty()) out = "Blad1";
    // 31 characters at most, cut on a code point boundary.
    std::size_t chars = 0, i = 0;
    for (; i < out.size(); ++i)
        if ((static_cast<unsigned char>(out[i]) & 0xC0) != 0x80 && ++chars > 31) break;
    return out.substr(0, i);
}

} // namespace

TableFormat table_format_for(std::string_view path) {
    std::string p(path);
    std::transform(p.begin(), p.end(), p.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return p.size() >= 5 && p.compare(p.size() - 5, 5, ".xlsx") == 0 ? TableFormat::xlsx : TableFormat::csv;
}

std::string number_cell(double x) {
    std::string s = fmt::format("{}", x);
    if (s == "-0") s = "0";
    if (s.find_first_of("eE") != std::string::npos) s = fmt::format("{:.6f}", x); // no exponents in cells
    return s;
}

std::string to_csv(const Table& t, std::string_view lang) {
    bool nl = !english(lang);
    char sep = nl ? ';' : ',';
    std::string out = nl ? "\xEF\xBB\xBF" : "";
    auto line = [&](const std::vector<std::string>& row, bool header) {
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            std::string v = header ? t.columns[i].header : cell(row, i);
            CellType type = t.columns[i].type;
            // A number is no formula: -0.5 stays a number, not '-0.5.
            bool number = !header && (type == CellType::number || type == CellType::integer) && is_number_text(v);
            if (number && nl) std::replace(v.begin(), v.end(), '.', ',');
            if (i) out += sep;
            out += csv_field(v, sep, number);
        }
        out += "\r\n";
    };
    line({}, true);
    for (const auto& row : t.rows) line(row, false);
    return out;
}

std::string to_xlsx(const Table& t, std::string_view lang, Diagnostics& diags) {
    bool nl = !english(lang);
    // libxlsxwriter writes a file: a private temporary one, read back and
    // removed; the caller writes the bytes atomically like any output.
    std::error_code ec;
    std::string dir = std::filesystem::temp_directory_path(ec).string();
    if (ec) dir = "/tmp";
    std::string path = dir + "/zelfscan-table-XXXXXX";
    int fd = ::mkstemp(path.data());
    if (fd < 0) {
        diags.error({}, msg("cannot make a temporary file for the spreadsheet"));
        return {};
    }
    ::close(fd);

    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = dir.data();
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (!wb) {
        std::remove(path.c_str());
        diags.error({}, msg("cannot start the spreadsheet"));
        return {};
    }
    lxw_doc_properties props{};
    props.created = static_cast<time_t>(build_epoch()); // also the zip entries' dates
    workbook_set_properties(wb, &props);
    std::string name = sheet_name(t.sheet);
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());

    lxw_format* head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_bottom(head, LXW_BORDER_THIN);
    format_set_text_wrap(head);
    format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* text = workbook_add_format(wb);
    format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(text);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, nl ? "dd-mm-yyyy" : "yyyy-mm-dd");
    format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* integer = workbook_add_format(wb);
    format_set_num_format(integer, "0");
    format_set_align(integer, LXW_ALIGN_VERTICAL_TOP);
    std::vector<lxw_format*> number(t.columns.size(), nullptr);

    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const Column& col = t.columns[c];
        auto cc = static_cast<lxw_col_t>(c);
        if (col.type == CellType::number) {
            number[c] = workbook_add_format(wb);
            std::string fmtext = col.decimals > 0 ? "0." + std::string(static_cast<std::size_t>(std::min(col.decimals, 10)), '0') : "0";
            format_set_num_format(number[c], fmtext.c_str());
            format_set_align(number[c], LXW_ALIGN_VERTICAL_TOP);
        }
        worksheet_write_string(ws, 0, cc, col.header.c_str(), head);
        double width = col.width;
        if (width <= 0) {
            std::size_t w = text_width(col.header);
            for (const auto& row : t.rows) w = std::max(w, text_width(cell(row, c)));
            width = static_cast<double>(std::clamp<std::size_t>(w + 2, 8, 60));
        }
        worksheet_set_column(ws, cc, cc, width, nullptr);
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        auto rr = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const std::string& v = cell(t.rows[r], c);
            auto cc = static_cast<lxw_col_t>(c);
            if (v.empty()) continue;
            switch (t.columns[c].type) {
            case CellType::number:
                if (is_number_text(v)) {
                    worksheet_write_number(ws, rr, cc, std::stod(v), number[c]);
                    continue;
                }
                break;
            case CellType::integer:
                if (is_integer_text(v) && v.size() < 16) {
                    worksheet_write_number(ws, rr, cc, std::stod(v), integer);
                    continue;
                }
                break;
            case CellType::date:
                if (auto d = parse_date(v)) {
                    lxw_datetime dt{d->year, d->month, d->day, 0, 0, 0};
                    worksheet_write_datetime(ws, rr, cc, &dt, date);
                    continue;
                }
                break;
            case CellType::boolean:
                if (v == "true" || v == "false") {
                    worksheet_write_boolean(ws, rr, cc, v == "true", nullptr);
                    continue;
                }
                break;
            case CellType::text: break;
            }
            worksheet_write_string(ws, rr, cc, v.c_str(), text); // text, or a value that does not fit its type
        }
    }
    auto last_row = static_cast<lxw_row_t>(std::max<std::size_t>(t.rows.size(), 1));
    auto last_col = static_cast<lxw_col_t>(t.columns.empty() ? 0 : t.columns.size() - 1);
    worksheet_freeze_panes(ws, 1, 0);
    if (!t.columns.empty()) worksheet_autofilter(ws, 0, 0, last_row, last_col);
    // Drop-down lists: for the rows written and as many again below, so
    // rows a user adds are checked too.
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const auto& choices = t.columns[c].choices;
        if (choices.empty()) continue;
        std::vector<std::string> copies(choices); // the C API takes char**
        std::vector<char*> list;
        for (auto& ch : copies) list.push_back(ch.data());
        list.push_back(nullptr);
        lxw_data_validation dv{};
        dv.validate = LXW_VALIDATION_TYPE_LIST;
        dv.value_list = list.data();
        dv.ignore_blank = LXW_VALIDATION_ON;
        auto cc = static_cast<lxw_col_t>(c);
        worksheet_data_validation_range(ws, 1, cc, static_cast<lxw_row_t>(2 * t.rows.size() + 100), cc, &dv);
    }
    lxw_error err = workbook_close(wb);
    std::string out;
    if (err != LXW_NO_ERROR) {
        diags.error({}, msg("cannot write the spreadsheet: {}", lxw_strerror(err)));
    } else {
        auto file = read_file(path);
        if (!file.ok()) diags.error({}, msg("cannot read the spreadsheet back: {}", file.error));
        else out = std::move(file.data);
    }
    std::remove(path.c_str());
    return out;
}

std::string write_table(const Table& t, TableFormat format, std::string_view lang, Diagnostics& diags) {
    return format == TableFormat::xlsx ? to_xlsx(t, lang, diags) : to_csv(t, lang);
}

} // namespace zs::tables
