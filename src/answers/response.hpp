// Responses: what one respondent (or one group session) answered.
// docs/answers-format.md documents the answer file these come from.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.hpp"

namespace zs {

struct Answer {
    std::string question;             // question id, e.g. "D3.2"
    std::vector<std::string> options; // chosen option ids: one for choice, any for multi
    std::optional<std::string> text;  // open text questions
    std::optional<double> number;     // number questions
    std::string reason;               // why "not applicable"
    std::string note;                 // respondent's note (untrusted text)
    std::string evidence;             // named evidence (untrusted text)
    SourceLocation where;

    [[nodiscard]] bool answered() const { return !options.empty() || text || number; }
};

struct Respondent {
    std::string code; // pseudonym or code, never required to be a name
    std::string role; // role group id of the instrument
    std::string organisation;
    std::string unit;
    std::string date; // YYYY-MM-DD
    int participants = 0; // > 0: a group session's consensus answers
    SourceLocation role_where;
    [[nodiscard]] bool is_session() const { return participants > 0; }
};

struct Response {
    std::string instrument; // instrument id
    std::string version;    // instrument version
    std::string language;
    Respondent respondent;
    std::vector<Answer> answers; // ordered by question id; at most one per question
    std::string path;            // file it was read from
    SourceLocation version_where;

    [[nodiscard]] const Answer* find(std::string_view question) const;
};

// What a run keeps of its respondents once their answers are counted: the
// names, dates and versions the outputs show. Its size follows the names
// given, not the number of respondents, so answers can be streamed.
struct RespondentFacts {
    int count = 0;
    std::map<std::string, int> organisations, units; // name -> respondents who gave it (empty names left out)
    std::string first_date, last_date;               // YYYY-MM-DD; empty when no file has a date
    struct Files {
        int count = 0;
        std::string first; // by name
    };
    std::map<std::string, Files> versions; // instrument version answered -> files
    void add(const Response& r);
};
RespondentFacts facts_of(const std::vector<Response>& responses);

} // namespace zs
