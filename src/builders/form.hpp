// The fillable form (the paper scan with AcroForm fields) and reading filled
// forms back into responses. The reader is a library function so that
// `zelfscan import` and `zelfscan report` share it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "answers/response.hpp"
#include "builders/paper.hpp"
#include "model/instrument.hpp"
#include "pdf/acroform.hpp"
#include "pdf/render.hpp"
#include "util/diagnostics.hpp"

namespace zs {

// Lays out the paper scan and returns the finished PDF with form fields, or
// "" with errors in `diags`.
// `start`: fonts loaded ahead (pdf::preload_drawing), or none.
std::string build_form_pdf(const Instrument& ins, const PaperOptions& options, Diagnostics& diags,
                           std::shared_ptr<pdf::DrawingStart> start = {});

// Reads a filled form's fields (qpdf; the costly step, safe to run for
// several forms in parallel). Errors: not a PDF, damaged, encrypted, not a
// zelfscan form.
std::optional<pdf::FilledForm> read_form(std::string_view bytes, const std::string& path, Diagnostics& diags);

// Turns the fields of a filled form of `ins` into a response. A form of
// another instrument or version is an error naming both.
std::optional<Response> form_response(const pdf::FilledForm& form, const std::string& path, const Instrument& ins,
                                      Diagnostics& diags);

// Both steps at once.
std::optional<Response> read_form_response(std::string_view bytes, const std::string& path, const Instrument& ins,
                                           Diagnostics& diags);

} // namespace zs
