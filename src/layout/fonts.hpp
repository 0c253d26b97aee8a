// Fonts: which TrueType files set which style (fonts/fonts.toml), and the
// metrics layout needs: advance widths, vertical metrics and which
// characters each font has. zelfscan reads the TrueType cmap/hmtx tables
// itself, so layout measures exactly what the PDF backend will embed.
//
// Every style has a primary face (by default Lato / Liberation Mono) and a
// fallback face (DejaVu Sans, broad coverage) for characters the primary
// lacks. A character neither has is reported by layout, never drawn as a box.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/diagnostics.hpp"

namespace zs::layout {

// Metrics of one TrueType file. Widths are in 1/1000 em (PDF glyph space).
class FontFace {
  public:
    // Parses a TrueType font from its bytes; returns nullptr and sets
    // `error` when the data is not a usable TrueType font.
    static std::unique_ptr<FontFace> parse(std::string path, std::string_view data,
                                           std::string& error);

    [[nodiscard]] bool has(char32_t c) const {
        if (c < bmp_.size()) return bmp_[c] != missing;
        return astral_.count(c) != 0; // C++17-clean: this header is also built as C++17 (CMakeLists.txt, qpdf)
    }
    // Advance width in 1/1000 em; 0 for a character the font does not have.
    [[nodiscard]] double advance(char32_t c) const {
        if (c < bmp_.size()) return bmp_[c] == missing ? 0.0 : bmp_[c] * scale_;
        auto it = astral_.find(c);
        return it == astral_.end() ? 0.0 : it->second * scale_;
    }
    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] double ascent() const { return ascent_; }   // 1/1000 em, > 0
    [[nodiscard]] double descent() const { return descent_; } // 1/1000 em, < 0

  private:
    static constexpr std::uint16_t missing = 0xffff;
    std::string path_;
    std::vector<std::uint16_t> bmp_; // advance in font units per BMP character
    std::unordered_map<char32_t, std::uint16_t> astral_;
    double scale_ = 1; // 1000 / unitsPerEm
    double ascent_ = 800, descent_ = -200;
};

// The styles layout asks for.
enum class Style : std::uint8_t { regular, bold, italic, bold_italic, heading, mono, mono_bold };
inline constexpr std::size_t style_count = 7;
inline constexpr std::array<std::string_view, style_count> style_names{
    "regular", "bold", "italic", "bold_italic", "heading", "mono", "mono_bold"};

// Paths of the TrueType files per style; see fonts/fonts.toml.
struct FontConfig {
    std::array<std::string, style_count> primary;
    std::array<std::string, style_count> fallback;
};

// The built-in configuration; identical to fonts/fonts.toml in the source tree.
FontConfig default_font_config();

// Reads a fonts.toml. Relative paths are relative to the file's folder.
// Styles the file leaves out keep their default. Problems go to `diags`
// with the file's name and line.
FontConfig parse_font_config(std::string_view toml, const std::string& file, Diagnostics& diags);

// A loaded configuration: faces 0..style_count-1 are the primary faces per
// Style, faces style_count.. the fallbacks. A face id is an index into it.
class FontSet {
  public:
    // Loads every file named in `config`; unreadable fonts are errors.
    static std::shared_ptr<const FontSet> load(const FontConfig& config, Diagnostics& diags);

    // The face that has `c` in `style`: the primary, else the fallback; -1
    // when neither has it.
    [[nodiscard]] int face_for(Style style, char32_t c) const {
        auto s = static_cast<std::size_t>(style);
        if (faces_[s]->has(c)) return static_cast<int>(s);
        if (faces_[s + style_count]->has(c)) return static_cast<int>(s + style_count);
        return -1;
    }
    [[nodiscard]] const FontFace& face(int id) const { return *faces_[static_cast<std::size_t>(id)]; }
    [[nodiscard]] int face_count() const { return static_cast<int>(faces_.size()); }
    [[nodiscard]] const FontFace& primary(Style s) const {
        return *faces_[static_cast<std::size_t>(s)];
    }

  private:
    std::vector<std::shared_ptr<const FontFace>> faces_;
};

// Where the font configuration comes from: `path` when given, else the
// ZELFSCAN_FONTS environment variable, else the built-in configuration.
// Loaded sets are cached per configuration, so building many documents
// reads the fonts once.
std::shared_ptr<const FontSet> load_fonts(const std::string& path, Diagnostics& diags);

} // namespace zs::layout
