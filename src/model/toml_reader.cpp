#include "model/toml_reader.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "util/limits.hpp"
#include "util/text.hpp"

namespace zs {

namespace {

// True when a comment may be dropped without changing what toml++ accepts:
// TOML forbids control characters other than tab in comments, so a comment
// holding one is left for the parser to report.
bool plain_comment(std::string_view c) {
    // The comment stops before its line end, so any CR in it is a lone one.
    return !has_control_characters(c) && c.find('\r') == std::string_view::npos;
}

// Where the string that opens at `data[i]` (a quote) ends, one past its
// closing delimiter; a single-line string also ends at a line end, where
// the parser will report it. Handles "…" with escapes, '…', """…""" and
// '''…''' (whose closing run may be up to five quotes).
std::size_t skip_string(std::string_view data, std::size_t i) {
    char q = data[i];
    bool multi = data.substr(i, 3) == std::string(3, q);
    bool escapes = q == '"';
    std::size_t j = i + (multi ? 3 : 1);
    while (j < data.size()) {
        char c = data[j];
        if (escapes && c == '\\') {
            j += 2;
            continue;
        }
        if (!multi && c == '\n') return j;
        if (c == q) {
            if (!multi) return j + 1;
            if (data.substr(j, 3) == std::string(3, q)) {
                j += 3;
                for (int extra = 0; extra < 2 && j < data.size() && data[j] == q; ++extra) ++j;
                return j;
            }
        }
        ++j;
    }
    return data.size();
}

} // namespace

std::optional<NestingProblem> check_toml_nesting(std::string_view data, int limit) {
    // One pass over the text, without recursion: a table header sets the
    // depth of the keys below it; each dotted key part, array and inline
    // table adds one. Strings and comments are skipped.
    struct Open {
        char kind;       // '[' or '{'
        int value_depth; // of the value context it was opened in
        int level;       // key level outside it
    };
    std::vector<Open> stack;
    int header = 0, level = 0, dots = 0, value_depth = 0;
    bool key_context = true, line_start = true;
    std::uint32_t line = 1;
    std::size_t line_begin = 0;
    auto problem = [&](std::size_t at, int depth) -> std::optional<NestingProblem> {
        if (depth <= limit) return std::nullopt;
        return NestingProblem{line, static_cast<std::uint32_t>(at - line_begin + 1), depth};
    };
    for (std::size_t i = 0; i < data.size(); ++i) {
        char c = data[i];
        if (c == '#') {
            while (i + 1 < data.size() && data[i + 1] != '\n') ++i;
            continue;
        }
        if (c == '"' || c == '\'') {
            std::size_t end = skip_string(data, i);
            for (std::size_t k = i; k < end && k < data.size(); ++k)
                if (data[k] == '\n') {
                    ++line;
                    line_begin = k + 1;
                }
            i = end - 1;
            line_start = false;
            continue;
        }
        if (c == '\n') {
            ++line;
            line_begin = i + 1;
            if (stack.empty()) {
                key_context = true;
                line_start = true;
                dots = 0;
                level = header;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') continue;
        if (line_start && stack.empty() && c == '[') {
            // [a.b.c] or [[a.b.c]]: one level per part, one more for an
            // array of tables.
            int parts = 1 + (i + 1 < data.size() && data[i + 1] == '[' ? 1 : 0);
            std::size_t j = i + 1;
            for (; j < data.size() && data[j] != ']' && data[j] != '\n'; ++j) {
                if (data[j] == '"' || data[j] == '\'') {
                    j = skip_string(data, j) - 1;
                    continue;
                }
                if (data[j] == '.' && ++parts > limit) return problem(j, parts);
            }
            header = level = parts;
            i = j > i ? j - 1 : i;
            while (i + 1 < data.size() && data[i + 1] == ']') ++i;
            line_start = false;
            key_context = false; // the rest of the line is a comment or nothing
            continue;
        }
        line_start = false;
        if (key_context) {
            if (c == '.') {
                if (auto p = problem(i, level + ++dots + 1)) return p;
            } else if (c == '=') {
                key_context = false;
                value_depth = level + dots + 1;
                dots = 0;
            } else if (c == '}' && !stack.empty()) { // an empty inline table
                value_depth = stack.back().value_depth;
                level = stack.back().level;
                stack.pop_back();
                key_context = false;
            }
            continue;
        }
        if (c == '[' || c == '{') {
            stack.push_back({c, value_depth, level});
            if (auto p = problem(i, value_depth + 1)) return p;
            if (c == '{') {
                level = value_depth;
                key_context = true;
                dots = 0;
            } else {
                value_depth += 1;
            }
        } else if ((c == ']' || c == '}') && !stack.empty()) {
            value_depth = stack.back().value_depth;
            level = stack.back().level;
            stack.pop_back();
        } else if (c == ',' && !stack.empty() && stack.back().kind == '{') {
            key_context = true;
            dots = 0;
        }
    }
    return std::nullopt;
}

std::string strip_toml_comments(std::string_view data) {
    // Most files hold no control character at all: then no comment needs
    // a look of its own.
    bool controls = has_control_characters(data);
    std::string out;
    out.reserve(data.size());
    std::size_t i = 0;
    while (i < data.size()) {
        std::size_t k = data.find_first_of("#\"'", i);
        if (k == std::string_view::npos) {
            out.append(data.substr(i));
            break;
        }
        if (data[k] == '#') {
            std::size_t end = data.find('\n', k);
            if (end == std::string_view::npos) end = data.size();
            std::size_t stop = end > k && data[end - 1] == '\r' ? end - 1 : end;
            if (!controls || plain_comment(data.substr(k, stop - k))) {
                out.append(data.substr(i, k - i));
                i = stop;
            } else {
                out.append(data.substr(i, end - i));
                i = end;
            }
            continue;
        }
        std::size_t end = skip_string(data, k);
        out.append(data.substr(i, end - i));
        i = end;
    }
    return out;
}

std::optional<toml::table> TomlReader::parse(std::string_view data) {
    // Deep nesting is refused before toml++ sees it: it builds (and frees)
    // nested tables by recursion, so a file of 100,000 dotted parts would
    // overflow the stack.
    if (auto deep = check_toml_nesting(data, limits::toml_depth)) {
        error({path_, deep->line, deep->column},
              msg("the TOML is nested too deeply (more than {} levels of tables, arrays and dotted keys)",
                          limits::toml_depth),
              msg("zelfscan files need only a few levels; see docs/limits.md"));
        return std::nullopt;
    }
    try {
        // Answer files written from the template are about 90 % comments;
        // dropping them first (lines and columns unchanged) makes parsing
        // several times faster.
        if (data.find('#') != std::string_view::npos) return toml::parse(strip_toml_comments(data), path_);
        return toml::parse(data, path_);
    } catch (const toml::parse_error& e) {
        error(at(e.source()), msg("TOML syntax: {}", e.description()));
        return std::nullopt;
    } catch (const std::bad_alloc&) {
        error({path_, 0, 0}, msg("not enough memory to read this file"), msg("see docs/limits.md for the sizes zelfscan reads"));
        return std::nullopt;
    } catch (const std::exception& e) {
        error({path_, 0, 0}, msg("cannot read this TOML file: {}", e.what()));
        return std::nullopt;
    }
}

SourceLocation TomlReader::at(const toml::source_region& r) const {
    return {path_, static_cast<std::uint32_t>(r.begin.line), static_cast<std::uint32_t>(r.begin.column)};
}
SourceLocation TomlReader::at(const toml::node& n) const { return at(n.source()); }
SourceLocation TomlReader::at(const toml::key& k) const { return at(k.source()); }

void TomlReader::error(SourceLocation where, Message message, Message hint) {
    diags_.error(std::move(where), std::move(message), std::move(hint));
}

SourceLocation TomlReader::key_location(const toml::table& t, std::string_view key) const {
    for (const auto& [k, v] : t)
        if (k.str() == key) return at(k);
    return at(t);
}

static std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
    std::string best;
    std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (auto c : candidates) {
        std::size_t d = edit_distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = std::string(c);
        }
    }
    return best;
}

std::string_view toml_type_name(const toml::node& n) {
    switch (n.type()) {
    case toml::node_type::table: return translate("a table");
    case toml::node_type::array: return translate("an array");
    case toml::node_type::string: return translate("a string");
    case toml::node_type::integer: return translate("a whole number");
    case toml::node_type::floating_point: return translate("a number");
    case toml::node_type::boolean: return translate("true or false");
    case toml::node_type::date: return translate("a date");
    case toml::node_type::time: return translate("a time");
    case toml::node_type::date_time: return translate("a date and time");
    default: return translate("nothing");
    }
}

void TomlReader::check_keys(const toml::table& t, std::initializer_list<std::string_view> allowed,
                            std::string_view where) {
    std::vector<std::string_view> names(allowed);
    for (const auto& [k, v] : t) {
        if (std::find(names.begin(), names.end(), k.str()) != names.end()) continue;
        error(at(k), msg("unknown key '{}' in {}", k.str(), where),
              did_you_mean(closest_match(k.str(), names), msg("allowed here: {}", fmt::join(names, ", "))));
    }
}

void TomlReader::type_error(const toml::node& n, std::string_view key, const Message& expected) {
    error(at(n), msg("'{}' must be {}, not {}", key, expected, toml_type_name(n)));
}

void TomlReader::missing(const toml::table& t, std::string_view key) {
    error(at(t), msg("missing required key '{}'", key));
}

std::optional<std::string> TomlReader::string(const toml::table& t, std::string_view key, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) missing(t, key);
        return std::nullopt;
    }
    if (auto s = n->value<std::string>(); s && n->is_string()) return s;
    type_error(*n, key, msg("a string in quotes"));
    return std::nullopt;
}

std::optional<std::int64_t> TomlReader::integer(const toml::table& t, std::string_view key, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) missing(t, key);
        return std::nullopt;
    }
    if (n->is_integer()) return n->value<std::int64_t>();
    type_error(*n, key, msg("a whole number"));
    return std::nullopt;
}

std::optional<double> TomlReader::number(const toml::table& t, std::string_view key, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) missing(t, key);
        return std::nullopt;
    }
    if (n->is_integer()) return static_cast<double>(*n->value<std::int64_t>());
    if (n->is_floating_point()) {
        double v = *n->value<double>();
        // TOML allows nan and inf; no figure zelfscan reads may be either
        // (a NaN weight quietly changed every percentage).
        if (std::isfinite(v)) return v;
        error(at(*n), msg("'{}' must be a finite number, not {}", key, std::isnan(v) ? "nan" : "infinity"));
        return std::nullopt;
    }
    type_error(*n, key, msg("a number"));
    return std::nullopt;
}

std::optional<bool> TomlReader::boolean(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    if (!n) return std::nullopt;
    if (n->is_boolean()) return n->value<bool>();
    type_error(*n, key, msg("true or false"));
    return std::nullopt;
}

std::vector<std::string> TomlReader::strings(const toml::table& t, std::string_view key) {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* arr = n->as_array();
    if (!arr) {
        type_error(*n, key, msg("an array of strings, like [\"a\", \"b\"]"));
        return out;
    }
    for (const auto& item : *arr) {
        if (auto s = item.value<std::string>(); s && item.is_string())
            out.push_back(*s);
        else
            type_error(item, key, msg("an array of strings, like [\"a\", \"b\"]"));
    }
    return out;
}

static std::string language_name(std::string_view code) {
    if (code == "nl") return std::string(translate("Dutch"));
    if (code == "en") return std::string(translate("English"));
    return fmt::format("'{}'", code);
}

LocalizedText TomlReader::text(const toml::table& t, std::string_view key, bool required,
                               const std::vector<std::string>& languages) {
    LocalizedText out;
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) missing(t, key);
        return out;
    }
    if (n->is_string()) {
        const std::string& s = n->as_string()->get();
        if (languages.size() > 1) {
            error(at(*n),
                  msg("'{}' must have a text for each language ({})", key,
                              fmt::join(languages, ", ")),
                  msg("write {} = {{ {} }}", key,
                              [&] {
                                  std::string parts;
                                  for (const auto& l : languages)
                                      parts += (parts.empty() ? "" : ", ") + l + " = \"…\"";
                                  return parts;
                              }()));
        }
        out.by_lang.emplace(languages.empty() ? "nl" : languages.front(), s);
        return out;
    }
    const toml::table* tt = n->as_table();
    if (!tt) {
        type_error(*n, key, msg("a string or a table like {{ nl = \"…\", en = \"…\" }}"));
        return out;
    }
    for (const auto& [k, v] : *tt) {
        std::string lang(k.str());
        if (std::find(languages.begin(), languages.end(), lang) == languages.end()) {
            std::vector<std::string_view> names(languages.begin(), languages.end());
            auto m = closest_match(lang, names);
            error(at(k), msg("'{}' has a text in language '{}', which the instrument does not declare", key, lang),
                  did_you_mean(m, msg("declared languages: {}", fmt::join(languages, ", "))));
            continue;
        }
        if (!v.is_string()) {
            type_error(v, fmt::format("{}.{}", key, lang), msg("a string"));
            continue;
        }
        out.by_lang.emplace(lang, v.as_string()->get());
    }
    for (const auto& lang : languages) {
        if (out.has(lang)) {
            if (out.by_lang.find(lang)->second.find_first_not_of(" \t\r\n") == std::string::npos)
                error(at(*n), msg("'{}' has an empty {} text", key, language_name(lang)));
        } else {
            error(at(*n), msg("'{}' is missing the {} text", key, language_name(lang)),
                  msg("add {} = \"…\"", lang));
        }
    }
    return out;
}

std::vector<const toml::table*> TomlReader::tables(const toml::table& t, std::string_view key) {
    std::vector<const toml::table*> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* arr = n->as_array();
    if (!arr) {
        type_error(*n, key, msg("a list of tables, written [[{}]]", key));
        return out;
    }
    for (const auto& item : *arr) {
        if (const toml::table* tt = item.as_table())
            out.push_back(tt);
        else
            type_error(item, key, msg("a list of tables, written [[{}]]", key));
    }
    return out;
}

const toml::table* TomlReader::table(const toml::table& t, std::string_view key, bool required) {
    const toml::node* n = t.get(key);
    if (!n) {
        if (required) missing(t, key);
        return nullptr;
    }
    if (const toml::table* tt = n->as_table()) return tt;
    type_error(*n, key, msg("a table, written [{}]", key));
    return nullptr;
}

} // namespace zs
