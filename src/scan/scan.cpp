#include "scan/scan.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "answers/load_answers.hpp"
#include "builders/paper.hpp"
#include "layout/layout.hpp"
#include "scan/registration.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace zs::scan {

namespace {

using Kind = ReviewItem::Kind;

// The QR payload of a printed page (docs/paper-scan.md):
// ZS1|instrument|version|lang|paper|sheet|page/pages|check
struct PageMark {
    std::string instrument, version, lang, paper, sheet, check;
    int page = 0, pages = 0;
};

std::optional<PageMark> parse_mark(const std::string& payload) {
    std::vector<std::string> parts;
    std::size_t at = 0;
    while (true) {
        std::size_t bar = payload.find('|', at);
        parts.push_back(payload.substr(at, bar == std::string::npos ? std::string::npos : bar - at));
        if (bar == std::string::npos) break;
        at = bar + 1;
    }
    if (parts.size() != 8 || parts[0] != "ZS1") return std::nullopt;
    PageMark m{parts[1], parts[2], parts[3], parts[4], parts[5], parts[7], 0, 0};
    auto slash = parts[6].find('/');
    if (slash == std::string::npos) return std::nullopt;
    try {
        m.page = std::stoi(parts[6].substr(0, slash));
        m.pages = std::stoi(parts[6].substr(slash + 1));
    } catch (...) {
        return std::nullopt;
    }
    if (m.page < 1 || m.pages < m.page || m.pages > 10000) return std::nullopt;
    if (m.lang != "nl" && m.lang != "en") return std::nullopt;
    if (m.paper != "a4" && m.paper != "letter") return std::nullopt;
    return m;
}

// Where the boxes of a printed scan are: its layout, recomputed from the
// instrument exactly as `zelfscan paper` laid it out.
struct PrintedLayout {
    layout::PageSize size;
    int pages = 0;
    std::vector<std::vector<layout::FieldRect>> fields; // by page
    std::vector<std::string> checks;                    // by page
    double left = 0, right = 0;                         // the text column
};

std::shared_ptr<const PrintedLayout> lay_out(const Instrument& ins, const std::string& lang, const std::string& paper) {
    PaperOptions po;
    po.lang = lang;
    po.paper = paper == "letter" ? doc::Paper::letter : doc::Paper::a4;
    Diagnostics ignored;
    doc::Document d = build_paper(ins, po, ignored);
    layout::LayoutOptions lo;
    auto laid = layout::layout_document(d, lo, ignored);
    auto out = std::make_shared<PrintedLayout>();
    out->size = laid.size;
    out->pages = static_cast<int>(laid.pages.size());
    out->fields.resize(laid.pages.size());
    for (const auto& f : laid.fields)
        if (f.page >= 0 && f.page < out->pages) out->fields[static_cast<std::size_t>(f.page)].push_back(f);
    for (int p = 0; p < out->pages; ++p) out->checks.push_back(layout::field_checksum(laid.fields, p));
    out->left = lo.margins.left;
    out->right = laid.size.width - lo.margins.right;
    return out;
}

// What one page gave: answers of the questions on it, and review items.
struct PageResult {
    std::size_t order = 0;
    bool blank = false;
    std::string key; // instrument|version|lang|paper, "" when not read
    const Instrument* instrument = nullptr;
    PageMark mark;
    std::string file;
    int file_page = 0;
    std::map<std::string, Answer> answers;
    std::string role;
    std::vector<ReviewItem> review;
    std::vector<std::string> checks, handwriting, facts;
    std::set<std::string> reviewed; // questions sent to review
    long boxes = 0, boxes_to_review = 0, questions = 0;
    GrayImage thumbnail;
};

GrayImage thumbnail(const GrayImage& img, int factor) {
    GrayImage t;
    t.width = img.width / factor;
    t.height = img.height / factor;
    t.pixels.resize(static_cast<std::size_t>(t.width) * static_cast<std::size_t>(t.height));
    for (int y = 0; y < t.height; ++y)
        for (int x = 0; x < t.width; ++x) {
            int sum = 0;
            for (int dy = 0; dy < factor; ++dy)
                for (int dx = 0; dx < factor; ++dx) sum += img.at(x * factor + dx, y * factor + dy);
            t.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(t.width) + static_cast<std::size_t>(x)] =
                static_cast<std::uint8_t>(sum / (factor * factor));
        }
    return t;
}

bool looks_blank(const GrayImage& img) {
    long dark = 0, total = 0;
    for (int y = 2; y < img.height - 2; y += 3)
        for (int x = 2; x < img.width - 2; x += 3) {
            ++total;
            if (img.at(x, y) < 128 && img.at(x + 1, y) < 128 && img.at(x, y + 1) < 128) ++dark;
        }
    return total == 0 || static_cast<double>(dark) / static_cast<double>(total) < 0.002;
}

} // namespace

struct Scanner::State {
    InstrumentSource instruments;
    ScanOptions options;
    std::mutex mutex; // guards the caches and `pages`
    std::map<std::string, std::shared_ptr<const PrintedLayout>> layouts;
    std::map<std::string, const Instrument*> found;
    std::map<std::string, std::string> not_found;
    std::vector<PageResult> pages;

    const char* l() const { return options.lang.c_str(); }

    std::string percent(double v) const { return fmt::format("{:.0f} %", v * 100); }

    const Instrument* instrument(const PageMark& m, std::string& why) {
        std::lock_guard lock(mutex);
        std::string key = m.instrument + "|" + m.version;
        if (auto it = found.find(key); it != found.end()) return it->second;
        if (auto it = not_found.find(key); it != not_found.end()) {
            why = it->second;
            return nullptr;
        }
        const Instrument* ins = instruments(m.instrument, m.version, why);
        if (ins) found[key] = ins;
        else not_found[key] = why;
        return ins;
    }

    std::shared_ptr<const PrintedLayout> layout_for(const Instrument& ins, const PageMark& m) {
        std::string key = m.instrument + "|" + m.version + "|" + m.lang + "|" + m.paper;
        {
            std::lock_guard lock(mutex);
            if (auto it = layouts.find(key); it != layouts.end()) return it->second;
        }
        auto laid = lay_out(ins, m.lang, m.paper);
        std::lock_guard lock(mutex);
        return layouts.emplace(key, laid).first->second;
    }

    ReviewItem item(const PageResult& p, Kind kind, std::string question, std::string read, std::string why) const {
        ReviewItem r;
        r.kind = kind;
        r.instrument = p.mark.instrument;
        r.sheet = p.mark.sheet;
        r.sheet_page = p.mark.page;
        r.file = p.file;
        r.file_page = p.file_page;
        r.question = std::move(question);
        r.read = std::move(read);
        r.why = std::move(why);
        return r;
    }

    std::string option_label(const Instrument& ins, const Question* q, const std::string& option) const {
        if (q)
            if (const Scale* s = ins.find_scale(q->scale))
                if (const Option* o = s->find(option)) return o->label.get(options.lang);
        for (const auto& r : ins.roles)
            if (r.id == option) return r.label.get(options.lang);
        if (option == "weet-niet") return tr(l(), "Weet ik niet", "Don’t know");
        return option;
    }

    void read_page(ScannedPage&& sp, PageResult& p);
};

Scanner::Scanner(InstrumentSource instruments, ScanOptions options) : state_(std::make_unique<State>()) {
    state_->instruments = std::move(instruments);
    state_->options = std::move(options);
}
Scanner::~Scanner() = default;

void Scanner::add(ScannedPage page, std::size_t order) {
    PageResult p;
    p.order = order;
    p.file = page.file;
    p.file_page = page.page;
    state_->read_page(std::move(page), p);
    std::lock_guard lock(state_->mutex);
    state_->pages.push_back(std::move(p));
}

void Scanner::State::read_page(ScannedPage&& sp, PageResult& p) {
    const GrayImage& img = sp.image;
    const char* L = l();
    auto page_item = [&](Kind kind, std::string read, std::string why) {
        ReviewItem r = item(p, kind, "", std::move(read), std::move(why));
        r.crop = thumbnail(img, std::max(1, img.width / 500));
        r.crop_width = 200;
        p.review.push_back(std::move(r));
    };
    // The QR code sits bottom right, or top left on a page upside down;
    // looking there first is much faster than searching the whole page.
    int qw = img.width * 2 / 5, qh = img.height / 4;
    std::vector<QrSymbol> codes = decode_qr(img, img.width - qw, img.height - qh, qw, qh);
    if (codes.empty()) codes = decode_qr(img, 0, 0, qw, qh);
    if (codes.empty()) codes = decode_qr(img);
    std::optional<PageMark> mark;
    const QrSymbol* code = nullptr;
    for (const auto& c : codes)
        if ((mark = parse_mark(c.payload))) {
            code = &c;
            break;
        }
    if (!mark) {
        if (codes.empty() && looks_blank(img)) {
            p.blank = true;
            return;
        }
        if (!codes.empty())
            page_item(Kind::foreign, fmt::format("{}: {}", tr(L, "QR-code", "QR code"), codes.front().payload),
                      tr(L, "Dit is geen pagina van een zelfscan op papier.", "This is not a page of a zelfscan paper scan."));
        else
            page_item(Kind::unreadable, tr(L, "Geen QR-code gevonden.", "No QR code found."),
                      tr(L, "De pagina is niet te lezen. Scan haar opnieuw, of zet de antwoorden er met de hand in.",
                         "The page cannot be read. Scan it again, or type its answers in by hand."));
        return;
    }
    p.mark = *mark;
    std::string why;
    const Instrument* ins = instrument(*mark, why);
    if (!ins) {
        page_item(Kind::foreign, fmt::format("{} {}, {} {}", mark->instrument, mark->version, tr(L, "pagina", "page"), mark->page),
                  why);
        return;
    }
    auto laid = layout_for(*ins, *mark);
    if (laid->pages != mark->pages || mark->page > laid->pages ||
        laid->checks[static_cast<std::size_t>(mark->page - 1)] != mark->check) {
        page_item(Kind::layout, fmt::format("{} {}, {} {}", mark->instrument, mark->version, tr(L, "pagina", "page"), mark->page),
                  tr(L, "Deze pagina is anders opgemaakt dan zelfscan haar nu opmaakt (met een logo, andere lettertypen of een andere versie van zelfscan?). Zet de antwoorden er met de hand in.",
                     "This page is laid out differently from how zelfscan lays it out now (with a logo, other fonts or another zelfscan version?). Type its answers in by hand."));
        return;
    }
    const bool upside_down = code->y < img.height / 2.0;
    Registration reg = register_page(img, laid->size.width, laid->size.height, upside_down);
    if (!reg.transform) {
        page_item(Kind::unreadable,
                  fmt::format("{} {}, {} {}", mark->instrument, mark->sheet, tr(L, "pagina", "page"), mark->page),
                  fmt::format("{} ({})", tr(L, "De hoekmarkeringen zijn niet te vinden.", "The corner marks cannot be found."),
                              reg.problem));
        return;
    }
    const Transform& t = *reg.transform;
    p.key = mark->instrument + "|" + mark->version + "|" + mark->lang + "|" + mark->paper;
    p.instrument = ins;
    p.thumbnail = thumbnail(img, std::max(1, img.width / 300)); // for a duplicate page

    // The fields of this page, by name.
    std::map<std::string, std::vector<const layout::FieldRect*>> by_name;
    std::vector<std::string> names;
    for (const auto& f : laid->fields[static_cast<std::size_t>(mark->page - 1)]) {
        if (!by_name.count(f.name)) names.push_back(f.name);
        by_name[f.name].push_back(&f);
    }
    auto row_area = [&](const std::vector<const layout::FieldRect*>& rects) {
        double y0 = 1e18, y1 = -1e18;
        for (const auto* f : rects) y0 = std::min(y0, f->y), y1 = std::max(y1, f->y + f->h);
        return Area{laid->left - 4, y0 - 5, laid->right - laid->left + 8, y1 - y0 + 10};
    };
    auto area_of = [&](const layout::FieldRect* f) { return Area{f->x - 3, f->y - 3, f->w + 6, f->h + 6}; };
    auto to_review = [&](Kind kind, const std::string& question, Area a, std::string read, std::string whyt) {
        ReviewItem r = item(p, kind, question, std::move(read), std::move(whyt));
        r.crop = crop(img, t, a);
        r.crop_width = a.w;
        p.review.push_back(std::move(r));
    };

    // Tick boxes of one field: the options ticked, or nullopt when a person
    // must look (then listed for review).
    auto tick_boxes = [&](const std::string& field, const Question* q, bool one,
                          const std::string& shown) -> std::optional<std::vector<std::string>> {
        const auto& rects = by_name[field];
        std::vector<std::string> ticked, filled, unsure;
        for (const auto* f : rects) {
            BoxReading b = read_box(img, t, Area{f->x, f->y, f->w, f->h}, options.thresholds);
            ++p.boxes;
            if (b.state == BoxState::ticked) ticked.push_back(f->option);
            else if (b.state == BoxState::filled) filled.push_back(f->option);
            else if (b.state == BoxState::uncertain)
                unsure.push_back(fmt::format("‘{}’ ({} {})", option_label(*ins, q, f->option), percent(b.inside),
                                             tr(L, "inkt", "ink")));
        }
        auto labels = [&](const std::vector<std::string>& ids) {
            std::vector<std::string> out;
            for (const auto& id : ids) out.push_back(fmt::format("‘{}’", option_label(*ins, q, id)));
            return out.empty() ? std::string(tr(L, "niets", "nothing")) : fmt::format("{}", fmt::join(out, ", "));
        };
        std::string read = fmt::format("{}: {}", tr(L, "Aangekruist", "Ticked"), labels(ticked));
        if (!filled.empty()) read += fmt::format("; {}: {}", tr(L, "zwart gemaakt (doorgehaald)", "filled in (cancelled)"), labels(filled));
        if (!unsure.empty() || (one && ticked.size() > 1)) {
            p.boxes_to_review += static_cast<long>(rects.size());
            p.reviewed.insert(shown);
            if (!unsure.empty())
                to_review(Kind::uncertain, shown, row_area(rects),
                          fmt::format("{}; {}: {}", read, tr(L, "onzeker", "uncertain"), fmt::join(unsure, ", ")),
                          tr(L, "Een vakje is niet duidelijk leeg, aangekruist of zwart gemaakt. Het antwoord is leeg gelaten.",
                             "A box is not clearly empty, ticked or filled in. The answer is left empty."));
            else
                to_review(Kind::double_tick, shown, row_area(rects), read,
                          tr(L, "Er is meer dan één vakje aangekruist, waar één antwoord hoort. Het antwoord is leeg gelaten.",
                             "More than one box is ticked where one answer belongs. The answer is left empty."));
            p.checks.push_back(fmt::format("{}: {}", shown, p.review.back().why));
            return std::nullopt;
        }
        if (!filled.empty() && ticked.empty())
            p.facts.push_back(fmt::format("{}: {}", shown, tr(L, "alle kruisjes zijn doorgehaald; geen antwoord.",
                                                                  "every tick is cancelled; no answer.")));
        return ticked;
    };
    auto handwriting = [&](const layout::FieldRect* f, bool boxed) {
        std::vector<double> rules;
        if (!boxed) {
            // Ruled 7 mm apart (evidence, notes) or 8 mm (open answers): the
            // pitch the area's height is a whole multiple of.
            auto off = [&](double st) { return std::abs(f->h / st - std::round(f->h / st)); };
            const double seven = 7 * 72 / 25.4, eight = 8 * 72 / 25.4;
            double step = off(seven) < off(eight) ? seven : eight;
            for (double y = f->y + f->h; y > f->y - 0.5; y -= step) rules.push_back(y);
            rules.push_back(f->y);
        }
        return read_writing(img, t, Area{f->x, f->y, f->w, f->h}, rules, boxed);
    };

    for (const auto& name : names) {
        const auto& rects = by_name[name];
        if (name == "respondent.role") {
            if (auto got = tick_boxes(name, nullptr, true, name); got && got->size() == 1) p.role = got->front();
            continue;
        }
        if (name.rfind("respondent.", 0) == 0) {
            auto w = handwriting(rects.front(), true);
            if (w.written || w.maybe)
                to_review(Kind::respondent, name, area_of(rects.front()),
                          tr(L, "Handgeschreven gegevens over de invuller.", "Handwritten details about the respondent."),
                          tr(L, "Typ ze over in [respondent] van het antwoordbestand als u ze nodig hebt.",
                             "Type them into [respondent] of the answer file if you need them."));
            continue;
        }
        const Question* q = ins->find_question(name);
        auto suffix = [&](std::string_view s) {
            return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0 ? name.substr(0, name.size() - s.size())
                                                                                                   : std::string();
        };
        if (q && (q->kind == QuestionKind::choice || q->kind == QuestionKind::multi)) {
            ++p.questions;
            auto got = tick_boxes(name, q, q->kind == QuestionKind::choice, name);
            if (got && !got->empty()) {
                Answer& a = p.answers[name];
                a.question = name;
                a.options = *got;
            }
            continue;
        }
        if (q && q->kind == QuestionKind::number) {
            ++p.questions;
            auto w = handwriting(rects.front(), true);
            std::optional<std::vector<std::string>> dk = std::vector<std::string>{};
            if (by_name.count(dont_know_field(name))) dk = tick_boxes(dont_know_field(name), q, true, name);
            if (!dk) continue; // listed already
            if (w.written || w.maybe) {
                p.reviewed.insert(name);
                to_review(Kind::number, name, row_area(rects),
                          dk->empty() ? std::string(tr(L, "Een getal is opgeschreven.", "A number is written."))
                                      : std::string(tr(L, "Een getal is opgeschreven én ‘Weet ik niet’ aangekruist.",
                                                       "A number is written and ‘Don’t know’ is ticked.")),
                          tr(L, "Handschrift leest zelfscan niet. Typ het getal in het antwoordbestand.",
                             "zelfscan does not read handwriting. Type the number into the answer file."));
                p.checks.push_back(fmt::format("{}: {}", name, tr(L, "getal opgeschreven; typ het over.", "a number is written; type it in.")));
            } else if (!dk->empty()) {
                p.facts.push_back(fmt::format("{}: {}", name, tr(L, "‘Weet ik niet’ aangekruist.", "‘Don’t know’ ticked.")));
            }
            continue;
        }
        if (q && q->kind == QuestionKind::text) {
            ++p.questions;
            auto w = handwriting(rects.front(), false);
            if (w.written || w.maybe) {
                p.reviewed.insert(name);
                to_review(Kind::text, name, area_of(rects.front()),
                          w.written ? tr(L, "Een antwoord is opgeschreven.", "An answer is written.")
                                    : tr(L, "Misschien iets opgeschreven (weinig inkt).", "Perhaps something written (little ink)."),
                          tr(L, "Handschrift leest zelfscan niet. Typ het antwoord in het antwoordbestand.",
                             "zelfscan does not read handwriting. Type the answer into the answer file."));
                p.checks.push_back(fmt::format("{}: {}", name, tr(L, "antwoord opgeschreven; typ het over.", "an answer is written; type it in.")));
            }
            continue;
        }
        std::string of = suffix(".note");
        bool evidence = false;
        if (of.empty()) of = suffix(".evidence"), evidence = true;
        if (!of.empty() && ins->find_question(of)) {
            auto w = handwriting(rects.front(), false);
            if (w.written || w.maybe) {
                const char* what = evidence ? tr(L, "Bewijs", "Evidence") : tr(L, "Toelichting", "Note");
                to_review(Kind::note, of, area_of(rects.front()),
                          fmt::format("{}: {}", what,
                                      w.written ? tr(L, "opgeschreven.", "written.") : tr(L, "misschien iets (weinig inkt).", "perhaps something (little ink).")),
                          tr(L, "Handgeschreven tekst staat hier als afbeelding. Typ hem over in het antwoordbestand als hij mee moet tellen.",
                             "Handwritten text is kept here as a picture. Type it into the answer file if it should count."));
                p.handwriting.push_back(fmt::format("{}: {} {}", of, what,
                                                tr(L, "met de hand geschreven (zie de review).", "written by hand (see the review).")));
            }
        }
    }
}

ScanResult Scanner::finish() {
    State& s = *state_;
    const char* L = s.l();
    ScanResult out;
    std::sort(s.pages.begin(), s.pages.end(), [](const PageResult& a, const PageResult& b) { return a.order < b.order; });
    // Sheets: by sheet id; unnumbered copies by the order they were scanned
    // in (a new copy starts where the page number does not go up).
    std::map<std::pair<std::string, std::string>, std::vector<PageResult*>> sheets;
    std::map<std::string, std::pair<int, int>> unnumbered; // key -> (copy, last page)
    for (auto& p : s.pages) {
        ++out.counts.pages;
        if (p.blank) {
            ++out.counts.blank;
            continue;
        }
        for (auto& r : p.review)
            if (r.question.empty()) ++out.counts.not_read;
        if (p.key.empty()) {
            for (auto& r : p.review) out.review.push_back(std::move(r));
            continue;
        }
        ++out.counts.read;
        std::string sheet = p.mark.sheet;
        if (sheet.empty()) {
            auto& [copy, last] = unnumbered[p.key];
            if (copy == 0 || p.mark.page <= last) ++copy;
            last = p.mark.page;
            sheet = fmt::format("{}{}", tr(L, "zonder-nummer-", "unnumbered-"), copy);
        }
        sheets[{p.key, sheet}].push_back(&p);
    }
    for (auto& [key, pages] : sheets) {
        SheetResult sheet;
        const PageResult& first = *pages.front();
        sheet.instrument = first.instrument;
        sheet.sheet = first.mark.sheet.empty() ? key.second : first.mark.sheet;
        sheet.language = first.mark.lang;
        sheet.pages_expected = first.mark.pages;
        const Instrument& ins = *first.instrument;
        std::map<int, PageResult*> by_page;
        std::vector<ReviewItem> items;
        std::map<std::string, Answer> answers;
        std::string role;
        std::set<std::string> reviewed;
        for (PageResult* p : pages) {
            if (by_page.count(p->mark.page)) {
                ReviewItem r = s.item(*p, Kind::duplicate, "", fmt::format("{} {} {} {}", tr(L, "vel", "sheet"), sheet.sheet, tr(L, "pagina", "page"), p->mark.page),
                                      tr(L, "Deze pagina van dit vel is al gelezen; deze tweede is niet gebruikt. Kijk welke de goede is.",
                                         "This page of this sheet was read already; this second one is not used. Check which one is right."));
                r.crop = p->thumbnail;
                r.crop_width = 200;
                out.review.push_back(std::move(r));
                continue;
            }
            by_page[p->mark.page] = p;
            for (auto& [id, a] : p->answers) answers[id] = a;
            if (!p->role.empty()) role = p->role;
            reviewed.insert(p->reviewed.begin(), p->reviewed.end());
            for (auto& r : p->review) {
                if (first.mark.sheet.empty()) r.sheet = sheet.sheet;
                items.push_back(std::move(r));
            }
            for (auto& rm : p->checks) sheet.checks.push_back(rm);
            for (auto& rm : p->handwriting) sheet.handwriting.push_back(rm);
            for (auto& rm : p->facts) sheet.facts.push_back(rm);
            out.counts.boxes += p->boxes;
            out.counts.boxes_to_review += p->boxes_to_review;
            out.counts.questions += p->questions;
        }
        sheet.pages_found = static_cast<int>(by_page.size());
        for (int n = 1; n <= sheet.pages_expected; ++n) {
            if (by_page.count(n)) continue;
            ReviewItem r;
            r.kind = Kind::missing;
            r.instrument = ins.id;
            r.sheet = sheet.sheet;
            r.sheet_page = n;
            r.read = fmt::format("{} {} {} {}", tr(L, "pagina", "page"), n, tr(L, "van", "of"), sheet.pages_expected);
            r.why = tr(L, "Deze pagina zit niet bij de scans. Haar vragen zijn leeg gelaten.",
                       "This page is not among the scans. Its questions are left empty.");
            items.push_back(std::move(r));
            sheet.checks.push_back(fmt::format("{} {}: {}", tr(L, "pagina", "page"), n, tr(L, "ontbreekt; de vragen erop zijn leeg.", "missing; its questions are empty.")));
        }
        Response& r = sheet.response;
        r.instrument = ins.id;
        r.version = ins.version.text;
        r.language = sheet.language;
        r.respondent.code = fmt::format("{}-{}", tr(L, "vel", "sheet"), sheet.sheet);
        r.respondent.role = role;
        for (const auto& id : ins.question_order)
            if (auto it = answers.find(id); it != answers.end()) r.answers.push_back(it->second);
        // A tick on a question an earlier answer skips is left out (as on a
        // filled form), and listed.
        std::set<std::string> skipped;
        for (const auto& a : r.answers) {
            const Question* q = ins.find_question(a.question);
            if (q && visibility(*q, r, ins) == Visibility::skipped) {
                skipped.insert(a.question);
                ReviewItem it;
                it.kind = Kind::skipped;
                it.instrument = ins.id;
                it.sheet = sheet.sheet;
                it.question = a.question;
                it.read = fmt::format("{}: {}", tr(L, "Aangekruist", "Ticked"), fmt::join(a.options, ", "));
                it.why = fmt::format("{} {}", tr(L, "Deze vraag hoort overgeslagen te worden door het antwoord op", "This question is skipped by the answer to"),
                                     q->condition->question);
                items.push_back(std::move(it));
                sheet.checks.push_back(fmt::format("{}: {}", a.question, tr(L, "beantwoord maar overgeslagen; weggelaten.", "answered but skipped; left out.")));
            }
        }
        // An option that needs a reason ("niet van toepassing") has it on
        // the note lines, in handwriting: the answer waits for a person.
        for (const auto& a : r.answers) {
            const Question* q = ins.find_question(a.question);
            const Scale* sc = q ? ins.find_scale(q->scale) : nullptr;
            for (const auto& o : a.options)
                if (const Option* opt = sc ? sc->find(o) : nullptr; opt && opt->reason_required && !skipped.count(a.question)) {
                    skipped.insert(a.question);
                    reviewed.insert(a.question);
                    ReviewItem it;
                    it.kind = Kind::text;
                    it.instrument = ins.id;
                    it.sheet = sheet.sheet;
                    it.question = a.question;
                    it.read = fmt::format("{}: ‘{}’", tr(L, "Aangekruist", "Ticked"), opt->label.get(s.options.lang));
                    it.why = tr(L, "Dit antwoord vraagt een reden, die met de hand op de lijnen staat. Typ het antwoord met de reden in het antwoordbestand.",
                                "This answer needs a reason, written by hand on the lines. Type the answer with its reason into the answer file.");
                    items.push_back(std::move(it));
                    sheet.checks.push_back(fmt::format("{}: {}", a.question, tr(L, "‘Niet van toepassing’ met een reden; typ die over.",
                                                                                "‘Not applicable’ with a reason; type it in.")));
                }
        }
        std::erase_if(r.answers, [&](const Answer& a) { return skipped.count(a.question) > 0; });
        out.counts.questions_to_review += static_cast<long>(reviewed.size());
        std::stable_sort(items.begin(), items.end(), [](const ReviewItem& a, const ReviewItem& b) { return a.sheet_page < b.sheet_page; });
        for (auto& it : items) out.review.push_back(std::move(it));
        out.sheets.push_back(std::move(sheet));
    }
    return out;
}

} // namespace zs::scan
