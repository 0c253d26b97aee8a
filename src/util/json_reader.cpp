#include "util/json_reader.hpp"

#include <charconv>
#include <cstdint>

namespace zs {

namespace {

constexpr int max_depth = 64;

class Parser {
  public:
    explicit Parser(std::string_view t) : t_(t) {}

    bool value(JsonValue& v, int depth) {
        if (depth > max_depth) return fail("nested too deeply");
        space();
        if (i_ >= t_.size()) return fail("unexpected end of the file");
        char c = t_[i_];
        if (c == '{') return object(v, depth);
        if (c == '[') return array(v, depth);
        if (c == '"') {
            v.kind = JsonValue::Kind::string;
            return string(v.string);
        }
        if (word("true")) {
            v.kind = JsonValue::Kind::boolean;
            v.boolean = true;
            return true;
        }
        if (word("false")) {
            v.kind = JsonValue::Kind::boolean;
            return true;
        }
        if (word("null")) return true;
        if (c == '-' || (c >= '0' && c <= '9')) return number(v);
        return fail(std::string("unexpected '") + c + "'");
    }

    bool end() {
        space();
        return i_ == t_.size() || fail("more after the end of the value");
    }

    JsonError error;

  private:
    bool fail(std::string what) {
        if (!error.what.empty()) return false;
        std::uint32_t line = 1, col = 1;
        for (std::size_t k = 0; k < i_ && k < t_.size(); ++k) {
            if (t_[k] == '\n') ++line, col = 1;
            else ++col;
        }
        error = {line, col, std::move(what)};
        return false;
    }
    void space() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
    }
    bool word(std::string_view w) {
        if (t_.substr(i_, w.size()) != w) return false;
        i_ += w.size();
        return true;
    }
    bool number(JsonValue& v) {
        std::size_t start = i_;
        while (i_ < t_.size() && std::string_view("+-0123456789.eE").find(t_[i_]) != std::string_view::npos) ++i_;
        double d = 0;
        auto [p, ec] = std::from_chars(t_.data() + start, t_.data() + i_, d);
        if (ec != std::errc() || p != t_.data() + i_) {
            i_ = start;
            return fail("not a number");
        }
        v.kind = JsonValue::Kind::number;
        v.number = d;
        return true;
    }
    static void utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) out += static_cast<char>(cp);
        else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    bool hex4(std::uint32_t& cp) {
        if (i_ + 4 > t_.size()) return fail("a \\u escape needs four hex digits");
        cp = 0;
        for (int k = 0; k < 4; ++k) {
            char c = t_[i_++];
            cp <<= 4;
            if (c >= '0' && c <= '9') cp |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') cp |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') cp |= static_cast<std::uint32_t>(c - 'A' + 10);
            else return fail("a \\u escape needs four hex digits");
        }
        return true;
    }
    bool string(std::string& out) {
        ++i_; // opening quote
        while (i_ < t_.size()) {
            char c = t_[i_++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) return fail("a control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= t_.size()) break;
            char e = t_[i_++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!hex4(cp)) return false;
                if (cp >= 0xD800 && cp < 0xDC00 && t_.substr(i_, 2) == "\\u") {
                    i_ += 2;
                    std::uint32_t lo = 0;
                    if (!hex4(lo)) return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                utf8(out, cp);
                break;
            }
            default: return fail(std::string("unknown escape \\") + e);
            }
        }
        return fail("a string is not closed");
    }
    bool array(JsonValue& v, int depth) {
        v.kind = JsonValue::Kind::array;
        ++i_;
        space();
        if (i_ < t_.size() && t_[i_] == ']') return ++i_, true;
        while (true) {
            v.items.emplace_back();
            if (!value(v.items.back(), depth + 1)) return false;
            space();
            if (i_ < t_.size() && t_[i_] == ',') {
                ++i_;
                continue;
            }
            if (i_ < t_.size() && t_[i_] == ']') return ++i_, true;
            return fail("expected ',' or ']'");
        }
    }
    bool object(JsonValue& v, int depth) {
        v.kind = JsonValue::Kind::object;
        ++i_;
        space();
        if (i_ < t_.size() && t_[i_] == '}') return ++i_, true;
        while (true) {
            space();
            if (i_ >= t_.size() || t_[i_] != '"') return fail("expected a key in quotes");
            std::string key;
            if (!string(key)) return false;
            space();
            if (i_ >= t_.size() || t_[i_] != ':') return fail("expected ':'");
            ++i_;
            v.members.push_back(JsonMember{std::move(key), JsonValue{}});
            if (!value(v.members.back().second, depth + 1)) return false;
            space();
            if (i_ < t_.size() && t_[i_] == ',') {
                ++i_;
                continue;
            }
            if (i_ < t_.size() && t_[i_] == '}') return ++i_, true;
            return fail("expected ',' or '}'");
        }
    }

    std::string_view t_;
    std::size_t i_ = 0;
};

} // namespace

const JsonValue* JsonValue::get(std::string_view key) const {
    for (const auto& [k, v] : members)
        if (k == key) return &v;
    return nullptr;
}

std::string JsonValue::str(std::string_view key) const {
    const JsonValue* v = get(key);
    return v && v->kind == Kind::string ? v->string : "";
}

double JsonValue::num(std::string_view key, double otherwise) const {
    const JsonValue* v = get(key);
    return v && v->kind == Kind::number ? v->number : otherwise;
}

std::optional<double> JsonValue::opt_num(std::string_view key) const {
    const JsonValue* v = get(key);
    if (v && v->kind == Kind::number) return v->number;
    return std::nullopt;
}

bool JsonValue::flag(std::string_view key) const {
    const JsonValue* v = get(key);
    return v && v->kind == Kind::boolean && v->boolean;
}

std::vector<std::string> JsonValue::strings(std::string_view key) const {
    std::vector<std::string> out;
    for (const auto& i : array(key))
        if (i.kind == Kind::string) out.push_back(i.string);
    return out;
}

const std::vector<JsonValue>& JsonValue::array(std::string_view key) const {
    static const std::vector<JsonValue> none;
    const JsonValue* v = get(key);
    return v && v->kind == Kind::array ? v->items : none;
}

std::optional<JsonValue> parse_json(std::string_view text, JsonError& error) {
    Parser p(text);
    JsonValue v;
    if (!p.value(v, 0) || !p.end()) {
        error = p.error;
        return std::nullopt;
    }
    return v;
}

} // namespace zs
