// Typed, located reading of TOML tables for the loaders (instrument and
// answer files). Every problem becomes a diagnostic at the offending key or
// value; reading goes on so that one run reports all problems.
// Only loaders include this header (and with it toml++).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "model/text.hpp"
#include "util/diagnostics.hpp"

namespace zs {

class TomlReader {
  public:
    TomlReader(std::string path, Diagnostics& diags) : path_(std::move(path)), diags_(diags) {}

    // Parses `data`; on a syntax error reports it with line and column and
    // returns nullopt.
    std::optional<toml::table> parse(std::string_view data);

    SourceLocation at(const toml::node& n) const;
    SourceLocation at(const toml::key& k) const;
    SourceLocation at(const toml::source_region& r) const;
    const std::string& path() const { return path_; }
    Diagnostics& diags() { return diags_; }

    // Reports every key of `t` not in `allowed`, with a "did you mean" hint.
    void check_keys(const toml::table& t, std::initializer_list<std::string_view> allowed,
                    std::string_view where);

    // Typed getters. `required` reports a missing key at the table.
    std::optional<std::string> string(const toml::table& t, std::string_view key, bool required);
    std::optional<std::int64_t> integer(const toml::table& t, std::string_view key, bool required);
    std::optional<double> number(const toml::table& t, std::string_view key, bool required);
    std::optional<bool> boolean(const toml::table& t, std::string_view key);
    std::vector<std::string> strings(const toml::table& t, std::string_view key);
    // A plain string (stored under `languages[0]`) or a { nl = …, en = … } table;
    // checks that every language in `languages` is present and no other.
    LocalizedText text(const toml::table& t, std::string_view key, bool required,
                       const std::vector<std::string>& languages);
    // An array of tables ([[key]]); reports a key that is not one.
    std::vector<const toml::table*> tables(const toml::table& t, std::string_view key);
    const toml::table* table(const toml::table& t, std::string_view key, bool required);

    SourceLocation key_location(const toml::table& t, std::string_view key) const;
    void error(SourceLocation where, Message message, Message hint = {});

  private:
    void type_error(const toml::node& n, std::string_view key, const Message& expected);
    void missing(const toml::table& t, std::string_view key);

    std::string path_;
    Diagnostics& diags_;
};

// The closest of `candidates` to `word` (edit distance at most 2 or a third
// of its length), or "" when none is close.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

// "a string", "a whole number", ... in the message language.
std::string_view toml_type_name(const toml::node& n);

// `data` with every comment removed up to its line end, and nothing else
// changed: strings (all four kinds) are kept whole, line ends stay, so
// lines and columns of what is left are as in the file. A comment holding
// a control character is kept, for the parser to report.
std::string strip_toml_comments(std::string_view data);

// Where `data` first nests deeper than `limit` levels (tables, arrays,
// inline tables and dotted key parts together), found without recursion
// and before a parser builds anything; nullopt when it does not.
struct NestingProblem {
    std::uint32_t line = 0, column = 0;
    int depth = 0;
};
std::optional<NestingProblem> check_toml_nesting(std::string_view data, int limit);

} // namespace zs
