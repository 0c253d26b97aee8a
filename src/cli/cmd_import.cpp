// `zelfscan import FILLED.pdf... -o OUT`: filled PDF forms to answer files.
// One bad form does not stop the others; nothing is written for it.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "answers/input.hpp"
#include "answers/load_answers.hpp"
#include "answers/template_writer.hpp"
#include "builders/form.hpp"
#include "cli/commands.hpp"
#include "cli/instrument_lookup.hpp"
#include "cli/output.hpp"
#include "model/load_instrument.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"

namespace zs {

namespace fs = std::filesystem;

void add_import_command(CLI::App& app, CliContext& ctx) {
    struct Options {
        std::vector<std::string> forms;
        std::string output, instrument, lang;
        bool force = false;
    };
    auto opt = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("import", msg("Turn filled PDF forms into answer files."));
    cmd->add_option("forms", opt->forms,
                    msg("[INSTRUMENT] FORMS...: filled forms (.pdf) and folders of them"))
        ->required();
    cmd->add_option("-o,--output", opt->output,
                    msg("Answer file for one form, or a folder for several"))
        ->required();
    cmd->add_option("--instrument", opt->instrument, msg("Instrument file (default: found by id in ./instruments)"));
    cmd->add_flag("--force", opt->force,
                  msg("Replace answer files that already exist"));
    cmd->add_option("--lang", opt->lang, msg("Language of the comments: nl or en"))->check(CLI::IsMember({"nl", "en"}));
    cmd->callback([opt, &ctx] {
        // The same input rule as every command: an instrument may be named
        // among the forms, folders stand for the forms in them.
        SplitInputs split = split_instrument_args(opt->forms);
        Diagnostics args;
        std::vector<std::string> forms = expand_answer_paths(split.answers, args, {".pdf"});
        if (split.instruments.size() > 1)
            args.error({split.instruments[1], 0, 0}, msg("more than one instrument is given (also {})", split.instruments[0]));
        if (args.has_errors() || forms.empty()) {
            if (!args.has_errors()) args.error({}, msg("no forms are given"), msg("give filled forms (.pdf) or folders of them"));
            print_diagnostics(args);
            ctx.exit_code = 1;
            return;
        }
        InstrumentResolver resolver(split.instruments, opt->instrument);
        // Several forms, or a folder of them, go to a folder.
        bool to_folder = forms.size() > 1 || fs::is_directory(opt->output) ||
                         std::any_of(split.answers.begin(), split.answers.end(), [](const std::string& a) { return fs::is_directory(a); });
        if (to_folder && !fs::is_directory(opt->output)) {
            std::error_code ec;
            fs::create_directories(opt->output, ec);
            if (ec) {
                print_error(opt->output, msg("cannot create the output folder: {}", ec.message()));
                ctx.exit_code = 1;
                return;
            }
        }
        // Reading the PDFs is the costly step: do it on every core, then
        // convert one by one and write (below).
        struct Read {
            Diagnostics diags;
            std::optional<pdf::FilledForm> form;
        };
        std::vector<Read> reads(forms.size());
        parallel_for(reads.size(), [&](std::size_t i) {
            const std::string& path = forms[i];
            MappedFile file(path);
            if (!file.ok()) reads[i].diags.error({path, 0, 0}, verbatim(file.error()));
            else reads[i].form = read_form(file.data(), path, reads[i].diags);
        });

        bool all_ok = true;
        // Converting is quick and needs the instrument cache: one form after
        // the other. Writing (a sync per file) goes on every core again;
        // messages come out in input order.
        struct Job {
            std::string out, text;
            std::size_t answers = 0, missing = 0;
            std::string error; // from writing
        };
        std::vector<std::optional<Job>> jobs(forms.size());
        std::set<std::string> written;
        for (std::size_t i = 0; i < forms.size(); ++i) {
            const std::string& path = forms[i];
            Diagnostics& diags = reads[i].diags;
            const auto& form = reads[i].form;
            const Instrument* ins = form ? resolver.find(form->instrument_id, {path, 0, 0}, diags) : nullptr;
            std::optional<Response> resp;
            if (ins) resp = form_response(*form, path, *ins, diags);
            if (!resp) continue;
            std::string lang = opt->lang.empty() ? ins->default_language() : opt->lang;
            resp->language = lang;
            Job job;
            job.out = opt->output;
            if (to_folder) {
                std::string stem = fs::path(path).stem().string();
                job.out = (fs::path(opt->output) / (stem + ".toml")).string();
                for (int n = 2; written.count(job.out); ++n)
                    job.out = (fs::path(opt->output) / fmt::format("{}-{}.toml", stem, n)).string();
            }
            // An answer file may hold someone's hand-made corrections, or be
            // another respondent's: never replaced without --force.
            std::error_code ec;
            if (!opt->force && fs::exists(job.out, ec)) {
                diags.error({path, 0, 0}, msg("{} already exists; nothing is written for this form", job.out),
                            msg("give another -o, or --force to replace it"));
                continue;
            }
            written.insert(job.out);
            job.text = write_answer_file(*ins, *resp, lang);
            job.answers = resp->answers.size();
            job.missing = count_missing(*ins, *resp);
            jobs[i] = std::move(job);
        }
        InputFiles inputs(forms);
        // Each answer file on its own (one refused leaves the others), all
        // flushed to disk together.
        std::vector<Output> outputs;
        std::vector<std::size_t> job_of;
        for (std::size_t i = 0; i < jobs.size(); ++i)
            if (jobs[i]) {
                outputs.push_back({jobs[i]->out, jobs[i]->text});
                job_of.push_back(i);
            }
        std::vector<std::string> errors = write_each_output(outputs, inputs);
        for (std::size_t k = 0; k < job_of.size(); ++k) jobs[job_of[k]]->error = std::move(errors[k]);
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            print_diagnostics(reads[i].diags); // errors, or warnings such as answers left out
            if (!jobs[i]) {
                all_ok = false;
                continue;
            }
            if (!jobs[i]->error.empty()) {
                std::fwrite(jobs[i]->error.data(), 1, jobs[i]->error.size(), stderr);
                all_ok = false;
                continue;
            }
            fmt::print("{}\n", msg("{}: imported to {}: {} answers, {} missing", forms[i], jobs[i]->out, jobs[i]->answers, jobs[i]->missing));
        }
        ctx.exit_code = all_ok ? 0 : 1;
    });
}

} // namespace zs
