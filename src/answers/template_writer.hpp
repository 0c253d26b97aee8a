// Writes a blank answer file for an instrument: every question in order,
// its text and options as comments in the chosen language, answers empty.
#pragma once

#include <string>
#include <string_view>

#include "answers/response.hpp"
#include "model/instrument.hpp"

namespace zs {

std::string write_answer_template(const Instrument& ins, std::string_view lang);

// Writes a response as an answer file (used by form import), with the
// question texts as comments like the template.
std::string write_answer_file(const Instrument& ins, const Response& r, std::string_view lang);

// A TOML basic string literal: "…" with escapes; multi-line text becomes a
// """…""" literal so notes stay readable.
std::string toml_quote(std::string_view s);

} // namespace zs
