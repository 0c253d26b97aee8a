// The municipality's overview (cycle/monitor.hpp) as a document, in the
// report's house style, for the PDF and HTML backends.
#pragma once

#include <string>

#include "cycle/monitor.hpp"
#include "document/document.hpp"

namespace zs {

struct OverviewOptions {
    std::string lang = "nl";
    std::string title; // "" = "Overzicht zelfscan"
    doc::Paper paper = doc::Paper::a4;
    double text_width = 455;
};

doc::Document build_overview_document(const cycle::Overview& o, const OverviewOptions& opt);

} // namespace zs
