// Tagged PDF (PDF/UA-1) in the finishing pass; internal to pdf/.
#pragma once

#include <string>

#include "document/document.hpp"
#include "layout/layout.hpp"

class QPDF;

namespace zs::pdf {

// True where item k of the page starts a new marked-content run (its
// structure node differs from the previous item's). Drawing writes a
// separator there; add_structure turns the separators into BDC/EMC.
bool starts_run(const layout::Page& page, std::size_t k);

// The structure tree from layout's nodes and the pages' runs: marked
// content in every page, StructParents, ParentTree, /MarkInfo, links and
// widgets as object references, /Tabs /S. Runs after every other step.
void add_structure(QPDF& q, const layout::LayoutResult& layout);

// XMP metadata matching the document information dictionary, with the
// PDF/UA-1 identifier.
void add_xmp(QPDF& q, const doc::DocumentInfo& info, long long epoch, const std::string& creator,
             const std::string& producer);

} // namespace zs::pdf
