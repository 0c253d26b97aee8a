// The fast reader of plain answer files must read exactly what the full
// TOML reader reads, or decline; parse_response must give the same result
// whichever reader it used.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>
#include <string>

#include "answers/load_answers.hpp"
#include "answers/template_writer.hpp"
#include "model/load_instrument.hpp"
#include "util/files.hpp"

using namespace zs;

namespace {

const Instrument& instrument(const std::string& path) {
    static std::map<std::string, Instrument> cache;
    auto it = cache.find(path);
    if (it == cache.end()) {
        Diagnostics d;
        auto ins = load_instrument(path, d);
        INFO(format(d));
        REQUIRE(ins);
        it = cache.emplace(path, std::move(*ins)).first;
    }
    return it->second;
}

const Instrument& example() { return instrument(std::string(ZELFSCAN_TEST_DATA) + "/instruments/voorbeeld.toml"); }

std::string where(const SourceLocation& l) { return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column); }

// Every field, locations included.
void check_same(const Response& a, const Response& b) {
    CHECK(a.instrument == b.instrument);
    CHECK(a.version == b.version);
    CHECK(a.language == b.language);
    CHECK(a.path == b.path);
    CHECK(where(a.version_where) == where(b.version_where));
    CHECK(a.respondent.code == b.respondent.code);
    CHECK(a.respondent.role == b.respondent.role);
    CHECK(where(a.respondent.role_where) == where(b.respondent.role_where));
    CHECK(a.respondent.organisation == b.respondent.organisation);
    CHECK(a.respondent.unit == b.respondent.unit);
    CHECK(a.respondent.date == b.respondent.date);
    CHECK(a.respondent.participants == b.respondent.participants);
    REQUIRE(a.answers.size() == b.answers.size());
    for (std::size_t i = 0; i < a.answers.size(); ++i) {
        const Answer& x = a.answers[i];
        const Answer& y = b.answers[i];
        CAPTURE(x.question);
        CHECK(x.question == y.question);
        CHECK(x.options == y.options);
        CHECK(x.text == y.text);
        CHECK(x.number == y.number);
        CHECK(x.reason == y.reason);
        CHECK(x.note == y.note);
        CHECK(x.evidence == y.evidence);
        CHECK(where(x.where) == where(y.where));
    }
}

// Reads the header of `text` both ways. Returns whether the plain reader
// took it; then toml++ must read the same header and report nothing.
bool compare_header(const std::string& text) {
    auto plain = read_plain_header(text, "f.toml");
    Diagnostics d;
    auto full = read_toml_header(text, "f.toml", d);
    if (!plain) return false;
    INFO(text);
    INFO(format(d));
    REQUIRE(full);
    CHECK(d.empty());
    CHECK(plain->instrument == full->instrument);
    CHECK(plain->version == full->version);
    CHECK(where(plain->where) == where(full->where));
    return true;
}

// Reads `text` both ways. Returns whether the plain reader took it; a file
// it takes has a plain header too.
bool compare(const std::string& text, const Instrument& ins) {
    bool header = compare_header(text);
    auto plain = read_plain_answers(text, "f.toml", ins);
    Diagnostics d;
    auto full = read_toml_answers(text, "f.toml", ins, d);
    if (!plain) return false;
    INFO(text);
    INFO(format(d));
    REQUIRE(full);
    CHECK(d.empty()); // the plain reader declines whatever the full one reports
    CHECK(header);
    check_same(*plain, *full);
    return true;
}

} // namespace

TEST_CASE("the plain reader reads every shipped sample as the full reader does") {
    namespace fs = std::filesystem;
    int taken = 0;
    for (const char* dir : {"/samples/werk-en-inkomen", "/samples/quickscan"}) {
        for (const auto& e : fs::recursive_directory_iterator(std::string(ZELFSCAN_SOURCE_DIR) + dir)) {
            if (e.path().extension() != ".toml") continue;
            auto file = read_file(e.path().string());
            REQUIRE(file.ok());
            Diagnostics hd;
            auto header = read_answer_header(file.data, e.path().string(), hd);
            REQUIRE(header);
            const Instrument& ins = instrument(std::string(ZELFSCAN_SOURCE_DIR) + "/instruments/" + header->instrument + ".toml");
            CAPTURE(e.path().string());
            if (compare(file.data, ins)) ++taken;
        }
    }
    CHECK(taken >= 16);
}

TEST_CASE("the plain reader agrees on generated answer files, CRLF and odd text included") {
    const Instrument& ins = instrument(std::string(ZELFSCAN_SOURCE_DIR) + "/instruments/institutioneel-racisme.toml");
    std::mt19937 rng(7);
    const char* texts[] = {"", "kort", "met \"quotes\" en \\ backslash", "tab\there", "ë é ß 漢 😀", "  spaties  ",
                           "# geen commentaar", "{ answer = \"nee\" }", "regel 1\nregel 2", "= \"\" =",
                           "twee\nregels \"\"\" met drie quotes\"", "eind\n\"\""};
    int taken = 0;
    for (int n = 0; n < 60; ++n) {
        Response r;
        r.instrument = ins.id;
        r.version = ins.version.text;
        r.respondent.code = texts[rng() % 8]; // one line: a multi-line code is left to the full reader
        r.respondent.role = ins.roles[rng() % ins.roles.size()].id;
        r.respondent.date = n % 2 ? "2026-02-28" : "";
        if (n % 7 == 0) r.respondent.participants = 5;
        for (const auto& id : ins.question_order) {
            const Question& q = *ins.find_question(id);
            if (rng() % 3 == 0) continue;
            Answer a;
            a.question = id;
            if (const Scale* s = ins.find_scale(q.scale)) a.options.push_back(s->options[rng() % s->options.size()].id);
            else if (q.kind == QuestionKind::number) a.number = static_cast<double>(rng() % 50);
            else if (q.kind == QuestionKind::text) a.text = texts[1 + rng() % 11];
            if (rng() % 4 == 0) a.note = texts[rng() % 12];
            if (rng() % 5 == 0) a.evidence = texts[rng() % 12];
            if (rng() % 9 == 0) a.reason = texts[rng() % 12];
            r.answers.push_back(std::move(a));
        }
        std::string file = write_answer_file(ins, r, n % 3 ? "nl" : "en");
        if (compare(file, ins)) ++taken;
        std::string crlf;
        for (char c : file) {
            if (c == '\n') crlf += '\r';
            crlf += c;
        }
        compare(crlf, ins);
    }
    CHECK(taken >= 55);
}

TEST_CASE("the plain reader declines what is not plain, and parse_response still reads it") {
    const std::string head = "instrument = \"voorbeeld\"\nversion = \"1.0.0\"\n";
    const char* declined[] = {
        "[answers]\nD1.1 = \"ja\"\n",                       // dotted bare key
        "[answers]\n\"D1.1\" = 'ja'\n",                     // literal string
        "[answers]\n\"D1.1\" = [\"ja\"]\n",                 // array
        "[answers]\n\"D1.1\" = \"\"\"ja\"\"\"\n",           // multi-line option
        "[answers]\n\"D1.1\" = { note = \"\"\"a\\\n  b\"\"\" }\n", // line-ending backslash
        "[answers]\n\"D1.1\" = { note = \"\"\"a\"\"\"\"\"\" }\n", // six quotes (invalid)
        "[answers]\n\"D1.1\" = \"j\\u0061\"\n",             // rare escape
        "[answers]\n\"D1.1\" = { answer = \"ja\", }\n",     // trailing comma (invalid)
        "[answers]\n\"D1.1\" = \"ja\" x\n",                 // trailing text (invalid)
        "[answers]\n\"D1.1\" = \"ja\"\n\"D1.1\" = \"nee\"\n", // twice (invalid)
        "[answers]\n\"D9.9\" = \"ja\"\n",                   // unknown question
        "[answers]\n\"D1.1\" = { answer = \"ja\", oops = \"x\" }\n",
        "[respondent]\ndate = 2026-02-30\n[answers]\n",      // no such day (invalid)
        "[respondent]\ndate = 2026-02-03T10:00:00\n[answers]\n",
        "[respondent]\nparticipants = 0\n[answers]\n",
        "[respondent]\nparticipants = 07\n[answers]\n",
        "[respondent]\nparticipants = 1.5\n[answers]\n",
        "[respondent]\nnaam = \"x\"\n[answers]\n",
        "[answers]\n[answers]\n",
        "[other]\n[answers]\n",
        "",
        "[answers]\n\"D1.1\" = \"ja\"\r",
        "# a lone \r in a comment\n[answers]\n",              // CR only in CRLF (invalid)
        "[answers] # a lone \r in a comment\n",
    };
    for (const char* tail : declined) {
        std::string text = head + tail;
        CAPTURE(text);
        CHECK_FALSE(read_plain_answers(text, "f.toml", example()));
        compare_header(text); // a plain header must be toml++'s
    }
    // The header reader asks only for valid TOML: answers the instrument
    // would refuse still give the header, and what is not valid TOML does
    // not (toml++ reports it).
    const char* header_only[] = {
        "[answers]\n\"D9.9\" = \"ja\"\n",
        "[answers]\n\"D1.1\" = { answer = \"ja\", oops = \"x\" }\n",
        "[respondent]\nparticipants = 0\n[answers]\n",
        "[respondent]\nnaam = \"x\"\n[answers]\nQ = 12\n",
        "[answers]\n\"D1.1\" = 2026-02-03\n",
    };
    for (const char* tail : header_only) {
        std::string text = head + tail;
        CAPTURE(text);
        CHECK(compare_header(text));
    }
    const char* not_toml[] = {
        "[answers]\n\"D1.1\" = \"ja\"\n\"D1.1\" = \"nee\"\n",
        "[answers]\nQ = \"ja\"\n\"Q\" = \"nee\"\n",
        "[respondent]\ncode = \"a\"\ncode = \"b\"\n[answers]\n",
        "[respondent]\ndate = 2026-02-30\n[answers]\n",
        "[answers]\n\"D1.1\" = { answer = \"ja\", }\n",
        "[answers]\n[answers]\n",
    };
    auto refused = [](const std::string& text) {
        CAPTURE(text);
        CHECK_FALSE(read_plain_header(text, "f.toml"));
        Diagnostics d;
        CHECK_FALSE(read_answer_header(text, "f.toml", d));
        CHECK(d.has_errors());
    };
    for (const char* tail : not_toml) refused(head + tail);
    for (const char* bad_head : {"instrument = \"../x\"\nversion = \"1.0.0\"\n[answers]\n",
                                 "instrument = \"\"\nversion = \"1.0.0\"\n[answers]\n",
                                 "version = \"1.0.0\"\n[answers]\n", "instrument = \"voorbeeld\"\n[answers]\n"})
        refused(bad_head);
    // Taken: the forms the template and people write.
    const char* taken[] = {
        "[respondent]\ndate = 2024-02-29\nparticipants = 12\n[answers]\n\"D1.1\" = { answer = \"ja\" , note=\"x\" }\n",
        "\n  # comment\n[answers]   # comment\n P1 = \"1000-10000\"\t# after\n\"D2.3\"=\"tekst\"",
        "[answers]\n\"D1.1\" = {}\n",
        "[answers]\n\"D1.1\" = { note = \"\"\"\r\nline 1\r\n\"line\" 2\"\"\"\"\" , answer = \"nee\" }\n\"D2.3\" = \"\"\"open\nantwoord\"\"\"\n",
    };
    for (const char* tail : taken) {
        std::string text = head + tail;
        CAPTURE(text);
        CHECK(compare(text, example()));
    }
}
