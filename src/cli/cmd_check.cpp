// `zelfscan check FILE...`: validates instrument files and answer files and
// prints a one-line summary per valid file.
#include <fmt/format.h>

#include "answers/load_answers.hpp"
#include "cli/commands.hpp"
#include "cli/instrument_lookup.hpp"
#include "cli/output.hpp"
#include "model/load_instrument.hpp"
#include "util/files.hpp"
#include "util/i18n.hpp"

namespace zs {

namespace {

std::string summary(const Instrument& ins) {
    auto n = [](std::size_t count, Noun noun) { return counted("en", static_cast<long long>(count), noun, noun); };
    return fmt::format("{}: ok: instrument {} {} ({}): {}, {}, {}", ins.path, ins.id, ins.version.text,
                       fmt::join(ins.languages, ", "), n(ins.domains.size(), {"domain", "domains"}),
                       n(ins.question_count(), {"question", "questions"}), n(ins.measures.size(), {"measure", "measures"}));
}

struct CheckOptions {
    std::vector<std::string> files;
    std::string instrument;
};

bool check_answers(const std::string& path, const std::string& data, const CheckOptions& opt) {
    Diagnostics diags;
    auto header = read_answer_header(data, path, diags);
    if (!header) {
        print_diagnostics(diags);
        return false;
    }
    std::string ins_path = opt.instrument;
    if (ins_path.empty()) {
        auto found = find_instrument_file(header->instrument);
        if (!found) {
            diags.error(header->where, fmt::format("cannot find instrument '{}'", header->instrument),
                        "give it with --instrument FILE, or put it in ./instruments");
            print_diagnostics(diags);
            return false;
        }
        ins_path = *found;
    }
    auto ins = load_instrument(ins_path, diags, markdown_validator());
    if (!ins) {
        print_diagnostics(diags);
        return false;
    }
    auto resp = parse_response(data, path, *ins, diags);
    print_diagnostics(diags);
    if (!resp) return false;
    std::size_t total = 0;
    for (const auto& id : ins->question_order) {
        const Question* q = ins->find_question(id);
        if (visibility(*q, *resp) != Visibility::skipped) ++total;
    }
    std::size_t missing = count_missing(*ins, *resp);
    std::string who = resp->respondent.code.empty() ? "" : fmt::format(" by {}", resp->respondent.code);
    if (resp->respondent.is_session()) who += fmt::format(" (session of {})", resp->respondent.participants);
    fmt::print("{}: ok: answers to {} {}{}: {} of {} questions answered, {} missing\n", path, ins->id, ins->version.text, who,
               total - missing, total, missing);
    return true;
}

bool check_file(const std::string& path, const CheckOptions& opt) {
    auto file = read_file(path);
    if (!file.ok()) {
        fmt::print(stderr, "{}: error: {}\n", path, file.error);
        return false;
    }
    if (looks_like_answer_file(file.data)) return check_answers(path, file.data, opt);
    Diagnostics diags;
    auto ins = parse_instrument(file.data, path, diags, markdown_validator());
    print_diagnostics(diags);
    if (!ins) return false;
    fmt::print("{}\n", summary(*ins));
    return true;
}

} // namespace

void add_check_command(CLI::App& app, CliContext& ctx) {
    auto* cmd = app.add_subcommand("check", "Check instrument files and answer files; report every problem.\n"
                                            "Controleer instrument- en antwoordbestanden en meld alle fouten.");
    auto opt = std::make_shared<CheckOptions>();
    cmd->add_option("files", opt->files, "Instrument or answer files (.toml) / instrument- of antwoordbestanden")->required();
    cmd->add_option("--instrument", opt->instrument,
                    "Instrument to check answer files against (default: found by id in ./instruments)\n"
                    "Instrument voor antwoordbestanden (standaard: gezocht op id in ./instruments)");
    cmd->callback([opt, &ctx] {
        bool all_ok = true;
        for (const auto& path : opt->files) all_ok = check_file(path, *opt) && all_ok;
        ctx.exit_code = all_ok ? 0 : 1;
    });
}

} // namespace zs
