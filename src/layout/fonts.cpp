#include "layout/fonts.hpp"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

#include <toml++/toml.h>

#include "util/files.hpp"
#include "util/messages.hpp"

namespace zs::layout {

namespace {

// Big-endian readers that never read past the end (hostile font files give
// zeros, and the structural checks below then reject them).
struct Bytes {
    std::string_view d;
    [[nodiscard]] std::uint32_t u8(std::size_t at) const {
        return at < d.size() ? static_cast<unsigned char>(d[at]) : 0u;
    }
    [[nodiscard]] std::uint16_t u16(std::size_t at) const {
        return static_cast<std::uint16_t>(u8(at) << 8 | u8(at + 1));
    }
    [[nodiscard]] std::int16_t s16(std::size_t at) const {
        return static_cast<std::int16_t>(u16(at));
    }
    [[nodiscard]] std::uint32_t u32(std::size_t at) const {
        return u8(at) << 24 | u8(at + 1) << 16 | u8(at + 2) << 8 | u8(at + 3);
    }
};

struct TableRef {
    std::size_t offset = 0, length = 0;
    [[nodiscard]] bool ok() const { return length > 0; }
};

TableRef find_table(const Bytes& b, std::string_view tag) {
    std::uint16_t n = b.u16(4);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t rec = 12 + 16 * i;
        if (rec + 16 > b.d.size()) break;
        if (b.d.substr(rec, 4) == tag) {
            TableRef t{b.u32(rec + 8), b.u32(rec + 12)};
            if (t.offset + t.length > b.d.size()) return {};
            return t;
        }
    }
    return {};
}

} // namespace

std::unique_ptr<FontFace> FontFace::parse(std::string path, std::string_view data,
                                          std::string& error) {
    Bytes b{data};
    std::uint32_t version = b.u32(0);
    if (data.size() < 12 || (version != 0x00010000 && version != 0x74727565)) {
        error = msg("not a TrueType font");
        return nullptr;
    }
    TableRef head = find_table(b, "head"), hhea = find_table(b, "hhea"),
             hmtx = find_table(b, "hmtx"), cmap = find_table(b, "cmap");
    if (!head.ok() || !hhea.ok() || !hmtx.ok() || !cmap.ok()) {
        error = msg("TrueType font without head, hhea, hmtx or cmap table");
        return nullptr;
    }
    auto face = std::unique_ptr<FontFace>(new FontFace());
    face->path_ = std::move(path);
    std::uint16_t units = b.u16(head.offset + 18);
    if (units < 16) {
        error = msg("TrueType font with an invalid unitsPerEm");
        return nullptr;
    }
    face->scale_ = 1000.0 / units;
    face->ascent_ = b.s16(hhea.offset + 4) * face->scale_;
    face->descent_ = b.s16(hhea.offset + 6) * face->scale_;
    std::uint16_t metrics = b.u16(hhea.offset + 34);
    if (metrics == 0 || hmtx.length < 4u * metrics) {
        error = msg("TrueType font with a truncated hmtx table");
        return nullptr;
    }
    auto advance_of = [&](std::uint32_t glyph) {
        std::uint32_t i = glyph < metrics ? glyph : metrics - 1u;
        return b.u16(hmtx.offset + 4 * i);
    };

    face->bmp_.assign(0x10000, missing);
    auto map = [&](std::uint32_t c, std::uint32_t glyph) {
        if (glyph == 0) return;
        std::uint16_t adv = std::min<std::uint16_t>(advance_of(glyph), missing - 1);
        if (c < 0x10000)
            face->bmp_[c] = adv;
        else if (c <= 0x10ffff)
            face->astral_[static_cast<char32_t>(c)] = adv;
    };

    // Prefer a full-Unicode subtable (format 12), else a BMP one (format 4).
    std::size_t sub12 = 0, sub4 = 0;
    std::uint16_t nsub = b.u16(cmap.offset + 2);
    for (std::size_t i = 0; i < nsub; ++i) {
        std::size_t rec = cmap.offset + 4 + 8 * i;
        std::uint16_t platform = b.u16(rec), encoding = b.u16(rec + 2);
        std::size_t sub = cmap.offset + b.u32(rec + 4);
        bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
        if (!unicode || sub >= data.size()) continue;
        std::uint16_t format = b.u16(sub);
        if (format == 12 && !sub12) sub12 = sub;
        if (format == 4 && !sub4) sub4 = sub;
    }
    if (sub12) {
        std::uint32_t groups = b.u32(sub12 + 12);
        if (sub12 + 16 + std::size_t{groups} * 12 > data.size()) groups = 0;
        for (std::uint32_t g = 0; g < groups; ++g) {
            std::size_t at = sub12 + 16 + std::size_t{g} * 12;
            std::uint32_t first = b.u32(at), last = std::min(b.u32(at + 4), 0x10ffffu),
                          glyph = b.u32(at + 8);
            for (std::uint32_t c = first; c <= last; ++c) map(c, glyph + (c - first));
        }
    } else if (sub4) {
        std::size_t segs = b.u16(sub4 + 6) / 2u;
        std::size_t ends = sub4 + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs,
                    ranges = deltas + 2 * segs;
        for (std::size_t s = 0; s < segs; ++s) {
            std::uint32_t first = b.u16(starts + 2 * s), last = b.u16(ends + 2 * s);
            std::uint16_t delta = b.u16(deltas + 2 * s), range = b.u16(ranges + 2 * s);
            for (std::uint32_t c = first; c <= last && c != 0xffff; ++c) {
                std::uint32_t glyph;
                if (range == 0) {
                    glyph = (c + delta) & 0xffffu;
                } else {
                    std::size_t at = ranges + 2 * s + range + 2 * (c - first);
                    glyph = b.u16(at);
                    if (glyph != 0) glyph = (glyph + delta) & 0xffffu;
                }
                map(c, glyph);
            }
        }
    } else {
        error = msg("TrueType font without a Unicode character map");
        return nullptr;
    }
    return face;
}

FontConfig default_font_config() {
    const std::string lato = "/usr/share/fonts/truetype/lato/Lato-";
    const std::string mono = "/usr/share/fonts/truetype/liberation2/LiberationMono-";
    const std::string dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans";
    FontConfig c;
    c.primary = {lato + "Regular.ttf", lato + "Bold.ttf",     lato + "Italic.ttf",
                 lato + "BoldItalic.ttf", lato + "Semibold.ttf", mono + "Regular.ttf",
                 mono + "Bold.ttf"};
    c.fallback = {dejavu + ".ttf",        dejavu + "-Bold.ttf",     dejavu + "-Oblique.ttf",
                  dejavu + "-BoldOblique.ttf", dejavu + "-Bold.ttf", dejavu + "Mono.ttf",
                  dejavu + "Mono-Bold.ttf"};
    return c;
}

FontConfig parse_font_config(std::string_view text, const std::string& file, Diagnostics& out) {
    FontConfig config = default_font_config();
    // toml++ iterates keys in sorted order; report in file order.
    Diagnostics diags;
    struct Flush {
        Diagnostics& from;
        Diagnostics& to;
        ~Flush() {
            from.sort();
            to.append(from);
        }
    } flush{diags, out};
    toml::table root;
    try {
        root = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        const auto& at = e.source().begin;
        diags.error({file, at.line, at.column}, msg("TOML syntax: {}", e.description()));
        return config;
    }
    std::filesystem::path base = std::filesystem::path(file).parent_path();
    for (auto&& [key, node] : root) {
        SourceLocation where{file, node.source().begin.line, node.source().begin.column};
        auto* section = node.as_table();
        bool primary = key.str() == "primary";
        if (!section || (!primary && key.str() != "fallback")) {
            diags.error(where, msg("unknown section '{}'", key.str()),
                        msg("expected [primary] or [fallback]"));
            continue;
        }
        auto& paths = primary ? config.primary : config.fallback;
        for (auto&& [style, value] : *section) {
            SourceLocation at{file, value.source().begin.line, value.source().begin.column};
            std::size_t i = 0;
            while (i < style_count && style_names[i] != style.str()) ++i;
            if (i == style_count) {
                diags.error(at, msg("unknown font style '{}'", style.str()),
                            msg("expected regular, bold, italic, bold_italic, heading, mono or "
                            "mono_bold"));
                continue;
            }
            auto path = value.value<std::string>();
            if (!path) {
                diags.error(at, msg("a font style takes a path to a .ttf file as a string"));
                continue;
            }
            std::filesystem::path p(*path);
            paths[i] = p.is_absolute() || base.empty() ? p.string() : (base / p).string();
        }
    }
    return config;
}

std::shared_ptr<const FontSet> FontSet::load(const FontConfig& config, Diagnostics& diags) {
    auto set = std::make_shared<FontSet>();
    // The same file may serve several styles (e.g. heading = bold): parse once.
    std::map<std::string, std::shared_ptr<const FontFace>> by_path;
    auto load_one = [&](const std::string& path) -> std::shared_ptr<const FontFace> {
        if (auto it = by_path.find(path); it != by_path.end()) return it->second;
        ReadResult r = read_file(path, limits::font_file);
        std::string error = r.error;
        std::unique_ptr<FontFace> face;
        if (r.ok()) face = FontFace::parse(path, r.data, error);
        if (!face) {
            diags.error({path, 0, 0}, msg("cannot use font: {}", error),
                        msg("fonts are configured in fonts/fonts.toml (option --fonts or "
                        "ZELFSCAN_FONTS)"));
            return nullptr;
        }
        std::shared_ptr<const FontFace> shared = std::move(face);
        by_path[path] = shared;
        return shared;
    };
    for (const auto* list : {&config.primary, &config.fallback})
        for (const auto& path : *list) set->faces_.push_back(load_one(path));
    for (const auto& f : set->faces_)
        if (!f) return nullptr;
    return set;
}

std::shared_ptr<const FontSet> load_fonts(const std::string& path, Diagnostics& diags) {
    std::string file = path;
    if (file.empty()) {
        const char* env = std::getenv("ZELFSCAN_FONTS");
        if (env && *env) file = env;
    }
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const FontSet>> cache;
    std::lock_guard lock(mutex);
    if (auto it = cache.find(file); it != cache.end()) return it->second;

    FontConfig config = default_font_config();
    if (!file.empty()) {
        ReadResult r = read_file(file, limits::instrument_file);
        if (!r.ok()) {
            diags.error({file, 0, 0}, msg("cannot read font configuration: {}", r.error));
            return nullptr;
        }
        Diagnostics local;
        config = parse_font_config(r.data, file, local);
        diags.append(local);
        if (local.has_errors()) return nullptr;
    }
    auto set = FontSet::load(config, diags);
    if (set) cache[file] = set;
    return set;
}

} // namespace zs::layout
