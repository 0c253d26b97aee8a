// Both answer-file readers (the fast plain reader and the full TOML
// reader), and the choice between them with validation, against the
// example instrument. What the plain reader accepts the full reader must
// read the same: a difference is a bug, reported as a crash. The plain
// reader is only ever given text (valid UTF-8, no NUL, no control
// characters: parse_response checks that first), so only such input is
// held to it.
#include <cstdlib>

#include "answers/load_answers.hpp"
#include "harness.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const zs::Instrument& ins = zs::fuzz::example_instrument();
    auto text = zs::fuzz::bytes(data, size);
    zs::Diagnostics header_diags;
    (void)zs::read_answer_header(text, "fuzz.toml", header_diags);
    const bool is_text = !zs::check_text(text) && !zs::has_control_characters(text);
    auto plain = is_text ? zs::read_plain_answers(text, "fuzz.toml", ins) : std::nullopt;
    // A header the plain reader takes is toml++'s, with nothing to report.
    auto plain_header = is_text ? zs::read_plain_header(text, "fuzz.toml") : std::nullopt;
    if (plain_header) {
        zs::Diagnostics toml_diags;
        auto toml_header = zs::read_toml_header(text, "fuzz.toml", toml_diags);
        if (!toml_header || !toml_diags.empty() || toml_header->instrument != plain_header->instrument ||
            toml_header->version != plain_header->version || toml_header->where.line != plain_header->where.line ||
            toml_header->where.column != plain_header->where.column)
            std::abort();
    }
    if (plain && !plain_header) std::abort();
    zs::Diagnostics diags;
    auto full = zs::read_toml_answers(text, "fuzz.toml", ins, diags);
    if (plain && (!full || plain->answers.size() != full->answers.size())) std::abort();
    zs::Diagnostics checked;
    (void)zs::parse_response(text, "fuzz.toml", ins, checked);
    (void)zs::format(checked);
    return 0;
}
