#include "builders/answer_set.hpp"

#include "answers/input.hpp"
#include "scoring/assessment.hpp"
#include "util/parallel.hpp"

namespace zs {

std::vector<Response> load_answer_set(const Instrument& ins, const std::vector<std::string>& paths, Diagnostics& diags) {
    std::vector<std::string> files = expand_answer_paths(paths, diags);
    std::sort(files.begin(), files.end());
    std::vector<AnswerSource> sources = read_answer_sources(files, diags);
    // Parsed on every core; diagnostics merged in path order, so output never
    // depends on which thread finished first.
    std::vector<std::optional<Response>> parsed(sources.size());
    std::vector<Diagnostics> found(sources.size());
    parallel_for(sources.size(), [&](std::size_t i) {
        if (sources[i].header) parsed[i] = parse_source(sources[i], ins, found[i]);
    });
    std::vector<Response> out;
    out.reserve(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
        diags.append(found[i]);
        if (parsed[i]) out.push_back(std::move(*parsed[i]));
    }
    check_response_set(out, diags);
    note_other_patch_versions(ins, out, diags);
    return out;
}

} // namespace zs
