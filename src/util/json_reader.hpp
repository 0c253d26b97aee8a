// A small JSON reader for the files zelfscan itself writes (score --json,
// monitor --format json), so that a previous round can be read back. Pure:
// text in, a tree or a located error out. Depth and size are bounded.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zs {

struct JsonMember;

struct JsonValue {
    enum class Kind { null, boolean, number, string, array, object } kind = Kind::null;
    bool boolean = false;
    double number = 0;
    std::string string;
    std::vector<JsonValue> items;                          // array
    std::vector<JsonMember> members; // object, in file order (a vector of a complete pair here trips clang)

    [[nodiscard]] const JsonValue* get(std::string_view key) const;
    [[nodiscard]] std::string str(std::string_view key) const;          // "" unless a string
    [[nodiscard]] double num(std::string_view key, double otherwise = 0) const;
    [[nodiscard]] std::optional<double> opt_num(std::string_view key) const; // null or missing -> nullopt
    [[nodiscard]] bool flag(std::string_view key) const;
    [[nodiscard]] std::vector<std::string> strings(std::string_view key) const;
    [[nodiscard]] const std::vector<JsonValue>& array(std::string_view key) const; // empty unless an array
};

struct JsonMember {
    std::string first; // the key
    JsonValue second;  // its value
};

struct JsonError {
    std::uint32_t line = 0, column = 0;
    std::string what;
};

// Parses `text`. On failure returns nullopt and fills `error`.
std::optional<JsonValue> parse_json(std::string_view text, JsonError& error);

} // namespace zs
