#include "model/instrument.hpp"

#include <algorithm>
#include <charconv>

namespace zs {

const Option* Scale::find(std::string_view option_id) const {
    for (const auto& o : options)
        if (o.id == option_id) return &o;
    return nullptr;
}

bool Instrument::asks(std::string_view field) const {
    return std::find(respondent.begin(), respondent.end(), field) != respondent.end();
}

const RiskBand* RiskModel::band_for(double percentage) const {
    for (const auto& b : bands)
        if (percentage <= b.upto + 1e-9) return &b;
    return bands.empty() ? nullptr : &bands.back();
}

const RiskBand* RiskModel::find_band(std::string_view id) const {
    for (const auto& b : bands)
        if (b.id == id) return &b;
    return nullptr;
}

std::optional<Version> parse_version(std::string_view text) {
    Version v;
    v.text = std::string(text);
    int* parts[] = {&v.major, &v.minor, &v.patch};
    const char* p = text.data();
    const char* end = text.data() + text.size();
    for (int i = 0; i < 3; ++i) {
        if (p == end || *p < '0' || *p > '9') return std::nullopt;
        if (*p == '0' && p + 1 != end && p[1] >= '0' && p[1] <= '9') return std::nullopt;
        auto [next, ec] = std::from_chars(p, end, *parts[i]);
        if (ec != std::errc()) return std::nullopt;
        p = next;
        if (i < 2) {
            if (p == end || *p != '.') return std::nullopt;
            ++p;
        }
    }
    // Pre-release and build suffixes: -rc.1, +build.5
    if (p != end && *p != '-' && *p != '+') return std::nullopt;
    for (; p != end; ++p) {
        char c = *p;
        bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  c == '.' || c == '-' || c == '+';
        if (!ok) return std::nullopt;
    }
    return v;
}

const Question* Instrument::find_question(std::string_view qid) const {
    auto it = question_index.find(qid);
    if (it == question_index.end()) return nullptr;
    const auto& ref = it->second;
    if (ref.domain < 0) return &profile.questions[static_cast<std::size_t>(ref.index)];
    return &domains[static_cast<std::size_t>(ref.domain)].questions[static_cast<std::size_t>(ref.index)];
}

template <class T> static const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
    return it == items.end() ? nullptr : &*it;
}

const Scale* Instrument::find_scale(std::string_view sid) const { return find_by_id(scales, sid); }
const Role* Instrument::find_role(std::string_view rid) const { return find_by_id(roles, rid); }
const Measure* Instrument::find_measure(std::string_view mid) const { return find_by_id(measures, mid); }
const Source* Instrument::find_source(std::string_view sid) const { return find_by_id(sources, sid); }

const std::vector<std::string>* Instrument::owners_of(std::string_view question) const {
    auto it = question_index.find(question);
    if (it == question_index.end()) return nullptr;
    const QuestionRef& ref = it->second;
    const Question& q = ref.domain < 0 ? profile.questions[static_cast<std::size_t>(ref.index)]
                                       : domains[static_cast<std::size_t>(ref.domain)].questions[static_cast<std::size_t>(ref.index)];
    const std::vector<std::string>* owners = nullptr;
    if (q.owners) owners = &*q.owners;
    else if (ref.domain >= 0) owners = &domains[static_cast<std::size_t>(ref.domain)].owners;
    return !owners || names_every_role(*owners) ? nullptr : owners;
}

bool Instrument::names_owners() const {
    for (const auto& d : domains) {
        if (!names_every_role(d.owners)) return true;
        for (const auto& q : d.questions)
            if (q.owners && !names_every_role(*q.owners)) return true;
    }
    return false;
}

bool Instrument::names_every_role(const std::vector<std::string>& owners) const {
    if (owners.empty()) return true;
    return !roles.empty() && std::all_of(roles.begin(), roles.end(), [&](const Role& r) {
        return std::find(owners.begin(), owners.end(), r.id) != owners.end();
    });
}

bool Instrument::owns(std::string_view question, std::string_view role) const {
    if (role.empty()) return true;
    const std::vector<std::string>* owners = owners_of(question);
    return !owners || std::find(owners->begin(), owners->end(), role) != owners->end();
}

std::string Instrument::group_of(std::string_view role) const {
    for (const auto& p : risk.pools)
        if (std::find(p.roles.begin(), p.roles.end(), role) != p.roles.end()) return p.id;
    return std::string(role);
}

const std::string& Instrument::default_language() const {
    static const std::string nl = "nl";
    return languages.empty() ? nl : languages.front();
}

std::string Instrument::shown_name(std::string_view question) const {
    if (!show_codes) {
        auto it = std::find(question_order.begin(), question_order.end(), question);
        if (it != question_order.end()) return std::to_string(it - question_order.begin() + 1);
    }
    return std::string(question);
}

std::size_t Instrument::question_count() const {
    std::size_t n = 0;
    for (const auto& d : domains) n += d.questions.size();
    return n;
}

void Instrument::build_index() {
    question_index.clear();
    question_order.clear();
    auto add = [&](const Question& q, int domain, int index) {
        if (question_index.emplace(q.id, QuestionRef{domain, index}).second)
            question_order.push_back(q.id);
    };
    for (std::size_t i = 0; i < profile.questions.size(); ++i)
        add(profile.questions[i], -1, static_cast<int>(i));
    for (std::size_t d = 0; d < domains.size(); ++d)
        for (std::size_t i = 0; i < domains[d].questions.size(); ++i)
            add(domains[d].questions[i], static_cast<int>(d), static_cast<int>(i));
}

std::string_view to_string(QuestionKind k) {
    switch (k) {
    case QuestionKind::choice: return "choice";
    case QuestionKind::multi: return "multi";
    case QuestionKind::text: return "text";
    case QuestionKind::number: return "number";
    }
    return "choice";
}

std::string_view to_string(Level l) {
    switch (l) {
    case Level::low: return "low";
    case Level::medium: return "medium";
    case Level::high: return "high";
    }
    return "medium";
}

std::string_view to_string(Timeframe t) {
    switch (t) {
    case Timeframe::now: return "now";
    case Timeframe::months3: return "3-months";
    case Timeframe::months12: return "12-months";
    }
    return "12-months";
}

std::string_view to_string(OptionKind k) {
    switch (k) {
    case OptionKind::answer: return "answer";
    case OptionKind::dont_know: return "dont-know";
    case OptionKind::not_applicable: return "not-applicable";
    case OptionKind::cannot_know: return "cannot-know";
    }
    return "answer";
}

} // namespace zs
