#include "document/document.hpp"

#include <cctype>

namespace zs::doc {

namespace {
int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
} // namespace

std::optional<Color> parse_color(std::string_view hex) {
    if (!hex.empty() && hex.front() == '#') hex.remove_prefix(1);
    if (hex.size() != 6) return std::nullopt;
    std::uint8_t v[3];
    for (int i = 0; i < 3; ++i) {
        int hi = hex_digit(hex[static_cast<std::size_t>(2 * i)]);
        int lo = hex_digit(hex[static_cast<std::size_t>(2 * i + 1)]);
        if (hi < 0 || lo < 0) return std::nullopt;
        v[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return Color{v[0], v[1], v[2]};
}

std::string to_hex(Color c) {
    static const char* digits = "0123456789abcdef";
    std::string s = "#";
    for (std::uint8_t v : {c.r, c.g, c.b}) {
        s += digits[v >> 4];
        s += digits[v & 15];
    }
    return s;
}

Inline text(std::string s, unsigned style) {
    Inline r;
    r.text = std::move(s);
    r.style = style;
    return r;
}

Inline link(std::string s, std::string target) {
    Inline r;
    r.text = std::move(s);
    r.link = std::move(target);
    return r;
}

Block heading(int level, std::string s) {
    Heading h;
    h.level = level;
    h.anchor = slugify(s);
    h.text.push_back(text(std::move(s)));
    return block(std::move(h));
}

Block paragraph(std::string s) { return paragraph(Inlines{text(std::move(s))}); }

Block paragraph(Inlines runs) {
    Paragraph p;
    p.runs = std::move(runs);
    return block(std::move(p));
}

Block group(Blocks blocks) { return block(Group{std::move(blocks)}); }
Block spacer(double height) { return block(Spacer{height}); }
Block page_break() { return block(PageBreak{}); }

std::string plain_text(const Inlines& runs) {
    std::string s;
    for (const auto& r : runs) s += r.text;
    return s;
}

std::string slugify(std::string_view text) {
    std::string s;
    bool dash = false;
    bool after_c3 = false;
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        // Latin-1 capitals (UTF-8 C3 80..9E, except the multiplication sign)
        // become lower case by their second byte.
        if (after_c3 && c >= 0x80 && c <= 0x9E && c != 0x97) c = static_cast<unsigned char>(c + 0x20);
        after_c3 = c == 0xC3;
        if (c >= 0x80 || std::isalnum(c)) {
            if (dash && !s.empty()) s += '-';
            dash = false;
            s += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
        } else if (c == ' ' || c == '-' || c == '_') {
            dash = true;
        }
    }
    return s;
}

} // namespace zs::doc
