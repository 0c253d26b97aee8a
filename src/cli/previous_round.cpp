#include "cli/previous_round.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "answers/load_answers.hpp"
#include "answers/upgrade.hpp"
#include "builders/answer_set.hpp"
#include "cli/commands.hpp"
#include "cli/instrument_lookup.hpp"
#include "model/load_instrument.hpp"
#include "scoring/assessment.hpp"
#include "scoring/plan.hpp"
#include "util/files.hpp"

namespace zs {

namespace fs = std::filesystem;

std::vector<std::string> files_in_folder(const std::string& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!e.is_regular_file(ec)) continue;
        std::string ext = e.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (ext == ".toml" || ext == ".pdf") out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string round_date(const RespondentFacts& facts) { return facts.last_date; }


std::optional<PreviousRound> load_previous_round(const std::string& path, const Instrument& current, Diagnostics& diags) {
    std::error_code ec;
    PreviousRound out;
    if (!fs::is_directory(path, ec)) {
        auto file = read_file(path, limits::round_file);
        if (!file.ok()) {
            diags.error({path, 0, 0}, verbatim(file.error), msg("give the previous round's folder of answer files or its 'score --json' file"));
            return std::nullopt;
        }
        auto r = cycle::read_round_json(file.data, path, diags);
        if (!r) return std::nullopt;
        if (r->instrument != current.id) {
            diags.error({path, 0, 0}, msg("the previous round answers instrument '{}', not '{}'", r->instrument, current.id));
            return std::nullopt;
        }
        out.round = std::move(*r);
        out.mapping = cycle::mapping_from(current, out.round.version);
        out.inputs.push_back(path);
        return out;
    }
    // A folder: the answer files in it (instrument files beside them are skipped).
    std::vector<std::string> answers;
    std::string version;
    SourceLocation version_where;
    for (const auto& f : files_in_folder(path)) {
        if (f.size() > 4 && f.substr(f.size() - 4) == ".pdf") {
            answers.push_back(f);
            continue;
        }
        auto file = read_file(f, limits::instrument_file);
        if (!file.ok()) {
            diags.error({f, 0, 0}, verbatim(file.error));
            continue;
        }
        if (!looks_like_answer_file(file.data)) continue;
        answers.push_back(f);
        Diagnostics quiet;
        if (auto h = read_answer_header(file.data, f, quiet); h && version.empty() && h->instrument == current.id) {
            version = h->version;
            version_where = h->where;
        }
    }
    if (answers.empty()) {
        diags.error({path, 0, 0}, msg("the previous round's folder holds no answer files (.toml or .pdf)"));
        return std::nullopt;
    }
    std::optional<Instrument> older;
    const Instrument* ins = &current;
    if (!version.empty() && version != current.version.text) {
        older = find_instrument_version(path, current.id, version, diags, markdown_validator());
        if (!older) {
            diags.error(version_where,
                        msg("the previous round answers '{}' {}, and that version of the instrument cannot be found", current.id, version),
                        msg("put {}.toml of version {} next to the previous answers, or give its 'score --json' file", current.id, version));
            return std::nullopt;
        }
        ins = &*older;
    }
    std::size_t before = diags.error_count();
    Assessor assessor(*ins);
    RespondentFacts facts = stream_answer_set(*ins, answers, diags, [&](Response&& r) { assessor.add(r); });
    if (diags.error_count() > before) return std::nullopt;
    Assessment a = assessor.finish();
    Plan plan = make_plan(*ins, a);
    out.round = cycle::round_from_assessment(*ins, a, plan);
    out.round.date = round_date(facts);
    out.round.source = path;
    out.mapping = cycle::mapping_from(current, out.round.version);
    out.inputs = answers;
    return out;
}

} // namespace zs
