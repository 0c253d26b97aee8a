// Writes a blank answer file for an instrument: every question in order,
// its text and options as comments in the chosen language, answers empty.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

// The fixed text of an answer file, for writers elsewhere (the HTML form's
// script) that must give the same bytes as write_answer_file: the comment
// lines before the first key, the comment after each [respondent] key
// (code, role, organisation, unit, date, participants), and in file order
// every section line (question empty) and question comment.
struct AnswerFileSkeleton {
    struct Item {
        std::string question; // empty for a section line
        std::string text;
    };
    std::string intro;
    std::vector<std::pair<std::string, std::string>> fields;
    std::vector<Item> items;
};
AnswerFileSkeleton answer_file_skeleton(const Instrument& ins, std::string_view lang);

} // namespace zs
