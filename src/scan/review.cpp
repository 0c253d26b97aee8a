#include "scan/review.hpp"

#include <fmt/format.h>

#include "document/palette.hpp"
#include "util/i18n.hpp"

namespace zs::scan {

namespace {

using Kind = ReviewItem::Kind;

const char* kind_name(Kind k, const char* l) {
    switch (k) {
    case Kind::uncertain: return tr(l, "Onzeker vakje", "Uncertain box");
    case Kind::double_tick: return tr(l, "Twee kruisjes", "Two ticks");
    case Kind::number: return tr(l, "Getal met de hand", "Handwritten number");
    case Kind::text: return tr(l, "Open antwoord met de hand", "Handwritten open answer");
    case Kind::note: return tr(l, "Handgeschreven toelichting", "Handwritten note");
    case Kind::respondent: return tr(l, "Gegevens invuller", "Respondent details");
    case Kind::skipped: return tr(l, "Beantwoord maar overgeslagen", "Answered but skipped");
    case Kind::unreadable: return tr(l, "Onleesbare pagina", "Unreadable page");
    case Kind::foreign: return tr(l, "Vreemde pagina", "Foreign page");
    case Kind::layout: return tr(l, "Andere opmaak", "Different layout");
    case Kind::duplicate: return tr(l, "Dubbele pagina", "Duplicate page");
    case Kind::missing: return tr(l, "Ontbrekende pagina", "Missing page");
    }
    return "";
}

doc::Block muted(std::string text) {
    doc::Paragraph p;
    p.runs.push_back(doc::text(std::move(text)));
    p.size = 9;
    p.color = palette::muted;
    return doc::block(std::move(p));
}

} // namespace

std::string answer_file_name(const SheetResult& sheet) {
    return fmt::format("{}-{}.toml", sheet.instrument->id, sheet.sheet);
}

std::string answer_file_header(const SheetResult& sheet, const std::string& lang, const std::string& review_path) {
    const char* l = lang.c_str();
    std::string out = fmt::format("# {} {} ({} {} {} {}).\n", tr(l, "Van papier gelezen door zelfscan scan: vel", "Read from paper by zelfscan scan: sheet"),
                                  sheet.sheet, sheet.pages_found, tr(l, "van de", "of"), sheet.pages_expected,
                                  tr(l, "pagina’s", "pages"));
    if (sheet.checks.empty() && sheet.handwriting.empty()) {
        out += fmt::format("# {}\n", tr(l, "Niets na te kijken.", "Nothing to check."));
    } else {
        out += fmt::format("# {} {}; {}\n", tr(l, "Na te kijken in", "To check in"), review_path,
                           tr(l, "onzekere antwoorden zijn leeg gelaten.", "uncertain answers are left empty."));
    }
    for (const auto& r : sheet.checks) out += fmt::format("# {}: {}\n", tr(l, "Nakijken", "Check"), r);
    for (const auto& r : sheet.handwriting) out += fmt::format("# {}: {}\n", tr(l, "Handschrift", "Handwriting"), r);
    for (const auto& r : sheet.facts) out += fmt::format("# {}: {}\n", tr(l, "Gelezen", "Read"), r);
    return out + "\n";
}

doc::Document build_review(const ScanResult& result, const std::string& lang,
                           const std::function<std::string(const GrayImage&)>& save_image) {
    const char* l = lang.c_str();
    doc::Document d;
    d.info.title = tr(l, "Nakijken na het scannen", "Review after scanning");
    d.info.subject = tr(l, "Wat zelfscan niet zeker kon lezen", "What zelfscan could not read for certain");
    d.info.lang = lang;
    d.info.footer = tr(l, "zelfscan scan · nakijken", "zelfscan scan · review");
    d.blocks.push_back(doc::heading(1, d.info.title));
    const ScanCounts& c = result.counts;
    d.blocks.push_back(doc::paragraph(fmt::format(
        "{} {} {} {}, {} {}, {} {}. {} {}. {} {} {} {}.", c.pages, tr(l, "pagina’s gescand:", "pages scanned:"), c.read,
        tr(l, "gelezen", "read"), c.blank, tr(l, "leeg", "blank"), c.not_read, tr(l, "niet gelezen", "not read"),
        result.sheets.size(), tr(l, "vellen (antwoordbestanden)", "sheets (answer files)"), c.boxes,
        tr(l, "vakjes gemeten, waarvan", "boxes measured, of which"), c.boxes_to_review,
        tr(l, "in vragen om na te kijken", "in questions to check"))));
    if (result.review.empty()) {
        d.blocks.push_back(doc::paragraph(tr(l, "Er is niets na te kijken: elk antwoord is zeker gelezen.",
                                             "There is nothing to check: every answer was read for certain.")));
        return d;
    }
    d.blocks.push_back(doc::paragraph(
        tr(l, "Hieronder staat alles wat zelfscan niet zeker kon lezen. Zo’n antwoord is leeg gelaten in het antwoordbestand van het vel. Kijk naar de uitsnede, en zet het goede antwoord in dat bestand. Handgeschreven tekst leest zelfscan niet: die staat hier als afbeelding.",
           "Below is everything zelfscan could not read for certain. Such an answer is left empty in the sheet’s answer file. Look at the crop and put the right answer into that file. zelfscan does not read handwriting: it is shown here as a picture.")));
    int n = 0;
    for (const auto& it : result.review) {
        ++n;
        doc::Blocks g;
        std::string title = fmt::format("{}. {}", n, kind_name(it.kind, l));
        if (!it.sheet.empty()) title += fmt::format(" · {} {}", tr(l, "vel", "sheet"), it.sheet);
        if (!it.question.empty()) title += fmt::format(" · {}", it.question);
        g.push_back(doc::heading(3, title));
        std::string where;
        if (!it.instrument.empty()) where += it.instrument;
        if (it.sheet_page > 0) where += fmt::format("{}{} {}", where.empty() ? "" : ", ", tr(l, "pagina", "page"), it.sheet_page);
        if (!it.file.empty()) where += fmt::format("{}{} {}, {} {}", where.empty() ? "" : "; ", tr(l, "scan", "scan"), it.file,
                                                   tr(l, "pagina", "page"), it.file_page);
        if (!where.empty()) g.push_back(muted(where));
        g.push_back(doc::paragraph(doc::Inlines{doc::text(tr(l, "Gelezen: ", "Read: "), doc::bold), doc::text(it.read)}));
        g.push_back(doc::paragraph(doc::Inlines{doc::text(tr(l, "Waarom nakijken: ", "Why check: "), doc::bold), doc::text(it.why)}));
        if (it.crop.width > 0 && it.crop.height > 0) {
            std::string path = save_image(it.crop);
            if (!path.empty()) {
                doc::Image img;
                img.path = path;
                // At the printed size (the layout shrinks what is wider
                // than the column).
                img.width = it.crop_width > 0 ? it.crop_width : 200;
                img.alt = tr(l, "Uitsnede van de scan", "Crop of the scan");
                g.push_back(doc::block(std::move(img)));
            }
        }
        d.blocks.push_back(doc::group(std::move(g)));
    }
    return d;
}

} // namespace zs::scan
