#include "answers/response.hpp"

namespace zs {

const Answer* Response::find(std::string_view question) const {
    for (const auto& a : answers)
        if (a.question == question) return &a;
    return nullptr;
}

void RespondentFacts::add(const Response& r) {
    ++count;
    const Respondent& who = r.respondent;
    if (!who.organisation.empty()) ++organisations[who.organisation];
    if (!who.unit.empty()) ++units[who.unit];
    if (!who.date.empty()) {
        if (first_date.empty() || who.date < first_date) first_date = who.date;
        if (who.date > last_date) last_date = who.date;
    }
    Files& f = versions[r.version];
    if (f.count++ == 0 || r.path < f.first) f.first = r.path;
}

RespondentFacts facts_of(const std::vector<Response>& responses) {
    RespondentFacts f;
    for (const auto& r : responses) f.add(r);
    return f;
}

} // namespace zs
