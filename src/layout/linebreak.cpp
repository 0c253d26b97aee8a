#include "layout/linebreak.hpp"

#include <algorithm>

namespace zs::layout {

std::u32string decode_utf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        int extra = b < 0x80 ? 0 : (b >> 5) == 6 ? 1 : (b >> 4) == 14 ? 2 : (b >> 3) == 30 ? 3 : -1;
        char32_t c = extra == 0 ? b : extra == 1 ? b & 0x1F : extra == 2 ? b & 0x0F : b & 0x07;
        bool ok = extra >= 0 && i + static_cast<std::size_t>(extra) < s.size();
        for (int k = 1; ok && k <= extra; ++k) {
            auto cont = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((cont & 0xC0) != 0x80) ok = false;
            c = (c << 6) | (cont & 0x3F);
        }
        if (!ok) {
            out += U'\uFFFD';
            ++i;
            continue;
        }
        out += c;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

namespace {

// U+FFFD REPLACEMENT CHARACTER: the placeholder for a character no font has.
constexpr char32_t placeholder = 0xFFFD;

bool invisible_control(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
           c == 0x061C || c == 0x200C || c == 0x200D || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xE0000 && c <= 0xE01EF);
}

} // namespace

std::vector<char32_t> unshown_characters(const FontSet& fonts, Style style, std::string_view utf8) {
    std::vector<char32_t> out;
    for (char32_t c : decode_utf8(utf8)) {
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xAD || c == 0xFEFF || c == 0x200B || invisible_control(c)) continue;
        if ((c > 0xFFFF || fonts.face_for(style, c) < 0) && std::find(out.begin(), out.end(), c) == out.end())
            out.push_back(c);
    }
    return out;
}

Shaper::Shaper(const FontSet& fonts, std::function<void(char32_t)> missing)
    : fonts_(fonts), missing_(std::move(missing)) {
    out_.offset.push_back(0);
}

void Shaper::end_word() {
    if (in_word_) out_.words.back().end = static_cast<std::uint32_t>(out_.glyphs.size());
    in_word_ = false;
}

void Shaper::hard_break() {
    end_word();
    if (out_.words.empty() || out_.words.back().hard_break) {
        auto at = static_cast<std::uint32_t>(out_.glyphs.size());
        out_.words.push_back(Word{at, at, 0, false});
    }
    out_.words.back().space = 0;
    out_.words.back().hard_break = true;
}

void Shaper::add(std::string_view utf8, const RunStyle& style, bool preserve_spaces) {
    auto run = static_cast<std::uint16_t>(out_.runs.size());
    out_.runs.push_back(style);
    for (char32_t c : decode_utf8(utf8)) {
        if (c == '\t') c = ' ';
        if (c == '\r') continue;
        if (c == '\n') {
            hard_break();
            continue;
        }
        // Control characters, soft hyphens and BOMs are handled, not drawn.
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xAD || c == 0xFEFF) continue;
        bool space = c == ' ' && !preserve_spaces;
        if (space || c == 0x200B) {
            end_word();
            if (!out_.words.empty() && !out_.words.back().hard_break && out_.words.back().space == 0 &&
                space) {
                int f = fonts_.face_for(style.style, ' ');
                out_.words.back().space = f < 0 ? style.size / 4 : fonts_.face(f).advance(' ') * style.size / 1000;
            }
            continue;
        }
        // Invisible controls are neutralised, never drawn: bidi embedding,
        // override and isolate controls (they could reorder what a line
        // says), joiners and variation selectors (an emoji sequence falls
        // apart into its visible parts instead).
        if (invisible_control(c)) continue;
        // The PDF backend encodes text as 16-bit Unicode (libharu's UTF-8
        // fonts), so characters beyond the BMP count as missing.
        int face = c > 0xFFFF ? -1 : fonts_.face_for(style.style, c);
        if (face < 0) {
            // Reported (with the place it came from), and shown as a visible
            // placeholder, so the reader sees that something stood there.
            if (missing_) missing_(c);
            c = fonts_.face_for(style.style, placeholder) >= 0 ? placeholder : U'?';
            face = fonts_.face_for(style.style, c);
            if (face < 0) continue;
        }
        if (!in_word_) {
            auto at = static_cast<std::uint32_t>(out_.glyphs.size());
            out_.words.push_back(Word{at, at, 0, false});
            in_word_ = true;
        }
        auto adv = static_cast<float>(fonts_.face(face).advance(c) * style.size / 1000);
        out_.glyphs.push_back(Glyph{c, run, static_cast<std::int16_t>(face), adv});
        out_.offset.push_back(out_.offset.back() + adv);
    }
}

ShapedText Shaper::finish() {
    end_word();
    return std::move(out_);
}

double hyphen_width(const ShapedText& text, std::uint32_t last, const FontSet& fonts) {
    const Glyph& g = text.glyphs[last];
    const RunStyle& r = text.runs[g.run];
    const FontFace& f = fonts.face(g.face);
    double adv = f.has('-') ? f.advance('-') : fonts.primary(r.style).advance('-');
    return adv * r.size / 1000;
}

namespace {

bool is_letter(char32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    return c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7;
}

bool is_break_after(char32_t c) { return c == '-' || c == '/' || c == 0x2013 || c == 0x2014; }

struct Candidate {
    std::uint32_t at; // break before this glyph
    bool hyphen;
};

// Where a word may be split: after explicit hyphens and slashes, and at the
// hyphenation points of each run of letters.
// URLs, e-mail addresses, paths and codes (D3.2, M10, institutioneel-racisme)
// are never hyphenated: a hyphen there reads as part of the name. They
// still break after a slash or hyphen of their own.
bool is_name_like(const ShapedText& t, const Word& w) {
    bool digit = false, letter = false;
    for (std::uint32_t i = w.begin; i < w.end; ++i) {
        char32_t c = t.glyphs[i].c;
        if (c == '/' || c == '@' || c == ':' || c == '_' || c == '\\') return true;
        if (c == '.' && i > w.begin && i + 1 < w.end && is_letter(t.glyphs[i + 1].c)) return true;
        if (c >= '0' && c <= '9') digit = true;
        if (is_letter(c)) letter = true;
    }
    return digit && letter;
}

std::vector<Candidate> candidates(const ShapedText& t, const Word& w, const Hyphenator* h) {
    std::vector<Candidate> out;
    if (h && is_name_like(t, w)) h = nullptr;
    std::uint32_t i = w.begin;
    while (i < w.end) {
        if (is_letter(t.glyphs[i].c)) {
            std::uint32_t j = i;
            std::u32string letters;
            while (j < w.end && is_letter(t.glyphs[j].c)) letters += t.glyphs[j++].c;
            if (h && !t.runs[t.glyphs[i].run].code)
                for (std::size_t p : h->points(letters))
                    out.push_back({i + static_cast<std::uint32_t>(p), true});
            i = j;
        } else {
            if (is_break_after(t.glyphs[i].c) && i > w.begin && i + 1 < w.end)
                out.push_back({i + 1, false});
            ++i;
        }
    }
    return out;
}

} // namespace

std::vector<Line> break_lines(const ShapedText& t, double width, const FontSet& fonts,
                              const Hyphenator* hyphenator, const Hyphenator* long_words) {
    constexpr double eps = 1e-6;
    std::vector<Line> lines;
    Line line;
    double pending_space = 0;
    int hyphenated_in_a_row = 0;
    auto end_line = [&] {
        lines.push_back(std::move(line));
        line = Line{};
        pending_space = 0;
    };
    auto place = [&](std::uint32_t from, std::uint32_t to, bool hyphen, double lead) {
        double x = line.width + lead;
        double w = t.width(from, to) + (hyphen ? hyphen_width(t, to - 1, fonts) : 0);
        line.segments.push_back({from, to, x, hyphen});
        line.width = x + w;
    };
    // Hyphenate only when it fills a useful part of the line; repeated
    // hyphens down the right edge look worse than a ragged line.
    const double zone = std::max(width * 0.12, 0.0);

    for (const Word& w : t.words) {
        std::uint32_t s = w.begin;
        std::vector<Candidate> cands;
        bool have_cands = false, long_cands = false;
        while (true) {
            double lead = line.segments.empty() ? 0 : pending_space;
            double ww = t.width(s, w.end);
            if (s == w.end || line.width + lead + ww <= width + eps) {
                if (s < w.end) place(s, w.end, false, lead);
                pending_space = w.space;
                if (w.hard_break) {
                    hyphenated_in_a_row = 0;
                    end_line();
                }
                break;
            }
            double avail = width - line.width - lead;
            bool empty = line.segments.empty();
            if (empty || (avail >= zone && hyphenated_in_a_row < 2)) {
                // On an empty line the rest of the word is wider than the
                // line itself: then even a cell without hyphenation may
                // hyphenate it.
                const bool overlong = empty && !hyphenator && long_words;
                if (!have_cands || overlong != long_cands) {
                    cands = candidates(t, w, overlong ? long_words : hyphenator);
                    have_cands = true;
                    long_cands = overlong;
                }
                const Candidate* best = nullptr;
                for (const Candidate& c : cands) {
                    if (c.at <= s) continue;
                    double need = t.width(s, c.at) + (c.hyphen ? hyphen_width(t, c.at - 1, fonts) : 0);
                    if (need <= avail + eps) best = &c;
                    else break;
                }
                if (best) {
                    place(s, best->at, best->hyphen, lead);
                    hyphenated_in_a_row += best->hyphen ? 1 : 0;
                    s = best->at;
                    end_line();
                    continue;
                }
            }
            if (!empty) {
                hyphenated_in_a_row = 0;
                end_line();
                continue;
            }
            // Nothing fits on an empty line: break between characters.
            std::uint32_t p = s + 1;
            while (p < w.end && t.width(s, p + 1) <= width + eps) ++p;
            place(s, p, false, 0);
            s = p;
            end_line();
        }
    }
    if (!line.segments.empty() || lines.empty()) lines.push_back(std::move(line));
    return lines;
}

} // namespace zs::layout
