#include "builders/answer_set.hpp"

#include <algorithm>

#include "answers/input.hpp"
#include "answers/load_answers.hpp"
#include "scoring/assessment.hpp"
#include "util/parallel.hpp"

namespace zs {

RespondentFacts stream_answer_set(const Instrument& ins, const std::vector<std::string>& paths, Diagnostics& diags,
                                  const std::function<void(Response&&)>& sink) {
    std::vector<std::string> files = expand_answer_paths(paths, diags);
    std::sort(files.begin(), files.end());
    RespondentFacts facts;
    ResponseSetCheck set;
    constexpr std::size_t batch = 512;
    for (std::size_t from = 0; from < files.size(); from += batch) {
        std::vector<std::string> slice(files.begin() + static_cast<std::ptrdiff_t>(from),
                                       files.begin() + static_cast<std::ptrdiff_t>(std::min(files.size(), from + batch)));
        std::vector<AnswerSource> sources = read_answer_sources(slice, diags);
        // Parsed on every core; diagnostics merged in path order, so output
        // never depends on which thread finished first.
        std::vector<std::optional<Response>> parsed(sources.size());
        std::vector<Diagnostics> found(sources.size());
        parallel_for(sources.size(), [&](std::size_t i) {
            if (sources[i].header) parsed[i] = parse_source(sources[i], ins, found[i]);
        });
        for (std::size_t i = 0; i < sources.size(); ++i) {
            diags.append(found[i]);
            if (!parsed[i]) continue;
            Response& r = *parsed[i];
            set.add_version(r.path, r.instrument, r.version, r.version_where);
            set.add_code(r.path, r.respondent.code);
            facts.add(r);
            if (sink) sink(std::move(r));
        }
    }
    set.report_versions(diags);
    set.report_codes(diags);
    note_other_patch_versions(ins, facts, diags);
    return facts;
}

std::vector<Response> load_answer_set(const Instrument& ins, const std::vector<std::string>& paths, Diagnostics& diags) {
    std::vector<Response> out;
    stream_answer_set(ins, paths, diags, [&](Response&& r) { out.push_back(std::move(r)); });
    return out;
}

} // namespace zs
