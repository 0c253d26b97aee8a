#include "builders/paper.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "builders/owners_line.hpp"
#include "document/markdown.hpp"
#include "document/palette.hpp"
#include "layout/layout.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace zs {

std::string note_field(const std::string& question) { return question + ".note"; }
std::string evidence_field(const std::string& question) { return question + ".evidence"; }
std::string reason_field(const std::string& question) { return question + ".reason"; }
std::string dont_know_field(const std::string& question) { return question + ".dontknow"; }
std::string sheet_id(int number) { return fmt::format("{:04d}", number); }

namespace {

// Evidence and note lines 7 mm apart: room for handwriting on a ruled line
// (school and office pads rule 7-8 mm), while a full scan stays compact.
constexpr double writing_line_pitch = 7 * 72 / 25.4;

constexpr double mm = 2.8346;
constexpr double help_size = 9.5;
// 0.5 mm QR modules: about 3 pixels each in a 150 dpi scan.
constexpr double page_mark_module = 0.5 * mm;

class PaperBuilder {
  public:
    PaperBuilder(const Instrument& ins, const PaperOptions& opt, Diagnostics& diags)
        : ins_(ins), opt_(opt), lang_(opt.lang), diags_(diags) {}

    // Skip instructions name the page of the question to go to, which is
    // known only after layout: lay out with the pages found last time until
    // they no longer change (twice, in practice).
    doc::Document build() {
        for (int pass = 0; pass < 3; ++pass) {
            Diagnostics scratch;
            doc::Document d = build_once(scratch);
            auto found = question_pages(d);
            if (found == pages_) break;
            pages_ = std::move(found);
        }
        return build_once(diags_);
    }

  private:
    doc::Document build_once(Diagnostics& diags) {
        diags_now_ = &diags;
        number_ = 0;
        doc::Document d;
        d.info.title = plain(ins_.title);
        d.info.subject = by_kind("Zelfscan op papier", "Paper self-scan", "Vragenlijst op papier", "Paper questionnaire");
        d.info.author = fmt::format("{}", fmt::join(ins_.authors, ", "));
        d.info.keywords = fmt::format("zelfscan, {}, {}", ins_.id, ins_.version.text);
        d.info.lang = lang_;
        d.info.instrument_id = ins_.id;
        d.info.instrument_version = ins_.version.text;
        d.info.paper = opt_.paper;
        d.info.footer = fmt::format("{} {}", ins_.id, ins_.version.text);
        // docs/paper-scan.md documents this payload.
        d.info.page_mark = fmt::format("ZS1|{{id}}|{{version}}|{}|{}|{{sheet}}|{{page}}/{{pages}}|{{check}}", lang_,
                                       opt_.paper == doc::Paper::letter ? "letter" : "a4");
        d.info.page_mark_module = page_mark_module;
        d.info.registration_marks = true;
        d.info.sheets = opt_.sheets;
        d.info.sheet_label = tr(lang_, "vel", "sheet");
        d.info.cover = true;
        cover(d.blocks);
        respondent(d.blocks);
        if (!ins_.profile.questions.empty()) profile(d.blocks);
        for (const auto& dom : ins_.domains) domain(d.blocks, dom);
        closing(d.blocks);
        return d;
    }

    // The page (1-based) each question's answer area landed on.
    std::map<std::string, int> question_pages(const doc::Document& d) const {
        Diagnostics ignored;
        doc::Document body = d;
        body.info.sheets.clear();
        auto laid = layout::layout_document(body, layout::LayoutOptions{}, ignored);
        std::map<std::string, int> pages;
        for (const auto& f : laid.fields)
            if (ins_.find_question(f.name) && !pages.count(f.name)) pages[f.name] = f.page + 1;
        return pages;
    }

  private:
    // Built-in text that names what is filled in: an instrument with a risk
    // model is a scan that ends in a risk report; any other is a
    // questionnaire, whose answers are counted in its results.
    const char* by_kind(const char* scan_nl, const char* scan_en, const char* other_nl, const char* other_en) const {
        return ins_.risk.scored ? tr(lang_, scan_nl, scan_en) : tr(lang_, other_nl, other_en);
    }

    // Plain instrument text (not Markdown) with the typographic quotes the
    // Markdown texts get: 'geen hoofddoek' as ‘geen hoofddoek’, collega's as collega’s.
    std::string plain(const LocalizedText& t) const { return typographic_quotes(t.get(lang_)); }

    void markdown(doc::Blocks& out, const LocalizedText& t, const SourceLocation& where) {
        if (t.empty()) return;
        doc::MarkdownOptions mo;
        mo.file = where.file;
        mo.first_line = where.line ? where.line : 1;
        for (auto& b : doc::parse_markdown(t.get(lang_), mo, *diags_now_)) out.push_back(std::move(b));
    }

    doc::Block small(std::string text, bool italic = false) {
        doc::Paragraph p;
        p.runs.push_back(doc::text(std::move(text), italic ? doc::italic : doc::plain));
        p.size = help_size;
        p.color = palette::muted;
        return doc::block(std::move(p));
    }

    void cover(doc::Blocks& out) {
        const char* l = lang_.c_str();
        if (!opt_.logo.empty()) {
            doc::Image img;
            img.path = opt_.logo;
            img.width = 40 * mm;
            img.alt = tr(l, "Logo van de organisatie", "Organisation logo");
            out.push_back(doc::block(std::move(img)));
            out.push_back(doc::spacer(8 * mm));
        }
        doc::Paragraph kicker;
        kicker.runs.push_back(doc::text(fmt::format("{} · {}", by_kind("ZELFSCAN", "SELF-SCAN", "VRAGENLIJST", "QUESTIONNAIRE"),
                                                    opt_.form ? tr(l, "FORMULIER", "FORM") : tr(l, "PAPIEREN VERSIE", "PAPER VERSION")),
                                        doc::bold));
        kicker.size = 9;
        kicker.color = palette::accent;
        out.push_back(doc::block(std::move(kicker)));
        doc::Heading h;
        h.level = 1;
        h.text.push_back(doc::text(plain(ins_.title)));
        h.anchor = "cover";
        out.push_back(doc::block(std::move(h)));
        if (!ins_.subtitle.empty()) {
            doc::Paragraph sub;
            sub.runs.push_back(doc::text(plain(ins_.subtitle)));
            sub.size = 13;
            sub.color = palette::muted;
            out.push_back(doc::block(std::move(sub)));
        }
        out.push_back(small(fmt::format("{} {} · {} {} · {}", tr(l, "Versie", "Version"), ins_.version.text,
                                        tr(l, "instrument", "instrument"), ins_.id,
                                        counted(l, static_cast<long long>(count_questions()), {"vraag", "vragen"},
                                                {"question", "questions"}))));
        out.push_back(doc::spacer(4 * mm));
        markdown(out, ins_.description, {ins_.path, 0, 0});
        if (!ins_.instructions.empty()) {
            out.push_back(doc::heading(2, by_kind("Zo vult u de scan in", "How to fill in the scan", "Zo vult u de vragenlijst in",
                                                  "How to fill in the questionnaire")));
            markdown(out, ins_.instructions, {ins_.path, 0, 0});
        }
        doc::Callout how;
        how.blocks.push_back(doc::paragraph(doc::Inlines{
            doc::text(tr(l, "Zo kruist u aan. ", "How to tick. "), doc::bold),
            doc::text(opt_.form ? tr(l, "Klik in het vakje van uw antwoord. Bij elke vraag kunt u een toelichting typen.",
                                     "Click the box of your answer. You can type a note with every question.")
                                : tr(l, "Zet een kruisje in het vakje van uw antwoord. Wilt u iets veranderen? Kleur het vakje dan helemaal zwart en kruis een ander vakje aan. Schrijf duidelijk op de lijnen.",
                                     "Put a cross in the box of your answer. Want to change it? Fill the box in completely and tick another one. Write clearly on the lines."))}));
        if (!opt_.form)
            // A client asked what the square code is for, and whether it says who they are.
            how.blocks.push_back(doc::paragraph(doc::Inlines{doc::text(
                tr(l, "De vierkante code en de hoekjes op elke bladzijde zijn voor de computer die de lijsten inleest. In de code staat niets over u: alleen welke lijst en welke bladzijde het is.",
                   "The square code and the corner marks on every page are for the computer that reads the forms. The code holds nothing about you: only which form and which page it is."))}));
        out.push_back(doc::block(std::move(how)));
        if (!ins_.privacy.empty()) {
            out.push_back(doc::heading(2, tr(l, "Wat gebeurt er met uw antwoorden?", "What happens to your answers?")));
            markdown(out, ins_.privacy, {ins_.path, 0, 0});
        }
    }

    std::size_t count_questions() const { return ins_.profile.questions.size() + ins_.question_count(); }

    void respondent(doc::Blocks& out) {
        const char* l = lang_.c_str();
        if (ins_.respondent.empty()) return;
        doc::Blocks g;
        bool group = ins_.asks("participants");
        g.push_back(doc::heading(2, group ? tr(l, "Over u of uw groep", "About you or your group") : tr(l, "Over u", "About you")));
        g.push_back(small(ins_.asks("code") ? tr(l, "Vul geen naam in. Een code of schuilnaam is genoeg, zodat we de antwoorden niet dubbel tellen.",
                                                 "Do not write your name. A code or pseudonym is enough, so answers are not counted twice.")
                                            : tr(l, "Vul nergens uw naam in.", "Do not write your name anywhere.")));
        // One label column, so every box starts at the same left edge; each
        // box as wide as what goes in it.
        auto box = [&](const char* field, const char* nl, const char* en, double width) {
            if (!ins_.asks(std::string_view(field).substr(std::string_view("respondent.").size()))) return;
            doc::FieldBox fb;
            fb.field = field;
            fb.label.push_back(doc::text(tr(l, nl, en)));
            fb.width = width;
            fb.label_width = 48 * mm;
            g.push_back(doc::block(std::move(fb)));
        };
        box("respondent.organisation", "Organisatie", "Organisation", 0);
        box("respondent.unit", "Afdeling of dienst", "Unit or service", 0);
        box("respondent.date", "Datum (dag-maand-jaar)", "Date (day-month-year)", 40 * mm);
        box("respondent.code", "Code of schuilnaam", "Code or pseudonym", 45 * mm);
        if (!ins_.roles.empty() && ins_.asks("role")) {
            std::string prompt = ins_.role_question.empty() ? std::string(tr(l, "Uw rol (kies er één)", "Your role (choose one)"))
                                                            : plain(ins_.role_question);
            g.push_back(doc::paragraph(doc::Inlines{doc::text(prompt, doc::bold)}));
            doc::AnswerRow row;
            row.field = "respondent.role";
            for (const auto& r : ins_.roles) row.options.push_back({r.id, {doc::text(plain(r.label))}});
            g.push_back(doc::block(std::move(row)));
        }
        if (group) g.push_back(small(by_kind("Vult u de scan samen in, in een groepssessie? Schrijf dan het aantal deelnemers op. Kies als rol de rol van de meeste deelnemers.",
                                  "Filling in the scan together in a group session? Write down the number of participants. As role, choose the role of most participants.",
                                  "Vult u de vragenlijst samen in, in een groepssessie? Schrijf dan het aantal deelnemers op. Kies als rol de rol van de meeste deelnemers.",
                                  "Filling in the questionnaire together in a group session? Write down the number of participants. As role, choose the role of most participants.")));
        box("respondent.participants", "Aantal deelnemers", "Number of participants", 20 * mm);
        out.push_back(doc::group(std::move(g)));
    }

    // A section flows on from the previous one; its heading keeps with its
    // first question (headings keep with what follows).
    void section_intro(doc::Blocks&, std::string title, const LocalizedText& intro, const SourceLocation& where) {
        section_head_.push_back(doc::heading(1, std::move(title)));
        markdown(section_head_, intro, where);
    }

    void profile(doc::Blocks& out) {
        const char* l = lang_.c_str();
        section_intro(out, ins_.profile.title.empty() ? tr(l, "Over de dienst", "About the service") : plain(ins_.profile.title),
                      ins_.profile.intro, {ins_.path, 0, 0});
        for (const auto& q : ins_.profile.questions) question(out, q);
    }

    void domain(doc::Blocks& out, const Domain& d) {
        section_intro(out, ins_.show_codes ? fmt::format("{}  {}", d.id, plain(d.title)) : plain(d.title), d.intro, d.where);
        for (const auto& q : d.questions) question(out, q);
    }

    std::string option_labels(const Question& gate, const std::vector<std::string>& ids) {
        const Scale* s = ins_.find_scale(gate.scale);
        std::string out;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const Option* o = s ? s->find(ids[i]) : nullptr;
            std::string label = fmt::format("‘{}’", o ? plain(o->label) : ids[i]);
            if (i > 0) out += i + 1 == ids.size() ? tr(lang_, " of ", " or ") : ", ";
            out += label;
        }
        return out;
    }

    // For a gate question: where to go when the answer skips what follows,
    // and which later questions it skips as well.
    std::string skip_instruction(const Question& gate) {
        const auto& order = ins_.question_order;
        auto it = std::find(order.begin(), order.end(), gate.id);
        if (it == order.end()) return {};
        auto in = [](const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); };
        // The run of questions after the gate that hang on it, directly or
        // through a question in the run (D3.4b on D3.4a on D3.0): an answer
        // that closes the gate skips them all.
        std::vector<std::string> opens;
        std::vector<std::string> run{gate.id};
        auto next = it + 1;
        for (; next != order.end(); ++next) {
            const Question* q = ins_.find_question(*next);
            if (!q->condition || !in(run, q->condition->question)) break;
            run.push_back(q->id);
            if (q->condition->question != gate.id) continue;
            for (const auto& a : q->condition->answers)
                if (!in(opens, a)) opens.push_back(a);
        }
        const bool has_run = next != it + 1;
        // Without a run right after it, the gate's answers that open come
        // from the questions further on that hang on it (D10.0 -> D10.3a).
        if (!has_run)
            for (auto k = next; k != order.end(); ++k)
                if (const Question* q = ins_.find_question(*k); q->condition && q->condition->question == gate.id)
                    for (const auto& a : q->condition->answers)
                        if (!in(opens, a)) opens.push_back(a);
        const Scale* s = ins_.find_scale(gate.scale);
        if (!s || opens.empty()) return {};
        std::vector<std::string> closes;
        for (const auto& o : s->options)
            if (!in(opens, o.id)) closes.push_back(o.id);
        if (closes.empty()) return {};
        // Further on: questions that every closing answer skips, directly or
        // through one skipped with it (D6.2, D6.4 and D6.6 on D6.1a).
        std::vector<std::string> skipped = run, later;
        for (auto k = next; k != order.end(); ++k) {
            const Question* q = ins_.find_question(*k);
            if (!q->condition || !in(skipped, q->condition->question)) continue;
            if (q->condition->question == gate.id &&
                std::any_of(closes.begin(), closes.end(), [&](const std::string& c) { return in(q->condition->answers, c); }))
                continue;
            skipped.push_back(q->id);
            later.push_back(q->id);
        }
        if (!has_run && later.empty()) return {};
        const std::string asked = fmt::format("{} {}{}?", tr(lang_, "Hebt u", "Did you answer"), option_labels(gate, closes),
                                              tr(lang_, " geantwoord", ""));
        const std::string list = joined(later);
        if (!has_run)
            return lang_ == "en" ? fmt::format("{} Then skip {} {}.", asked, later.size() == 1 ? "question" : "questions", list)
                                 : fmt::format("{} Sla dan {} {} over.", asked, later.size() == 1 ? "vraag" : "de vragen", list);
        std::string target = next == order.end() ? std::string(by_kind("het einde van de scan", "the end of the scan",
                                                                        "het einde van de vragenlijst", "the end of the questionnaire"))
                                                 : fmt::format("{} {}{}", tr(lang_, "vraag", "question"), name(*next), page_of(*next));
        // English has no closing verb: "Did you answer 'No'?", not "'No' ?".
        std::string out = fmt::format("{} {} {}.", asked, tr(lang_, "Ga dan verder met", "Then go on to"), target);
        // Codes name themselves (D6.2); numbers need the word (vraag 8).
        std::string what = list;
        if (!ins_.show_codes)
            what = fmt::format("{} {}", lang_ == "en" ? (later.size() == 1 ? "question" : "questions")
                                                      : (later.size() == 1 ? "vraag" : "de vragen"), list);
        if (!later.empty()) out += lang_ == "en" ? fmt::format(" Later, also skip {}.", what) : fmt::format(" Sla later ook {} over.", what);
        return out;
    }

    // "D6.2, D6.4 en D6.6" / "D6.2, D6.4 and D6.6"; "8, 10 en 12" without codes.
    std::string joined(const std::vector<std::string>& ids) const {
        std::string out;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (i > 0) out += i + 1 == ids.size() ? fmt::format(" {} ", tr(lang_, "en", "and")) : ", ";
            out += name(ids[i]);
        }
        return out;
    }

    std::string name(const std::string& id) const { return ins_.shown_name(id); }

    void question(doc::Blocks& out, const Question& q) {
        const char* l = lang_.c_str();
        ++number_;
        bool needs_reason = false;
        // The section's heading and intro open the group of its first
        // question, so they never end a page alone.
        doc::Blocks g = std::move(section_head_);
        section_head_.clear();
        if (q.condition) {
            const Question* gate = ins_.find_question(q.condition->question);
            doc::Paragraph cond;
            cond.runs.push_back(doc::text(
                fmt::format("{} {} {} {}", tr(l, "Alleen invullen als u bij", "Only answer if you answered"),
                            ins_.show_codes ? q.condition->question
                                            : fmt::format("{} {}", tr(l, "vraag", "question"), name(q.condition->question)),
                            gate ? option_labels(*gate, q.condition->answers) : "", tr(l, "hebt geantwoord.", "there.")),
                doc::italic));
            cond.size = help_size;
            cond.color = palette::accent;
            g.push_back(doc::block(std::move(cond)));
        }
        doc::Paragraph head;
        head.runs.push_back(doc::text(fmt::format("{}. ", number_), doc::bold));
        if (ins_.show_codes) {
            doc::Inline id = doc::text(q.id + "  ", doc::bold);
            id.color = palette::accent;
            head.runs.push_back(id);
        }
        head.runs.push_back(doc::text(plain(q.text), doc::bold));
        g.push_back(doc::block(std::move(head), q.where));
        // The help, ending with who should know (builders/owners_line.hpp):
        // in the help's last paragraph, so it costs no line of its own.
        std::string who = owners_sentence(ins_, q, lang_);
        doc::Paragraph* last = nullptr;
        if (!q.help.empty()) {
            doc::Blocks help;
            markdown(help, q.help, q.where);
            for (auto& b : help) {
                if (auto* p = std::get_if<doc::Paragraph>(&b.content)) {
                    p->size = help_size;
                    p->color = palette::muted;
                }
                g.push_back(std::move(b));
            }
            if (!g.empty()) last = std::get_if<doc::Paragraph>(&g.back().content);
        }
        if (!who.empty() && last) last->runs.push_back(doc::text(" " + who));
        else if (!who.empty()) g.push_back(small(std::move(who)));
        switch (q.kind) {
        case QuestionKind::choice:
        case QuestionKind::multi: {
            doc::AnswerRow row;
            row.field = q.id;
            row.multiple = q.kind == QuestionKind::multi;
            bool reason = false;
            if (const Scale* s = ins_.find_scale(q.scale))
                for (const auto& o : s->options) {
                    row.options.push_back({o.id, {doc::text(plain(o.label))}});
                    reason = reason || o.reason_required;
                }
            if (row.multiple) g.push_back(small(tr(l, "U kunt meer vakjes aankruisen.", "You may tick more than one box."), true));
            g.push_back(doc::block(std::move(row)));
            needs_reason = reason;
            break;
        }
        case QuestionKind::text: {
            doc::NoteLines nl;
            nl.field = q.id;
            nl.lines = q.lines > 0 ? q.lines : 4;
            g.push_back(doc::block(std::move(nl)));
            break;
        }
        case QuestionKind::number: {
            // The box with its unit and range, and a "weet ik niet" box below.
            doc::FieldBox fb;
            fb.field = q.id;
            fb.label.push_back(doc::text(tr(l, "Getal", "Number")));
            fb.width = 32 * mm;
            if (auto r = range_text(q); !r.empty()) fb.after.push_back(doc::text(r));
            doc::AnswerRow dk;
            dk.field = dont_know_field(q.id);
            dk.multiple = true;
            dk.options.push_back({"weet-niet", {doc::text(tr(l, "Weet ik niet", "Don’t know"))}});
            g.push_back(doc::block(std::move(fb)));
            g.push_back(doc::block(std::move(dk)));
            break;
        }
        }
        // Evidence and note lines side by side, each under its own label.
        std::vector<doc::Blocks> writing;
        if (!q.evidence.empty()) {
            doc::Blocks col;
            note_label(col, fmt::format("{}: {}", tr(l, "Bewijs", "Evidence"), plain(q.evidence)));
            doc::NoteLines ev;
            ev.field = evidence_field(q.id);
            ev.lines = 2;
            ev.spacing = writing_line_pitch;
            col.push_back(doc::block(std::move(ev)));
            writing.push_back(std::move(col));
        }
        if (q.kind != QuestionKind::text) {
            // The reason for "not applicable" goes on the note lines.
            doc::Blocks col;
            note_label(col, needs_reason ? tr(l, "Toelichting, of waarom ‘Niet van toepassing’",
                                              "Note, or why ‘Not applicable’")
                                         : tr(l, "Toelichting (mag leeg blijven)", "Note (may stay empty)"));
            doc::NoteLines notes;
            notes.field = note_field(q.id);
            notes.lines = 2;
            notes.spacing = writing_line_pitch;
            col.push_back(doc::block(std::move(notes)));
            writing.push_back(std::move(col));
        }
        if (writing.size() == 2) {
            doc::Columns c;
            c.columns = std::move(writing);
            g.push_back(doc::block(std::move(c)));
        } else if (writing.size() == 1) {
            for (auto& b : writing.front()) g.push_back(std::move(b));
        }
        if (auto skip = skip_instruction(q); !skip.empty()) {
            doc::Paragraph p;
            doc::Inline arrow = doc::text("→ ", doc::bold);
            p.runs.push_back(arrow);
            p.runs.push_back(doc::text(skip, doc::bold));
            p.color = palette::accent;
            g.push_back(doc::block(std::move(p)));
        }
        g.push_back(doc::spacer(2 * mm));
        out.push_back(doc::group(std::move(g)));
    }

    void note_label(doc::Blocks& g, std::string text) { g.push_back(small(std::move(text))); }

    // " (pagina 17)" once the page of a question is known.
    std::string page_of(const std::string& question) const {
        auto it = pages_.find(question);
        if (it == pages_.end()) return {};
        return fmt::format(" ({} {})", tr(lang_, "pagina", "page"), it->second);
    }

    std::string number(double v) const {
        std::string s = fmt::format("{}", v);
        if (lang_ != "en")
            for (char& c : s)
                if (c == '.') c = ',';
        return s;
    }

    // "werkdagen, van 0 tot en met 60" / "working days, 0 to 60".
    std::string range_text(const Question& q) const {
        std::string range;
        if (q.min && q.max)
            range = fmt::format("{} {} {} {}", tr(lang_, "van", "from"), number(*q.min), tr(lang_, "tot en met", "to"), number(*q.max));
        else if (q.min)
            range = fmt::format("{} {}", number(*q.min), tr(lang_, "of meer", "or more"));
        else if (q.max)
            range = fmt::format("{} {}", tr(lang_, "hoogstens", "at most"), number(*q.max));
        std::string unit = plain(q.unit);
        if (unit.empty()) return range;
        return range.empty() ? unit : fmt::format("{}, {}", unit, range);
    }

    void closing(doc::Blocks& out) {
        const char* l = lang_.c_str();
        for (auto& b : section_head_) out.push_back(std::move(b)); // a section without questions
        section_head_.clear();
        doc::Blocks g;
        g.push_back(doc::spacer(6 * mm));
        g.push_back(doc::heading(2, tr(l, "Dank u wel", "Thank you")));
        const std::string to =
            !ins_.hand_in_to.empty() ? ins_.hand_in_to.get(lang_)
            : opt_.form              ? by_kind("de coördinator van de scan", "the coordinator of the scan", "de coördinator", "the coordinator")
                                     : tr(l, "de coördinator", "the coordinator");
        g.push_back(doc::paragraph(
            opt_.form ? fmt::format(fmt::runtime(tr(l, "Sla het formulier op en lever het in bij {}.", "Save the form and hand it in to {}.")), to)
                      : fmt::format(fmt::runtime(by_kind("Lever de ingevulde scan in bij {}. Zo tellen uw antwoorden mee in het rapport.",
                                                         "Hand in the completed scan to {}, so that your answers count in the report.",
                                                         "Lever de ingevulde vragenlijst in bij {}. Zo tellen uw antwoorden mee in de uitkomsten.",
                                                         "Hand in the completed questionnaire to {}, so that your answers count in the results.")),
                                    to)));
        out.push_back(doc::group(std::move(g)));
    }

    const Instrument& ins_;
    const PaperOptions& opt_;
    std::string lang_;
    Diagnostics& diags_;
    Diagnostics* diags_now_ = nullptr; // of the pass being built
    std::map<std::string, int> pages_; // question id -> page, from the last pass
    doc::Blocks section_head_;         // heading and intro waiting for the first question
    int number_ = 0;
};

} // namespace

doc::Document build_paper(const Instrument& ins, const PaperOptions& options, Diagnostics& diags) {
    return PaperBuilder(ins, options, diags).build();
}

} // namespace zs
