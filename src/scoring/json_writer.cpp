#include "scoring/json_writer.hpp"

#include <cmath>

#include <fmt/format.h>

namespace zs {

std::string json_quote(std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20 || c == 0x7f) out += fmt::format("\\u{:04x}", c);
            else out += ch;
        }
    }
    return out + "\"";
}

std::string json_number(double value) {
    if (!std::isfinite(value)) return "null";
    std::string s = fmt::format("{:.4f}", value);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

void JsonWriter::item(std::string_view key) {
    if (!first_.empty()) {
        if (!first_.back()) out_ += ',';
        first_.back() = false;
        out_ += '\n';
        out_.append(first_.size() * 2, ' ');
    }
    if (!key.empty()) out_ += json_quote(key) + ": ";
}

void JsonWriter::begin_object(std::string_view key) {
    item(key);
    out_ += '{';
    first_.push_back(true);
}

void JsonWriter::end_object() {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) {
        out_ += '\n';
        out_.append(first_.size() * 2, ' ');
    }
    out_ += '}';
    if (first_.empty()) out_ += '\n';
}

void JsonWriter::begin_array(std::string_view key) {
    item(key);
    out_ += '[';
    first_.push_back(true);
}

void JsonWriter::end_array() {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) {
        out_ += '\n';
        out_.append(first_.size() * 2, ' ');
    }
    out_ += ']';
    if (first_.empty()) out_ += '\n';
}

void JsonWriter::string(std::string_view key, std::string_view value) {
    item(key);
    out_ += json_quote(value);
}

void JsonWriter::number(std::string_view key, double value) {
    item(key);
    out_ += json_number(value);
}

void JsonWriter::integer(std::string_view key, long long value) {
    item(key);
    out_ += std::to_string(value);
}

void JsonWriter::boolean(std::string_view key, bool value) {
    item(key);
    out_ += value ? "true" : "false";
}

void JsonWriter::null(std::string_view key) {
    item(key);
    out_ += "null";
}

void JsonWriter::optional(std::string_view key, const std::optional<double>& value) {
    if (value) number(key, *value);
    else null(key);
}

void JsonWriter::strings(std::string_view key, const std::vector<std::string>& values) {
    begin_array(key);
    for (const auto& v : values) string({}, v);
    end_array();
}

} // namespace zs
