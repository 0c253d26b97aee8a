// The fast reader of plain answer files; see read_plain_answers in
// load_answers.hpp. It reads the shape the answer template has, and gives
// up (nullopt) on anything else, including every kind of mistake: the full
// TOML reader then reads the file and reports each problem where it is.
// Whatever it accepts, it must read exactly as the full reader does; a test
// compares the two on every sample and on generated files.
#include <algorithm>
#include <cstdint>
#include <set>

#include "answers/load_answers.hpp"
#include "model/load_instrument.hpp"
#include "util/dates.hpp"
#include "util/text.hpp"

namespace zs {

namespace {

struct Located {
    std::string text;
    SourceLocation where;
    bool multiline = false; // a """…""" string: only notes, evidence and reasons may be one
};

// A value the plain shape allows: a basic string on one line, an integer,
// or an inline table of basic strings.
struct Value {
    enum class Kind { string, integer, date, table } kind = Kind::string;
    Located str;
    std::int64_t integer = 0;
    std::vector<std::pair<Located, Located>> table; // key, value
};

class PlainReader {
  public:
    PlainReader(std::string_view s, const std::string& path) : s_(s), path_(path) {}

    // With no instrument (the header read) the answers and the respondent
    // are only checked for their TOML: each key once, each value plain.
    std::optional<Response> read(const Instrument* ins) {
        Response r;
        r.path = path_;
        if (ins) r.answers.reserve(ins->question_order.size());
        enum class Section { root, respondent, answers } section = Section::root;
        std::set<std::string, std::less<>> root_keys, respondent_keys, answer_keys, sections;
        bool have_instrument = false, have_version = false;
        while (true) {
            skip_blank_lines();
            if (bad_) return std::nullopt;
            if (at_end()) break;
            if (s_[i_] == '[') {
                ++i_;
                std::string name;
                while (!at_end() && is_bare(s_[i_])) name += s_[i_++];
                if (at_end() || s_[i_] != ']') return std::nullopt;
                ++i_;
                if (!end_of_line()) return std::nullopt;
                if (!sections.insert(name).second) return std::nullopt;
                if (name == "respondent") section = Section::respondent;
                else if (name == "answers") section = Section::answers;
                else return std::nullopt;
                continue;
            }
            auto key = read_key_and_equals();
            if (!key) return std::nullopt;
            auto value = read_value();
            if (!value || !end_of_line()) return std::nullopt;
            switch (section) {
            case Section::root:
                if (!root_keys.insert(key->text).second || value->kind != Value::Kind::string || value->str.multiline)
                    return std::nullopt;
                if (key->text == "instrument") {
                    r.instrument = value->str.text;
                    have_instrument = true;
                } else if (key->text == "version") {
                    r.version = value->str.text;
                    r.version_where = key->where;
                    have_version = true;
                } else if (key->text == "language") {
                    r.language = value->str.text;
                } else {
                    return std::nullopt;
                }
                break;
            case Section::respondent:
                if (!respondent_keys.insert(key->text).second || (ins && !respondent(*key, *value, r.respondent)))
                    return std::nullopt;
                break;
            case Section::answers:
                if (ins ? !answer(*ins, *key, *value, r) : !answer_keys.insert(key->text).second) return std::nullopt;
                break;
            }
        }
        if (!have_instrument || !have_version || !sections.count("answers")) return std::nullopt;
        if (!ins) return r;
        // The full reader gives answers in the order of its tables' keys.
        std::sort(r.answers.begin(), r.answers.end(),
                  [](const Answer& a, const Answer& b) { return a.question < b.question; });
        for (std::size_t k = 1; k < r.answers.size(); ++k)
            if (r.answers[k].question == r.answers[k - 1].question) return std::nullopt;
        return r;
    }

  private:
    bool at_end() const { return i_ >= s_.size(); }
    static bool is_bare(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    // toml++ counts columns in characters, not bytes.
    SourceLocation here() const {
        std::uint32_t col = 1;
        for (std::size_t k = line_start_; k < i_; ++k)
            if ((static_cast<unsigned char>(s_[k]) & 0xC0) != 0x80) ++col;
        return {path_, line_, col};
    }

    void skip_spaces() {
        while (!at_end() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
    }

    // Past a line end; false on a lone CR.
    bool newline() {
        if (s_[i_] == '\r') {
            if (i_ + 1 >= s_.size() || s_[i_ + 1] != '\n') return false;
            ++i_;
        }
        ++i_;
        ++line_;
        line_start_ = i_;
        return true;
    }

    // Blank lines and comment lines. A comment is taken as it is: the full
    // reader is the one that rejects control characters in comments, so a
    // file holding any is not plain (parse_response checks that first).
    void skip_blank_lines() {
        while (!at_end()) {
            skip_spaces();
            if (at_end()) return;
            char c = s_[i_];
            if (c == '#') {
                if (!skip_comment()) {
                    bad_ = true;
                    return;
                }
                if (at_end()) return;
                if (!newline()) return;
            } else if (c == '\n' || c == '\r') {
                if (!newline()) return;
            } else {
                return;
            }
        }
    }

    // Past a comment, up to its line end. TOML allows a CR in a comment
    // only as part of a CRLF line end: a file with another is not plain.
    bool skip_comment() {
        auto nl = s_.find('\n', i_);
        std::size_t end = nl == std::string_view::npos ? s_.size() : nl;
        // Only this line is looked at for a CR (not the rest of the file).
        auto cr = s_.substr(i_, end - i_).find('\r');
        if (cr != std::string_view::npos && !(nl != std::string_view::npos && i_ + cr + 1 == end)) return false;
        i_ = end;
        return true;
    }

    // Spaces, an optional comment, then the line end or the end of the file.
    bool end_of_line() {
        skip_spaces();
        if (at_end()) return true;
        if (s_[i_] == '#') {
            if (!skip_comment()) return false;
            if (at_end()) return true;
        }
        if (s_[i_] == '\n' || s_[i_] == '\r') return newline();
        return false;
    }

    std::optional<Located> read_key() {
        Located k;
        k.where = here();
        if (s_[i_] == '"') {
            auto quoted = read_string();
            if (!quoted || quoted->multiline) return std::nullopt;
            return quoted;
        }
        while (!at_end() && is_bare(s_[i_])) k.text += s_[i_++];
        if (k.text.empty()) return std::nullopt;
        return k;
    }

    // `key =` with the spaces around the equals sign; the value follows.
    std::optional<Located> read_key_and_equals() {
        auto key = read_key();
        if (!key) return std::nullopt;
        skip_spaces();
        if (at_end() || s_[i_] != '=') return std::nullopt;
        ++i_;
        skip_spaces();
        return key;
    }

    // A basic string, on one line or """multi-line""", with the common
    // escapes; nullopt for anything else (literal strings, rare escapes,
    // line-ending backslashes, control characters), which the full reader
    // handles.
    std::optional<Located> read_string() {
        Located out;
        out.where = here();
        if (s_.substr(i_, 3) == "\"\"\"") {
            out.multiline = true;
            i_ += 3;
            // A line end right after the opening quotes is not part of it.
            if (!at_end() && (s_[i_] == '\n' || s_[i_] == '\r') && !newline()) return std::nullopt;
        } else {
            ++i_;
        }
        while (!at_end()) {
            char c = s_[i_];
            auto u = static_cast<unsigned char>(c);
            if (c == '"') {
                if (!out.multiline) {
                    ++i_;
                    return out;
                }
                std::size_t run = 0;
                while (i_ + run < s_.size() && s_[i_ + run] == '"') ++run;
                if (run > 5) return std::nullopt;
                i_ += run;
                if (run < 3) {
                    out.text.append(run, '"');
                    continue;
                }
                out.text.append(run - 3, '"');
                return out;
            }
            if (out.multiline && (c == '\n' || c == '\r')) {
                std::size_t from = i_;
                if (!newline()) return std::nullopt;
                out.text.append(s_.substr(from, i_ - from));
                continue;
            }
            if ((u < 0x20 && c != '\t') || u == 0x7F) return std::nullopt;
            if (c == '\\') {
                if (i_ + 1 >= s_.size()) return std::nullopt;
                switch (s_[i_ + 1]) {
                case '"': out.text += '"'; break;
                case '\\': out.text += '\\'; break;
                case 'n': out.text += '\n'; break;
                case 't': out.text += '\t'; break;
                case 'r': out.text += '\r'; break;
                default: return std::nullopt;
                }
                i_ += 2;
                continue;
            }
            out.text += c;
            ++i_;
        }
        return std::nullopt;
    }

    std::optional<Value> read_value() {
        if (at_end()) return std::nullopt;
        Value v;
        char c = s_[i_];
        if (c == '"') {
            auto str = read_string();
            if (!str) return std::nullopt;
            v.str = std::move(*str);
            return v;
        }
        if (c == '{') {
            v.kind = Value::Kind::table;
            v.str.where = here();
            ++i_;
            skip_spaces();
            if (!at_end() && s_[i_] == '}') {
                ++i_;
                return v;
            }
            while (true) {
                skip_spaces();
                if (at_end()) return std::nullopt;
                auto key = read_key_and_equals();
                if (!key || at_end() || s_[i_] != '"') return std::nullopt;
                auto str = read_string();
                if (!str) return std::nullopt;
                for (const auto& [k, _] : v.table)
                    if (k.text == key->text) return std::nullopt;
                v.table.emplace_back(std::move(*key), std::move(*str));
                skip_spaces();
                if (at_end()) return std::nullopt;
                if (s_[i_] == ',') {
                    ++i_;
                    continue;
                }
                if (s_[i_] == '}') {
                    ++i_;
                    return v;
                }
                return std::nullopt;
            }
        }
        if (auto date = read_date()) {
            v.kind = Value::Kind::date;
            v.str = std::move(*date);
            return v;
        }
        // A plain decimal integer: no leading zeros, no underscores;
        // anything else (floats, times, booleans) is not plain.
        v.kind = Value::Kind::integer;
        v.str.where = here();
        bool negative = false;
        if (c == '-' || c == '+') {
            negative = c == '-';
            ++i_;
        }
        std::size_t start = i_;
        std::int64_t n = 0;
        while (!at_end() && s_[i_] >= '0' && s_[i_] <= '9') {
            if (n > 100000000000LL) return std::nullopt;
            n = n * 10 + (s_[i_] - '0');
            ++i_;
        }
        std::size_t digits = i_ - start;
        if (digits == 0 || (digits > 1 && s_[start] == '0')) return std::nullopt;
        if (!at_end() && s_[i_] != ' ' && s_[i_] != '\t' && s_[i_] != '#' && s_[i_] != '\n' && s_[i_] != '\r')
            return std::nullopt;
        v.integer = negative ? -n : n;
        return v;
    }

    // A local date, 2026-10-05, that TOML accepts (a real day of a real
    // month), not followed by a time.
    std::optional<Located> read_date() {
        std::string_view d = s_.substr(i_, 10);
        if (d.size() != 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
        for (std::size_t k : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
            if (d[k] < '0' || d[k] > '9') return std::nullopt;
        std::size_t after = i_ + 10;
        if (after < s_.size() && s_[after] != ' ' && s_[after] != '\t' && s_[after] != '#' && s_[after] != '\n' &&
            s_[after] != '\r')
            return std::nullopt;
        int year = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
        int month = (d[5] - '0') * 10 + (d[6] - '0');
        int day = (d[8] - '0') * 10 + (d[9] - '0');
        static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        if (month < 1 || month > 12 || day < 1) return std::nullopt;
        if (day > days[month - 1] + (month == 2 && leap ? 1 : 0)) return std::nullopt;
        Located out;
        out.where = here();
        out.text = std::string(d);
        i_ = after;
        return out;
    }

    // The [respondent] keys, as the full reader takes them; a value it
    // would report is not plain.
    static bool respondent(const Located& key, const Value& v, Respondent& who) {
        if (key.text == "participants") {
            if (v.kind != Value::Kind::integer || v.integer < 1 || v.integer > 1000) return false;
            who.participants = static_cast<int>(v.integer);
            return true;
        }
        if (v.kind == Value::Kind::date && key.text == "date") {
            who.date = v.str.text;
            return true;
        }
        if (v.kind != Value::Kind::string || v.str.multiline) return false;
        const std::string& s = v.str.text;
        if (key.text == "code") who.code = s;
        else if (key.text == "role") {
            who.role = s;
            who.role_where = v.str.where;
        } else if (key.text == "organisation") who.organisation = s;
        else if (key.text == "unit") who.unit = s;
        else if (key.text == "date") {
            if (s.empty()) return true;
            auto iso = iso_date(s); // any spelling parse_date takes, written ISO
            if (!iso) return false;
            who.date = *iso;
        } else {
            return false;
        }
        return true;
    }

    static bool answer(const Instrument& ins, const Located& key, const Value& v, Response& r) {
        const Question* q = ins.find_question(key.text);
        if (!q) return false; // a question answered twice is caught after sorting
        Answer a;
        a.question = key.text;
        a.where = key.where;
        const Located* value = nullptr;
        if (v.kind == Value::Kind::integer) {
            if (q->kind != QuestionKind::number) return false;
            a.number = static_cast<double>(v.integer);
        } else if (v.kind == Value::Kind::string) {
            value = &v.str;
        } else if (v.kind == Value::Kind::date) {
            return false;
        } else {
            for (const auto& [k, s] : v.table) {
                if (k.text == "answer") value = &s;
                else if (k.text == "note") a.note = normalise_newlines(s.text);
                else if (k.text == "evidence") a.evidence = normalise_newlines(s.text);
                else if (k.text == "reason") a.reason = normalise_newlines(s.text);
                else return false;
            }
        }
        if (value && value->multiline && q->kind != QuestionKind::text) return false;
        if (value && !blank(value->text)) {
            switch (q->kind) {
            case QuestionKind::choice:
            case QuestionKind::multi: a.options.push_back(value->text); break;
            case QuestionKind::text: a.text = normalise_newlines(value->text); break;
            case QuestionKind::number: return false;
            }
        }
        r.answers.push_back(std::move(a));
        return true;
    }

    std::string_view s_;
    const std::string& path_;
    std::size_t i_ = 0;
    std::size_t line_start_ = 0;
    std::uint32_t line_ = 1;
    bool bad_ = false; // a comment TOML does not allow
};

} // namespace

std::optional<Response> read_plain_answers(std::string_view data, const std::string& path, const Instrument& ins) {
    return PlainReader(data, path).read(&ins);
}

std::optional<AnswerHeader> read_plain_header(std::string_view data, const std::string& path) {
    auto r = PlainReader(data, path).read(nullptr);
    if (!r || !is_instrument_id(r->instrument)) return std::nullopt;
    return AnswerHeader{std::move(r->instrument), std::move(r->version), r->version_where};
}

} // namespace zs
