#include "util/diagnostics.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace zs {

void Diagnostics::error(SourceLocation where, Message message, Message hint) {
    add({Severity::error, std::move(where), message.str(), hint.str()});
}

void Diagnostics::warning(SourceLocation where, Message message, Message hint) {
    add({Severity::warning, std::move(where), message.str(), hint.str()});
}

Message did_you_mean(const std::string& match, Message otherwise) {
    if (match.empty()) return otherwise;
    return msg("did you mean '{}'?", match);
}

void Diagnostics::add(Severity severity, SourceLocation where, Message message, Message hint) {
    add({severity, std::move(where), message.str(), hint.str()});
}

void Diagnostics::add(Diagnostic d) {
    if (d.severity == Severity::error) ++errors_;
    items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_) add(d);
}

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.file, a.where.line, a.where.column) <
               std::tie(b.where.file, b.where.line, b.where.column);
    });
}

static std::string_view severity_name(Severity s) {
    switch (s) {
    case Severity::error: return translate("error");
    case Severity::warning: return translate("warning");
    case Severity::note: return translate("note");
    }
    return translate("error");
}

std::string format(const Diagnostic& d) {
    // A message about no file in particular (a command line problem) is
    // the program's own.
    std::string out = d.where.file.empty() ? std::string("zelfscan") : d.where.file;
    if (d.where.line > 0) {
        out += fmt::format(":{}", d.where.line);
        if (d.where.column > 0) out += fmt::format(":{}", d.where.column);
    }
    out += fmt::format(": {}: {}\n", severity_name(d.severity), d.message);
    if (!d.hint.empty()) out += fmt::format("  {}: {}\n", translate("hint"), d.hint);
    return out;
}

std::string format(const Diagnostics& ds) {
    std::string out;
    for (const auto& d : ds.all()) out += format(d);
    return out;
}

} // namespace zs
