// Builds a document with every block a builder can use (answer rows, note
// lines, field boxes, groups, charts, call-outs) and writes it as PDF: the
// reference for builders, and the page to look at when changing the style.
//   showcase OUT.pdf
#include <cstdio>

#include "document/markdown.hpp"
#include "document/palette.hpp"
#include "pdf/render.hpp"
#include "util/files.hpp"

using namespace zs;

namespace {

doc::Block question(int n, const std::string& text, std::vector<std::string> options) {
    doc::AnswerRow row;
    row.field = "v" + std::to_string(n);
    for (std::size_t i = 0; i < options.size(); ++i)
        row.options.push_back({std::to_string(i + 1), {doc::text(options[i])}});
    doc::Paragraph p;
    p.runs = {doc::text(std::to_string(n) + ". ", doc::bold), doc::text(text)};
    return doc::group({doc::block(p), doc::block(row)});
}

// A horizontal bar chart: one bar per domain, value labels in text.
doc::Block bar_chart(double width) {
    doc::Chart c;
    c.width = width;
    const std::vector<std::pair<std::string, double>> data{
        {"Beleid", 0.82}, {"Toegang", 0.55}, {"Bewustwording", 0.31}, {"Incidenten", 0.67}};
    const double label_w = 110, bar_h = 16, gap = 10, max_w = width - label_w - 50;
    c.height = static_cast<double>(data.size()) * (bar_h + gap) + 24;
    for (std::size_t i = 0; i < data.size(); ++i) {
        double y = static_cast<double>(i) * (bar_h + gap);
        c.shapes.push_back(doc::TextShape{{0, y + 12}, data[i].first, 9, false, palette::text, doc::Align::left});
        c.shapes.push_back(doc::RectShape{label_w, y, max_w, bar_h, {palette::zebra, {}}});
        c.shapes.push_back(doc::RectShape{label_w, y, max_w * data[i].second, bar_h,
                                          {palette::series(i), {}}});
        c.shapes.push_back(doc::TextShape{{label_w + max_w + 8, y + 12},
                                          std::to_string(static_cast<int>(data[i].second * 100)) + "%",
                                          9, true, palette::text, doc::Align::left});
    }
    double axis = static_cast<double>(data.size()) * (bar_h + gap);
    c.shapes.push_back(doc::LineShape{{label_w, axis}, {label_w + max_w, axis}, {palette::rule, 0.75, 0}});
    for (int t = 0; t <= 4; ++t) {
        double x = label_w + max_w * t / 4;
        c.shapes.push_back(doc::TextShape{{x, axis + 14}, std::to_string(t * 25) + "%", 7.5, false,
                                          palette::muted, doc::Align::center});
    }
    return doc::block(c);
}

// A donut with risk-band wedges and a legend.
doc::Block donut() {
    doc::Chart c;
    c.width = 300;
    c.height = 130;
    const std::vector<std::pair<std::string, double>> parts{
        {"Laag", 40}, {"Midden", 30}, {"Hoog", 20}, {"Zeer hoog", 10}};
    double at = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        double span = parts[i].second * 3.6;
        c.shapes.push_back(doc::ArcShape{{65, 65}, 60, at, at + span, true,
                                         {palette::risk[i], doc::Stroke{palette::white, 1.5, 0}}});
        at += span;
        double y = 20 + static_cast<double>(i) * 24;
        c.shapes.push_back(doc::RectShape{150, y, 12, 12, {palette::risk[i], {}}});
        c.shapes.push_back(doc::TextShape{{170, y + 10},
                                          parts[i].first + " (" +
                                              std::to_string(static_cast<int>(parts[i].second)) + "%)",
                                          9, false, palette::text, doc::Align::left});
    }
    c.shapes.push_back(doc::ArcShape{{65, 65}, 30, 0, 360, false, {palette::white, {}}});
    return doc::block(c);
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: showcase OUT.pdf\n");
        return 2;
    }
    Diagnostics diags;
    doc::Document d;
    d.info.title = "Zelfscan informatiebeveiliging";
    d.info.author = "zelfscan";
    d.info.instrument_id = "infobev";
    d.info.instrument_version = "1.0";
    d.info.page_mark = "zelfscan|{id}|{version}|{page}";
    d.blocks = doc::parse_markdown(
        "# Zelfscan informatiebeveiliging\n\n"
        "Beantwoord elke vraag voor uw eigen organisatie. Kruis per vraag één vakje aan; "
        "gebruik de lijnen voor een toelichting.\n\n"
        "> **Zo vult u de scan in.** Zet een duidelijk kruis in het vakje. Verkeerd "
        "aangekruist? Maak het vakje helemaal zwart en kruis een ander vakje aan.\n\n"
        "## Beleid en organisatie\n",
        {}, diags);
    d.blocks.push_back(doc::block(doc::FieldBox{"organisatie", {doc::text("Organisatie")}, 0, 0, 0, {}}));
    d.blocks.push_back(doc::block(doc::FieldBox{"datum", {doc::text("Datum")}, 160, 0, 0, {}}));
    d.blocks.push_back(question(1, "Is er een vastgesteld informatiebeveiligingsbeleid?",
                                {"Ja", "Gedeeltelijk", "Nee", "Weet ik niet"}));
    d.blocks.push_back(question(2,
                                "Weten medewerkers bij wie zij een beveiligingsincident of een "
                                "datalek moeten melden, ook buiten kantoortijden?",
                                {"Ja, iedereen weet het en het staat op intranet",
                                 "Alleen leidinggevenden en de functionaris gegevensbescherming",
                                 "Nee, dat is niet geregeld", "Weet ik niet"}));
    d.blocks.push_back(doc::paragraph({doc::text("Toelichting", doc::italic)}));
    d.blocks.push_back(doc::block(doc::NoteLines{"toelichting2", 3, 0}));
    for (int i = 3; i < 9; ++i)
        d.blocks.push_back(question(i, "Worden toegangsrechten minstens eens per jaar herzien?",
                                    {"Ja", "Nee", "Weet ik niet"}));
    d.blocks.push_back(doc::heading(2, "Resultaten per domein"));
    d.blocks.push_back(doc::paragraph("Het aandeel maatregelen dat volgens de respondenten is ingevoerd."));
    d.blocks.push_back(bar_chart(layout::text_width(d, {})));
    d.blocks.push_back(doc::heading(2, "Risico’s"));
    d.blocks.push_back(donut());

    std::string pdf = pdf::render_pdf(d, {}, diags);
    std::fputs(format(diags).c_str(), stderr);
    if (diags.has_errors()) return 1;
    std::string err = write_file_atomic(argv[1], pdf);
    if (!err.empty()) {
        std::fprintf(stderr, "%s: error: %s\n", argv[1], err.c_str());
        return 1;
    }
    return 0;
}
