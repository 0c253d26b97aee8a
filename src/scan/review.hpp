// The review document: everything a person must look at after a scan, each
// with the crop of the page, what was read and why it is uncertain, so the
// coordinator can correct the answer file.
#pragma once

#include <functional>
#include <string>

#include "document/document.hpp"
#include "scan/scan.hpp"

namespace zs::scan {

// `save_image` stores a crop as a PNG file and returns its path (the
// document refers to images by path); "" when it could not.
doc::Document build_review(const ScanResult& result, const std::string& lang,
                           const std::function<std::string(const GrayImage&)>& save_image);

// The answer file's name for a sheet: "<instrument>-<sheet>.toml".
std::string answer_file_name(const SheetResult& sheet);

// The comment lines the answer file starts with: where it was read from,
// and what is to be checked ("# Nakijken: D1.2: ...").
std::string answer_file_header(const SheetResult& sheet, const std::string& lang, const std::string& review_path);

} // namespace zs::scan
