// The paper scan: an instrument laid out as a document to print and fill in
// with a pen. The fillable form is the same document with widgets on the
// field rectangles layout reports, so both stay one layout.
#pragma once

#include <string>
#include <vector>

#include "document/document.hpp"
#include "model/instrument.hpp"
#include "util/diagnostics.hpp"

namespace zs {

struct PaperOptions {
    std::string lang = "nl";
    doc::Paper paper = doc::Paper::a4;
    std::string logo; // optional PNG/JPEG for the cover
    bool form = false; // true: wording for filling in on screen
    // Numbered copies: one copy of every page per sheet id (sheet_id()).
    std::vector<std::string> sheets;
};

// Field names the paper scan gives its writable areas (and the form its
// widgets): the question id for the answer, "<id>.note" for notes and
// "<id>.evidence" for evidence; the respondent block uses "respondent.*".
std::string note_field(const std::string& question);
std::string evidence_field(const std::string& question);
std::string reason_field(const std::string& question);
// The "weet ik niet" box beside a number question's box (option "weet-niet").
std::string dont_know_field(const std::string& question);
// The printed and encoded id of copy `number` (1-based): "0007".
std::string sheet_id(int number);

doc::Document build_paper(const Instrument& ins, const PaperOptions& options, Diagnostics& diags);

} // namespace zs
