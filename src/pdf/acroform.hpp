// Fillable forms: a finishing step that puts AcroForm fields over the
// writable areas layout reported (LayoutResult::fields), and a reader that
// gets the values back out of a filled form. Only pdf/ includes qpdf.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/finish.hpp"
#include "util/diagnostics.hpp"

namespace zs::pdf {

// What the form step needs to know beyond the rectangles.
struct FormSpec {
    std::string instrument_id, instrument_version;
    std::map<std::string, std::string> tooltips; // field name -> text for screen readers (/TU)
    std::map<std::string, bool> numbers;         // field names that take a number
};

// The name of the read-only field that carries "id@version".
inline constexpr const char* instrument_field = "zelfscan.instrument";

// Radio groups for one-choice answer rows (state names = option ids),
// check boxes named "<field>:<option>" for multiple choice, multi-line text
// fields for note lines, single-line text fields for boxes; appearance
// streams for every state; tab order = order of the fields in the document.
FinishStep acroform_step(FormSpec spec);

// One field's value as filled in.
struct FieldValue {
    std::string name;
    std::string value; // text, or the chosen state name ("" = off/empty)
    bool is_choice = false;
};

struct FilledForm {
    std::string instrument_id, instrument_version; // from the read-only field or metadata
    std::vector<FieldValue> fields;                // in document order
};

// Reads a filled form. Errors (not a PDF, damaged, encrypted, no zelfscan
// fields) go to `diags` at `path`, and nullopt is returned.
std::optional<FilledForm> read_filled_form(std::string_view bytes, const std::string& path, Diagnostics& diags);

} // namespace zs::pdf
