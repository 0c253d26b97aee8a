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
    zs::Diagnostics diags;
    auto full = zs::read_toml_answers(text, "fuzz.toml", ins, diags);
    if (plain && (!full || plain->answers.size() != full->answers.size())) std::abort();
    zs::Diagnostics checked;
    (void)zs::parse_response(text, "fuzz.toml", ins, checked);
    (void)zs::format(checked);
    return 0;
}
