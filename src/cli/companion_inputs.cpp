#include "cli/companion_inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "answers/load_answers.hpp"
#include "builders/answer_set.hpp"
#include "cli/commands.hpp"
#include "cli/instrument_lookup.hpp"
#include "model/load_instrument.hpp"
#include "util/files.hpp"

namespace zs {

namespace {

bool has_extension(const std::string& path, std::string_view ext) {
    std::string e = std::filesystem::path(path).extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e == ext;
}

// A folder stands for its answer files and forms, in name order.
std::vector<std::string> expand(const std::vector<std::string>& with) {
    std::vector<std::string> files;
    for (const auto& w : with) {
        std::error_code ec;
        if (!std::filesystem::is_directory(w, ec)) {
            files.push_back(w);
            continue;
        }
        std::vector<std::string> inside;
        for (const auto& e : std::filesystem::directory_iterator(w, ec))
            if (e.is_regular_file(ec) && (has_extension(e.path().string(), ".toml") || has_extension(e.path().string(), ".pdf")))
                inside.push_back(e.path().string());
        std::sort(inside.begin(), inside.end());
        files.insert(files.end(), inside.begin(), inside.end());
    }
    return files;
}

} // namespace

std::vector<CompanionSet> CompanionInputs::sets() const {
    std::vector<CompanionSet> out;
    for (std::size_t i = 0; i < instruments.size(); ++i) out.push_back({&instruments[i], &respondents[i], &assessments[i]});
    return out;
}

void load_companions(const Instrument& main, const std::vector<std::string>& with, CompanionInputs& out,
                     Diagnostics& diags) {
    // Instrument path -> the answer files given for it, in order of first mention.
    std::vector<std::pair<std::string, std::vector<std::string>>> groups;
    auto group_of = [&](const std::string& instrument) -> std::vector<std::string>& {
        for (auto& g : groups)
            if (g.first == instrument) return g.second;
        return groups.emplace_back(instrument, std::vector<std::string>{}).second;
    };
    std::map<std::string, std::string> named; // instrument id -> file given with --with
    std::string current;                      // the last instrument file given
    for (const auto& path : expand(with)) {
        out.paths.push_back(path);
        if (has_extension(path, ".pdf")) {
            if (current.empty())
                diags.error({path, 0, 0}, msg("a filled form in --with needs its questionnaire first"),
                            msg("name the instrument file before the forms: --with instruments/cultuurpeiling.toml forms/*.pdf"));
            else group_of(current).push_back(path);
            continue;
        }
        auto f = read_file(path, limits::instrument_file);
        if (!f.ok()) {
            diags.error({path, 0, 0}, verbatim(f.error));
            continue;
        }
        if (!looks_like_answer_file(f.data)) {
            // An instrument file: the questionnaire for the forms after it.
            auto ins = parse_instrument(f.data, path, diags, markdown_validator());
            if (!ins) continue;
            current = path;
            named[ins->id] = path;
            group_of(path);
            continue;
        }
        auto header = read_answer_header(f.data, path, diags);
        if (!header) continue;
        if (header->instrument == main.id) {
            diags.error(header->where, msg("this file answers '{}', the instrument of the report itself", main.id),
                        msg("give the self-scan's answer files before --with; --with is for the other questionnaires"));
            continue;
        }
        std::string ins_path;
        if (auto it = named.find(header->instrument); it != named.end()) ins_path = it->second;
        else if (auto found = find_instrument_file(header->instrument)) ins_path = *found;
        if (ins_path.empty()) {
            diags.error(header->where, msg("cannot find the questionnaire '{}' this file answers", header->instrument),
                        msg("name its instrument file first: --with instruments/{}.toml ANSWERS...", header->instrument));
            continue;
        }
        group_of(ins_path).push_back(path);
    }
    // Loaded first, then taken in order of instrument id: the report is the
    // same whatever order the files were given in.
    std::vector<std::pair<Instrument, std::vector<std::string>>> loaded;
    for (auto& [ins_path, files] : groups) {
        auto ins = load_instrument(ins_path, diags, markdown_validator());
        if (!ins) continue;
        if (ins->id == main.id) {
            diags.error({ins_path, 0, 0}, msg("--with names '{}', the instrument of the report itself", main.id),
                        msg("give the self-scan's answer files before --with; --with is for the other questionnaires"));
            continue;
        }
        if (ins->risk.scored) {
            diags.error({ins_path, 0, 0}, msg("'{}' has a risk model; --with adds questionnaires without one", ins->id),
                        msg("make its own risk report: zelfscan report {} ANSWERS... -o REPORT", ins_path));
            continue;
        }
        if (files.empty()) {
            diags.error({ins_path, 0, 0}, msg("--with names '{}' but gives no answer files for it", ins->id),
                        msg("put its answer files or filled forms after it"));
            continue;
        }
        if (std::any_of(loaded.begin(), loaded.end(), [&](const auto& l) { return l.first.id == ins->id; })) {
            diags.error({ins_path, 0, 0}, msg("'{}' is given twice with --with (two files of that id)", ins->id));
            continue;
        }
        loaded.emplace_back(std::move(*ins), files);
    }
    std::sort(loaded.begin(), loaded.end(), [](const auto& a, const auto& b) { return a.first.id < b.first.id; });
    for (auto& [ins, files] : loaded) {
        // Counted as they are read (issue 19); the instrument is moved into
        // place first, so the assessor's reference to it stays valid.
        out.instruments.push_back(std::move(ins));
        const Instrument& placed = out.instruments.back();
        Assessor assessor(placed);
        RespondentFacts facts = stream_answer_set(placed, files, diags, [&](Response&& r) { assessor.add(r); });
        if (facts.count == 0) {
            out.instruments.pop_back();
            continue;
        }
        out.respondents.push_back(std::move(facts));
        out.assessments.push_back(assessor.finish());
        withhold_small_questions(out.assessments.back()); // shown only, never planned
    }
}

} // namespace zs
