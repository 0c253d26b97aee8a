// The limits zelfscan holds every input to, in one place (docs/limits.md
// lists them for users). Each is checked at the boundary, in the reader,
// before a library is handed the input, so that no input, however made,
// costs more than bounded work and memory. None is a timeout.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace zs::limits {

constexpr std::size_t MiB = 1024 * 1024;

// The largest file of each kind read; a larger one is rejected before it is read.
struct FileLimit {
    std::size_t bytes;
    std::string_view what_en; // "an instrument file", for the message
    std::string_view what_nl;
};
constexpr FileLimit instrument_file{8 * MiB, "an instrument file", "een instrumentbestand"};
constexpr FileLimit answer_file{2 * MiB, "an answer file", "een antwoordbestand"};
constexpr FileLimit template_file{2 * MiB, "a report template", "een rapportsjabloon"};
constexpr FileLimit markdown_file{8 * MiB, "a Markdown file", "een Markdown-bestand"};
constexpr FileLimit form_file{64 * MiB, "a PDF form", "een PDF-formulier"};
constexpr FileLimit image_file{16 * MiB, "an image", "een afbeelding"};
constexpr FileLimit plan_file{8 * MiB, "a plan file", "een planbestand"};
// A round's figures (score --json): per question and group, not per respondent.
constexpr FileLimit round_file{64 * MiB, "a round file (score --json)", "een rondebestand (score --json)"};
constexpr FileLimit font_file{32 * MiB, "a font file", "een lettertypebestand"};
constexpr FileLimit scan_file{512 * MiB, "a scan file", "een scanbestand"};
// What read_file takes when the caller names no kind: the largest above.
constexpr FileLimit any_file{512 * MiB, "an input file", "een invoerbestand"};

// Nesting: tables in tables, arrays in arrays, dotted key parts, all
// counted together (TOML), and lists, quotes and emphasis in one another
// (Markdown), and sections in sections (templates).
constexpr int toml_depth = 32;
constexpr int markdown_depth = 32;
constexpr int template_depth = 32;

// Counts in an instrument.
constexpr std::size_t questions = 5000;
constexpr std::size_t options_per_scale = 100;
// Answer files (and forms) one command reads.
constexpr std::size_t answer_files = 100000;
// A note, evidence or reason, and an open answer, in characters (code points).
constexpr std::size_t note_chars = 20000;

// Images (logos), from the header before anything is decoded.
constexpr std::uint32_t image_side = 10000;        // pixels per side
constexpr std::uint64_t image_pixels = 16000000;   // 16 megapixels

// Filled forms on import: objects in the file and the bytes its object
// streams inflate to, all together.
constexpr std::size_t pdf_objects = 500000;
constexpr std::size_t pdf_inflated_bytes = 256 * MiB;

} // namespace zs::limits
