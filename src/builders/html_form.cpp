#include "builders/html_form.hpp"

#include <fmt/format.h>

#include "answers/template_writer.hpp"
#include "builders/html_form_assets.hpp"
#include "builders/owners_line.hpp"
#include "document/markdown.hpp"
#include "html/encode.hpp"
#include "html/render_html.hpp"
#include "pdf/digest.hpp"
#include "scoring/json_writer.hpp"
#include "util/i18n.hpp"
#include "util/messages.hpp"

namespace zs {

namespace {

// An HTML id for a question id ("D3.2" -> "q-D3-2"); question ids are ASCII
// slugs with dots, so the result is unique.
std::string html_id(std::string_view prefix, std::string_view question) {
    std::string out(prefix);
    for (char c : question) out += c == '.' ? '-' : c;
    return out;
}

std::string number_text(double v) {
    if (v == static_cast<double>(static_cast<long long>(v))) return fmt::format("{}", static_cast<long long>(v));
    return fmt::format("{}", v);
}

class FormWriter {
  public:
    FormWriter(const Instrument& ins, std::string lang, Diagnostics& diags)
        : ins_(ins), lang_(std::move(lang)), diags_(diags) {}

    std::string page() {
        std::string body = body_markup();
        std::string data = data_json();
        // "</" would end the script element; "<\/" is the same JSON string.
        std::string safe_data;
        for (std::size_t i = 0; i < data.size(); ++i) {
            if (data[i] == '<' && i + 1 < data.size() && data[i + 1] == '/') safe_data += "<\\";
            else safe_data += data[i];
        }
        std::string style = html_form_stylesheet();
        std::string script = html_form_script();
        std::string out = "<!DOCTYPE html>\n<html";
        attr(out, "lang", lang_);
        out += ">\n<head>\n<meta charset=\"utf-8\"/>\n";
        // No request of any kind may leave the page: only the inline style
        // and script with these hashes run, images only as data: URIs.
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-" +
               html::base64(pdf::sha256(script)) + "'; style-src 'sha256-" + html::base64(pdf::sha256(style)) +
               "'; img-src data:; form-action 'none'; base-uri 'none'\"/>\n";
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
        out += "<meta name=\"generator\" content=\"zelfscan\"/>\n";
        out += "<meta name=\"zelfscan-instrument\"";
        attr(out, "content", ins_.id + " " + ins_.version.text);
        out += "/>\n<title>";
        html::append_escaped(out, ins_.title.get(lang_));
        out += "</title>\n<style>" + style + "</style>\n</head>\n<body>\n";
        out += body;
        out += "<script type=\"application/json\" id=\"zs-data\">" + safe_data + "</script>\n";
        out += "<script>" + script + "</script>\n</body>\n</html>\n";
        return out;
    }

  private:
    const Instrument& ins_;
    std::string lang_;
    Diagnostics& diags_;
    std::size_t number_ = 0;

    const char* t(const char* nl, const char* en) const { return tr(lang_, nl, en); }
    // "… naar {}": who collects the answers (the instrument's hand_in_to).
    std::string to(const char* nl, const char* en) const {
        const std::string who = ins_.hand_in_to.empty() ? t("de coördinator", "the coordinator") : ins_.hand_in_to.get(lang_);
        return fmt::format(fmt::runtime(t(nl, en)), who);
    }
    // A message and its hint as two sentences: "15 valt buiten het bereik
    // voor 'vraag 3 (D1.2)'. Verwacht: 0 tot en met 10."
    static std::string said(const Message& what, const Message& hint) { return sentence(what.str()) + " " + sentence(hint.str()); }
    static std::string sentence(std::string s) {
        if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
        if (!s.empty() && s.back() != '.' && s.back() != '?' && s.back() != '!') s += '.';
        return s;
    }
    const char* by_kind(const char* scan_nl, const char* scan_en, const char* other_nl, const char* other_en) const {
        return ins_.risk.scored ? t(scan_nl, scan_en) : t(other_nl, other_en);
    }

    static void attr(std::string& out, std::string_view name, std::string_view value) {
        out += ' ';
        out += name;
        out += "=\"";
        html::append_escaped(out, value);
        out += '"';
    }
    static std::string esc(std::string_view s) { return html::escape(s); }

    std::string markdown(const LocalizedText& text, const SourceLocation& where) {
        if (text.empty()) return {};
        doc::MarkdownOptions mo;
        mo.file = where.file;
        mo.first_line = where.line ? where.line : 1;
        return html::render_html_fragment(doc::parse_markdown(text.get(lang_), mo, diags_), lang_, diags_);
    }

    // ------------------------------------------------------------ markup --

    std::string body_markup() {
        std::string out = "<header class=\"top\"><div class=\"wrap\"><p class=\"kicker\">";
        out += esc(fmt::format("{} · {}", by_kind("ZELFSCAN", "SELF-SCAN", "VRAGENLIJST", "QUESTIONNAIRE"),
                               t("INVULLEN IN DE BROWSER", "FILL IN IN THE BROWSER")));
        out += "</p><h1>" + esc(ins_.title.get(lang_)) + "</h1>";
        if (!ins_.subtitle.empty()) out += "<p class=\"sub\">" + esc(ins_.subtitle.get(lang_)) + "</p>";
        out += "<p class=\"meta\">" +
               esc(fmt::format("{} {} · {} {}", t("Versie", "Version"), ins_.version.text, t("instrument", "instrument"), ins_.id)) +
               "</p></div></header>\n<main class=\"wrap\">\n";
        out += "<section class=\"intro\" aria-labelledby=\"intro-h\"><h2 id=\"intro-h\">" +
               esc(by_kind("Over deze scan", "About this scan", "Over deze vragenlijst", "About this questionnaire")) + "</h2>\n";
        out += markdown(ins_.description, {ins_.path, 0, 0});
        if (!ins_.instructions.empty()) {
            out += "<h3>" + esc(by_kind("Zo vult u de scan in", "How to fill in the scan", "Zo vult u de vragenlijst in",
                                        "How to fill in the questionnaire")) +
                   "</h3>\n" + markdown(ins_.instructions, {ins_.path, 0, 0});
        }
        out += "<aside class=\"note\"><p><strong>" + esc(t("Uw antwoorden blijven op dit apparaat. ", "Your answers stay on this device. ")) +
               "</strong>" +
               esc(to("Deze pagina stuurt niets via internet. Wat u invult, bewaart de browser op dit apparaat tot u op ‘Wis mijn antwoorden’ klikt. "
                      "Klik op ‘Opslaan’ om een antwoordbestand te maken. Dat bestand geeft u aan {}.",
                      "This page sends nothing over the internet. The browser keeps what you fill in on this device until you click ‘Clear my answers’. "
                      "Click ‘Save’ to make an answer file. You give that file to {}.")) +
               "</p></aside>\n";
        if (!ins_.privacy.empty()) {
            out += "<h3>" + esc(t("Wat gebeurt er met uw antwoorden?", "What happens to your answers?")) + "</h3>\n" +
                   markdown(ins_.privacy, {ins_.path, 0, 0});
        }
        out += "</section>\n";
        out += progress_nav();
        out += "<form id=\"zs-form\" novalidate=\"novalidate\" autocomplete=\"off\">\n";
        out += respondent();
        if (!ins_.profile.questions.empty()) {
            out += section_open("profile",
                                ins_.profile.title.empty() ? t("Over de dienst", "About the service") : ins_.profile.title.get(lang_),
                                markdown(ins_.profile.intro, {ins_.path, 0, 0}));
            for (const auto& q : ins_.profile.questions) out += question(q);
            out += "</section>\n";
        }
        for (const auto& d : ins_.domains) {
            std::string intro = markdown(d.intro, d.where);
            out += section_open(d.id, domain_title(d), intro);
            for (const auto& q : d.questions) out += question(q);
            out += "</section>\n";
        }
        out += actions();
        out += "</form>\n</main>\n";
        out += "<footer class=\"foot\"><div class=\"wrap\"><p>" +
               esc(fmt::format("{} {} · zelfscan", ins_.id, ins_.version.text)) + "</p></div></footer>\n";
        return out;
    }

    std::string progress_nav() {
        std::string out = "<nav class=\"progress\" aria-labelledby=\"progress-h\"><h2 id=\"progress-h\">" +
                          esc(t("Voortgang", "Progress")) + "</h2><ol>\n";
        auto item = [&](std::string_view id, std::string_view title) {
            std::string sid = html_id("s-", id);
            out += "<li><a href=\"#" + sid + "\">" + esc(title) + "</a> <span class=\"count\" data-progress=\"" + esc(id) +
                   "\"></span></li>\n";
        };
        if (!ins_.profile.questions.empty())
            item("profile", ins_.profile.title.empty() ? t("Over de dienst", "About the service") : ins_.profile.title.get(lang_));
        for (const auto& d : ins_.domains) item(d.id, domain_title(d));
        out += "</ol></nav>\n";
        return out;
    }

    // "K1  Hoe u werd behandeld", or the title alone when codes are not shown.
    std::string domain_title(const Domain& d) const {
        return ins_.show_codes ? fmt::format("{}  {}", d.id, d.title.get(lang_)) : d.title.get(lang_);
    }

    std::string section_open(std::string_view id, std::string_view title, const std::string& intro) {
        std::string sid = html_id("s-", id);
        std::string out = "<section class=\"domain\" id=\"" + sid + "\" data-section=\"" + esc(id) + "\" aria-labelledby=\"" + sid +
                          "-h\">\n<h2 id=\"" + sid + "-h\">" + esc(title) + " <span class=\"count\" data-progress=\"" + esc(id) +
                          "\"></span></h2>\n";
        return out + intro;
    }

    std::string text_field(const char* key, const char* nl, const char* en, const char* type, const char* hint_nl = nullptr,
                           const char* hint_en = nullptr, const char* extra = "") {
        std::string id = std::string("r-") + key;
        std::string out = "<div class=\"field\"><label for=\"" + id + "\">" + esc(t(nl, en)) + "</label>";
        if (hint_nl) out += "<span class=\"hint\" id=\"" + id + "-hint\">" + esc(t(hint_nl, hint_en)) + "</span>";
        out += "<input id=\"" + id + "\" name=\"respondent." + key + "\" type=\"" + type + "\"" + extra;
        if (hint_nl) out += " aria-describedby=\"" + id + "-hint " + id + "-err\"";
        else out += " aria-describedby=\"" + id + "-err\"";
        out += "/><p class=\"err\" id=\"" + id + "-err\" hidden=\"hidden\"></p></div>\n";
        return out;
    }

    std::string respondent() {
        if (ins_.respondent.empty()) return "";
        bool group = ins_.asks("participants");
        std::string out = "<section class=\"respondent\" id=\"s-respondent\" aria-labelledby=\"s-respondent-h\">\n<h2 id=\"s-respondent-h\">" +
                          esc(group ? t("Over u of uw groep", "About you or your group") : t("Over u", "About you")) + "</h2>\n<p class=\"lead\">" +
                          esc(ins_.asks("code") ? t("Vul geen naam in. Een code of schuilnaam is genoeg, zodat we de antwoorden niet dubbel tellen.",
                                                    "Do not write your name. A code or pseudonym is enough, so answers are not counted twice.")
                                                : t("Vul nergens uw naam in.", "Do not write your name anywhere.")) +
                          "</p>\n<div class=\"grid\">\n";
        if (ins_.asks("code"))
            out += text_field("code", "Code of schuilnaam", "Code or pseudonym", "text", "Niet uw naam. Het bestand krijgt deze naam.",
                              "Not your name. The file gets this name.", " maxlength=\"64\" spellcheck=\"false\"");
        if (ins_.asks("organisation")) out += text_field("organisation", "Organisatie", "Organisation", "text");
        if (ins_.asks("unit")) out += text_field("unit", "Afdeling of dienst", "Unit or service", "text");
        if (ins_.asks("date"))
            out += text_field("date", "Datum", "Date", "text", "jjjj-mm-dd, bijvoorbeeld 2026-10-01", "yyyy-mm-dd, for example 2026-10-01",
                              " inputmode=\"numeric\" maxlength=\"20\"");
        out += "</div>\n";
        if (!ins_.roles.empty() && ins_.asks("role")) {
            std::string prompt = ins_.role_question.empty() ? std::string(t("Uw rol (kies er één)", "Your role (choose one)")) : ins_.role_question.get(lang_);
            out += "<fieldset class=\"roles\"><legend>" + esc(prompt) + "</legend>\n<div class=\"opts\">";
            for (const auto& r : ins_.roles) {
                out += "<label class=\"opt\"><input type=\"radio\" name=\"respondent.role\"";
                attr(out, "value", r.id);
                out += "/><span>" + esc(r.label.get(lang_)) + "</span></label>";
            }
            out += "</div></fieldset>\n";
        }
        if (!group) return out + "</section>\n";
        out += "<p class=\"lead\">" +
               esc(by_kind("Vult u de scan samen in, in een groepssessie? Schrijf dan het aantal deelnemers op. Kies als rol de rol van de meeste deelnemers.",
                           "Filling in the scan together in a group session? Write down the number of participants. As role, choose the role of most participants.",
                           "Vult u de vragenlijst samen in, in een groepssessie? Schrijf dan het aantal deelnemers op. Kies als rol de rol van de meeste deelnemers.",
                           "Filling in the questionnaire together in a group session? Write down the number of participants. As role, choose the role of most participants.")) +
               "</p>\n<div class=\"grid\">";
        out += text_field("participants", "Aantal deelnemers (alleen bij een groepssessie)", "Number of participants (group session only)",
                          "text", "1 tot 1000", "1 to 1000", " inputmode=\"numeric\"");
        out += "</div>\n</section>\n";
        return out;
    }

    std::string option_labels(const Question& gate, const std::vector<std::string>& ids) const {
        const Scale* s = ins_.find_scale(gate.scale);
        std::string out;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const Option* o = s ? s->find(ids[i]) : nullptr;
            if (i) out += i + 1 == ids.size() ? t(" of ", " or ") : ", ";
            out += fmt::format("‘{}’", o ? o->label.get(lang_) : ids[i]);
        }
        return out;
    }

    std::string question(const Question& q) {
        ++number_;
        std::string fid = html_id("q-", q.id);
        std::string out = "<fieldset class=\"q\" id=\"" + fid + "\" data-q=\"" + esc(q.id) + "\"";
        if (q.condition) out += " data-gate=\"" + esc(q.condition->question) + "\"";
        out += " aria-describedby=\"" + fid + "-err\">\n<legend><span class=\"qn\">" + std::to_string(number_) + ".</span> " +
               (ins_.show_codes ? "<span class=\"qid\">" + esc(q.id) + "</span> " : std::string()) + "<span class=\"qt\">" +
               esc(q.text.get(lang_)) + "</span></legend>\n";
        if (q.condition) {
            const Question* gate = ins_.find_question(q.condition->question);
            out += "<p class=\"cond\">" +
                   esc(fmt::format("{} {} {} {}.", t("Deze vraag hoort bij het antwoord", "This question belongs to the answer"),
                                   gate ? option_labels(*gate, q.condition->answers) : "", t("op vraag", "to question"),
                                   ins_.shown_name(q.condition->question))) +
                   "</p>\n";
        }
        // Who should know, outside the folded help: it tells whether a
        // "don't know" counts (builders/owners_line.hpp).
        if (auto who = owners_sentence(ins_, q, lang_); !who.empty()) out += "<p class=\"who\">" + esc(who) + "</p>\n";
        if (!q.help.empty())
            out += "<details class=\"help\"><summary>" + esc(t("Waarom deze vraag?", "Why this question?")) + "</summary>\n" +
                   markdown(q.help, q.where) + "</details>\n";
        switch (q.kind) {
        case QuestionKind::choice:
        case QuestionKind::multi: {
            const Scale* s = ins_.find_scale(q.scale);
            bool multi = q.kind == QuestionKind::multi;
            if (multi) out += "<p class=\"hint\">" + esc(t("Kies een of meer antwoorden.", "Choose one or more answers.")) + "</p>\n";
            out += "<div class=\"opts\">";
            bool reason = false;
            if (s)
                for (const auto& o : s->options) {
                    reason = reason || o.reason_required;
                    out += "<label class=\"opt\"><input";
                    attr(out, "type", multi ? "checkbox" : "radio");
                    attr(out, "name", q.id);
                    attr(out, "value", o.id);
                    if (o.reason_required) out += " data-reason=\"1\"";
                    out += "/><span>" + esc(o.label.get(lang_)) + "</span></label>";
                }
            out += "</div>\n";
            if (reason) {
                std::string rid = html_id("rs-", q.id);
                out += "<div class=\"reason\" hidden=\"hidden\"><label for=\"" + rid + "\">" +
                       esc(t("Waarom is deze vraag niet van toepassing?", "Why does this question not apply?")) +
                       "</label><textarea rows=\"2\" id=\"" + rid + "\" data-part=\"reason\"></textarea></div>\n";
            }
            break;
        }
        case QuestionKind::text: {
            std::string id = html_id("in-", q.id);
            out += "<label class=\"sr\" for=\"" + id + "\">" + esc(t("Uw antwoord", "Your answer")) + "</label><textarea rows=\"4\" id=\"" +
                   id + "\" name=\"" + esc(q.id) + "\"></textarea>\n";
            break;
        }
        case QuestionKind::number: {
            std::string id = html_id("in-", q.id);
            std::string hint;
            if (q.min && q.max) hint = fmt::format("{} {} {} {}", t("Een getal van", "A number from"), number_text(*q.min), t("tot", "to"),
                                                   number_text(*q.max));
            else if (q.min) hint = fmt::format("{} {}", t("Een getal vanaf", "A number from"), number_text(*q.min));
            else if (q.max) hint = fmt::format("{} {}", t("Een getal tot", "A number up to"), number_text(*q.max));
            else hint = t("Een getal", "A number");
            if (!q.unit.empty()) hint += " (" + q.unit.get(lang_) + ")";
            hint += t(". Weet u het niet? Laat het leeg.", ". Don't know? Leave it empty.");
            out += "<div class=\"num\"><label for=\"" + id + "\">" + esc(t("Uw antwoord", "Your answer")) + "</label><span class=\"hint\" id=\"" +
                   id + "-hint\">" + esc(hint) + "</span><input type=\"text\" inputmode=\"decimal\" id=\"" + id + "\" name=\"" + esc(q.id) +
                   "\" aria-describedby=\"" + id + "-hint " + fid + "-err\"/>";
            if (!q.unit.empty()) out += " <span class=\"unit\">" + esc(q.unit.get(lang_)) + "</span>";
            out += "</div>\n";
            break;
        }
        }
        out += "<div class=\"extra\">";
        if (!q.evidence.empty()) {
            std::string id = html_id("ev-", q.id);
            out += "<div><label for=\"" + id + "\">" + esc(t("Bewijs", "Evidence")) + "</label><span class=\"hint\">" +
                   esc(q.evidence.get(lang_)) + "</span><textarea rows=\"2\" id=\"" + id + "\" data-part=\"evidence\"></textarea></div>";
        }
        std::string nid = html_id("nt-", q.id);
        out += "<div><label for=\"" + nid + "\">" + esc(t("Toelichting (als u wilt)", "Note (if you like)")) + "</label><textarea rows=\"2\" id=\"" +
               nid + "\" data-part=\"note\"></textarea></div></div>\n";
        out += "<p class=\"err\" id=\"" + fid + "-err\" hidden=\"hidden\"></p>\n</fieldset>\n";
        return out;
    }

    std::string actions() {
        std::string out = "<section class=\"actions\" aria-labelledby=\"actions-h\"><h2 id=\"actions-h\">" +
                          esc(t("Klaar? Sla uw antwoorden op", "Done? Save your answers")) + "</h2>\n<p>" +
                          esc(to("‘Opslaan’ maakt het antwoordbestand (CODE.toml). Stuur dat bestand naar {}. ‘Kopiëren’ zet de antwoorden op het klembord, om in een e-mail te plakken.",
                                 "‘Save’ makes the answer file (CODE.toml). Send that file to {}. ‘Copy’ puts the answers on the clipboard, to paste into an e-mail.")) +
                          "</p>\n<div class=\"errors\" id=\"zs-errors\" tabindex=\"-1\" hidden=\"hidden\"></div>\n";
        out += "<div class=\"buttons\"><button type=\"button\" id=\"zs-save\" class=\"primary\">" + esc(t("Opslaan", "Save")) +
               "</button> <button type=\"button\" id=\"zs-copy\">" + esc(t("Kopiëren", "Copy")) +
               "</button> <button type=\"button\" id=\"zs-clear\" class=\"danger\">" + esc(t("Wis mijn antwoorden", "Clear my answers")) +
               "</button></div>\n<p class=\"status\" id=\"zs-status\" role=\"status\" aria-live=\"polite\"></p>\n";
        out += "<details class=\"preview\"><summary>" + esc(t("Bekijk het antwoordbestand", "View the answer file")) +
               "</summary><pre id=\"zs-preview\" tabindex=\"0\" aria-label=\"" + esc(t("Het antwoordbestand", "The answer file")) +
               "\"></pre></details>\n</section>\n";
        return out;
    }

    // -------------------------------------------------------------- data --

    std::string data_json() {
        JsonWriter j;
        j.begin_object();
        j.string("instrument", ins_.id);
        j.string("version", ins_.version.text);
        j.string("lang", lang_);
        j.string("storage", "zelfscan:" + ins_.id + ":" + ins_.version.text + ":" + lang_);
        AnswerFileSkeleton sk = answer_file_skeleton(ins_, lang_);
        j.string("intro", sk.intro);
        j.begin_array("fields");
        for (const auto& [key, comment] : sk.fields) {
            j.begin_array();
            j.string("", key);
            j.string("", comment);
            j.end_array();
        }
        j.end_array();
        j.begin_array("items");
        for (const auto& item : sk.items) {
            j.begin_array();
            j.string("", item.question);
            j.string("", item.text);
            j.end_array();
        }
        j.end_array();
        j.begin_object("questions");
        std::size_t n = 0;
        auto q_json = [&](const Question& q, std::string_view section) {
            j.begin_object(q.id);
            j.integer("n", static_cast<long long>(++n));
            j.string("kind", to_string(q.kind));
            j.string("section", section);
            j.optional("min", q.min);
            j.optional("max", q.max);
            if (q.condition) {
                j.string("gate", q.condition->question);
                j.strings("when", q.condition->answers);
            }
            if (const Scale* s = ins_.find_scale(q.scale)) {
                std::vector<std::string> reasons;
                j.begin_object("labels");
                for (const auto& o : s->options) {
                    j.string(o.id, o.label.get(lang_));
                    if (o.reason_required) reasons.push_back(o.id);
                }
                j.end_object();
                j.strings("reason", reasons);
            }
            j.end_object();
        };
        for (const auto& q : ins_.profile.questions) q_json(q, "profile");
        for (const auto& d : ins_.domains)
            for (const auto& q : d.questions) q_json(q, d.id);
        j.end_object();
        messages(j);
        j.end_object();
        return j.str();
    }

    // The messages the script shows: from the program's message catalogue
    // (po/nl.po), in the form's language, and for the problems `zelfscan
    // check` also finds, check's own message and hint, so both word a
    // problem alike. The script fills in {id} ("vraag 12 (D3.2)"), {v} (what
    // was given), {min}, {max}, {k}, {f}, {a} and {t}.
    void messages(JsonWriter& j) {
        MessageLanguageScope scope(is_english(lang_) ? MessageLanguage::en : MessageLanguage::nl);
        j.begin_object("msg");
        j.string("question", msg("question {} ({})", "{n}", "{id}").str());
        j.string("not_a_number", said(msg("the answer to {} is not a number: '{}'", "{id}", "{v}"), msg("write for example 12 or 12.5")));
        j.string("out_of_range", said(msg("{} is out of range for '{}'", "{v}", "{id}"), msg("expected {} to {}", "{min}", "{max}")));
        j.string("below_min", said(msg("{} is out of range for '{}'", "{v}", "{id}"), msg("expected at least {}", "{min}")));
        j.string("above_max", said(msg("{} is out of range for '{}'", "{v}", "{id}"), msg("expected at most {}", "{max}")));
        j.string("no_reason", said(msg("'{}' is answered '{}' without a reason", "{id}", "{v}"), msg("write down why")));
        j.string("bad_date", said(msg("date '{}' is not a date", "{v}"), msg("write it as 2026-10-01 or 1-10-2026")));
        j.string("bad_participants", said(msg("the number of participants ({}) is out of range", "{v}"), msg("a session has 1 to 1000 participants")));
        j.string("summary_one", msg("There is 1 problem. Correct it and click again.").str());
        j.string("summary_many", msg("There are {} problems. Correct them and click again.", "{k}").str());
        const std::string who = ins_.hand_in_to.empty() ? t("de coördinator", "the coordinator") : ins_.hand_in_to.get(lang_);
        j.string("saved", msg("The file {} is saved. Send it to {}.", "{f}", who).str());
        j.string("copied", msg("The answers are on the clipboard.").str());
        j.string("copy_failed", msg("Copying did not work. Open ‘View the answer file’ and copy the text yourself.").str());
        j.string("confirm_clear", msg("Are you sure? All your answers on this device will be cleared.").str());
        j.string("cleared", msg("Your answers are cleared.").str());
        j.string("restored", msg("Your earlier answers are restored.").str());
        j.string("no_storage", msg("This browser does not keep the answers. Save them before you close the page.").str());
        j.string("progress", msg("{} of {} answered", "{a}", "{t}").str());
        j.end_object();
    }
};

} // namespace

std::string build_html_form(const Instrument& ins, const HtmlFormOptions& options, Diagnostics& diags) {
    std::string page = FormWriter(ins, options.lang, diags).page();
    if (diags.has_errors()) return {};
    return page;
}

} // namespace zs
