// `zelfscan import FILLED.pdf... -o OUT`: filled PDF forms to answer files.
// One bad form does not stop the others; nothing is written for it.
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "answers/load_answers.hpp"
#include "answers/template_writer.hpp"
#include "builders/form.hpp"
#include "cli/commands.hpp"
#include "cli/instrument_lookup.hpp"
#include "cli/output.hpp"
#include "model/load_instrument.hpp"
#include "util/files.hpp"

namespace zs {

namespace fs = std::filesystem;

void add_import_command(CLI::App& app, CliContext& ctx) {
    struct Options {
        std::vector<std::string> forms;
        std::string output, instrument, lang;
    };
    auto opt = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("import", "Turn filled PDF forms into answer files.\n"
                                             "Zet ingevulde PDF-formulieren om in antwoordbestanden.");
    cmd->add_option("forms", opt->forms, "Filled forms (.pdf) / ingevulde formulieren")->required();
    cmd->add_option("-o,--output", opt->output,
                    "Answer file for one form, or a folder for several / antwoordbestand, of een map bij meer formulieren")
        ->required();
    cmd->add_option("--instrument", opt->instrument, "Instrument file (default: found by id in ./instruments)");
    cmd->add_option("--lang", opt->lang, "Language of the comments: nl or en")->check(CLI::IsMember({"nl", "en"}));
    cmd->callback([opt, &ctx] {
        bool to_folder = opt->forms.size() > 1 || fs::is_directory(opt->output);
        if (to_folder && !fs::is_directory(opt->output)) {
            std::error_code ec;
            fs::create_directories(opt->output, ec);
            if (ec) {
                fmt::print(stderr, "{}: error: cannot create the output folder: {}\n", opt->output, ec.message());
                ctx.exit_code = 1;
                return;
            }
        }
        std::map<std::string, Instrument> cache;
        bool all_ok = true;
        std::set<std::string> written;
        for (const auto& path : opt->forms) {
            Diagnostics diags;
            auto file = read_file(path);
            if (!file.ok()) {
                diags.error({path, 0, 0}, file.error);
                print_diagnostics(diags);
                all_ok = false;
                continue;
            }
            auto id = identify_form(file.data, path, diags);
            const Instrument* ins = nullptr;
            if (id) {
                std::string ins_path = opt->instrument;
                if (ins_path.empty()) {
                    if (auto found = find_instrument_file(id->instrument)) ins_path = *found;
                    else diags.error({path, 0, 0}, fmt::format("cannot find instrument '{}'", id->instrument),
                                     "give it with --instrument FILE");
                }
                if (!ins_path.empty()) {
                    auto it = cache.find(ins_path);
                    if (it == cache.end())
                        if (auto loaded = load_instrument(ins_path, diags)) it = cache.emplace(ins_path, std::move(*loaded)).first;
                    if (it != cache.end()) ins = &it->second;
                }
            }
            std::optional<Response> resp;
            if (ins) resp = read_form_response(file.data, path, *ins, diags);
            if (!resp) {
                print_diagnostics(diags);
                all_ok = false;
                continue;
            }
            std::string lang = opt->lang.empty() ? ins->default_language() : opt->lang;
            resp->language = lang;
            std::string out = opt->output;
            if (to_folder) {
                std::string stem = fs::path(path).stem().string();
                out = (fs::path(opt->output) / (stem + ".toml")).string();
                for (int n = 2; written.count(out); ++n)
                    out = (fs::path(opt->output) / fmt::format("{}-{}.toml", stem, n)).string();
            }
            if (!write_output(out, write_answer_file(*ins, *resp, lang), opt->forms)) {
                all_ok = false;
                continue;
            }
            written.insert(out);
            std::size_t missing = count_missing(*ins, *resp);
            fmt::print("{}: imported to {}: {} answers, {} missing\n", path, out, resp->answers.size(), missing);
        }
        ctx.exit_code = all_ok ? 0 : 1;
    });
}

} // namespace zs
