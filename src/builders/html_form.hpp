// The browser form: an instrument as one self-contained HTML file that works
// offline from file:// in any current browser and on a phone. It shows the
// introduction, the respondent block and every question with its help,
// options, evidence and note fields; hides conditional questions whose gate
// rules them out; checks answers with the rules `zelfscan check` applies;
// keeps what was typed in the browser's local storage; and saves an answer
// file with the same bytes `zelfscan import` writes for a PDF form with the
// same answers (the fixed text comes from answer_file_skeleton).
//
// A Content-Security-Policy with hashes of the one inline script and style
// forbids every network request; docs/html-form.md has the details.
#pragma once

#include <string>

#include "model/instrument.hpp"
#include "util/diagnostics.hpp"

namespace zs {

struct HtmlFormOptions {
    std::string lang = "nl";
};

// The HTML file, or "" with errors in `diags`.
std::string build_html_form(const Instrument& ins, const HtmlFormOptions& options, Diagnostics& diags);

} // namespace zs
