#include "cli/app.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "model/toml_reader.hpp"

namespace zs {

namespace {

int usage_error(Message message, Message hint) { return print_error("", std::move(message), std::move(hint), 2); }

std::vector<std::string> subcommand_names(CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) names.push_back(sub->get_name());
    return names;
}

// "did you mean 'x'?", or `otherwise` (which lists the candidates).
Message suggestion(const std::string& word, const std::vector<std::string>& candidates, Message otherwise) {
    std::vector<std::string_view> views(candidates.begin(), candidates.end());
    std::string c = closest_match(word, views);
    // Only a word with something in common with it: 'xx' is not near 'nl'.
    if (!c.empty() && c.find_first_of(word) == std::string::npos) c.clear();
    return did_you_mean(c, std::move(otherwise));
}

// The first argument that looks like an option and is not one of `names`.
std::string unknown_option(int argc, char** argv, const std::vector<std::string>& names) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--") break;
        std::string name = a.substr(0, a.find('='));
        if (name.size() > 1 && name[0] == '-' && !std::isdigit(static_cast<unsigned char>(name[1])) &&
            std::find(names.begin(), names.end(), name) == names.end() && name != "-h" && name != "--help")
            return name;
    }
    return {};
}

// The value of --lang on the command line, read before the commands are
// built, so that every message (--help included) is in that language.
std::string lang_argument(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "--") break;
        if (a == "--lang" && i + 1 < argc) return argv[i + 1];
        if (a.starts_with("--lang=")) return std::string(a.substr(7));
    }
    return {};
}

// The options of the command that was being parsed, as written ("--lang", "-o").
std::vector<std::string> option_names(CLI::App& app) {
    CLI::App* cmd = &app;
    for (CLI::App* sub : app.get_subcommands())
        if (sub->parsed()) cmd = sub;
    std::vector<std::string> names;
    for (const CLI::Option* o : cmd->get_options()) {
        for (const auto& l : o->get_lnames()) names.push_back("--" + l);
        for (const auto& s : o->get_snames()) names.push_back("-" + s);
    }
    return names;
}

// "--lang: xx not in {nl,en}" (CLI::IsMember) -> the value and the choices.
bool split_member_error(const std::string& what, std::string& option, std::string& value, std::vector<std::string>& choices) {
    auto colon = what.find(": ");
    auto not_in = what.find(" not in {");
    if (colon == std::string::npos || not_in == std::string::npos || not_in < colon) return false;
    option = what.substr(0, colon);
    value = what.substr(colon + 2, not_in - colon - 2);
    std::string set = what.substr(not_in + 9);
    set = set.substr(0, set.find('}'));
    for (std::size_t pos = 0; pos <= set.size();) {
        auto comma = set.find(',', pos);
        if (comma == std::string::npos) comma = set.size();
        if (comma > pos) choices.push_back(set.substr(pos, comma - pos));
        pos = comma + 1;
    }
    return true;
}

// CLI11's own words in --help (headings, the help flag, the options'
// group) in the message language; the commands inherit them when they are
// added after this.
void help_in_message_language(CLI::App& app) {
    auto f = app.get_formatter();
    for (const char* key : {N_("Usage"), N_("OPTIONS"), N_("SUBCOMMAND"), N_("SUBCOMMANDS"), N_("Positionals"),
                            N_("REQUIRED"), N_("Needs"), N_("Excludes"), N_("Env")})
        f->label(key, std::string(translate(key)));
    // The group first: the help flag takes the group that is set when it
    // is made, and the commands copy it.
    app.option_defaults()->group(msg("Options"));
    app.set_help_flag("-h,--help", msg("Print this help message and exit"));
}

} // namespace

int run_cli(int argc, char** argv) {
    set_message_language(choose_message_language(lang_argument(argc, argv)));
    CLI::App app{msg("zelfscan: compiles self-scan instruments into paper scans, fillable forms, "
                     "answer templates and risk reports.")};
    help_in_message_language(app);
    app.set_version_flag("--version", std::string("zelfscan ") + ZELFSCAN_VERSION,
                         msg("Display program version information and exit"));
    app.require_subcommand(1);
    app.fallthrough(false);

    CliContext ctx;
    add_check_command(app, ctx);
    add_render_command(app, ctx);
    add_template_command(app, ctx);
    add_paper_command(app, ctx);
    add_form_command(app, ctx);
    add_import_command(app, ctx);
    add_score_command(app, ctx);
    add_report_command(app, ctx);
    add_compare_command(app, ctx);
    add_monitor_command(app, ctx);
    add_export_command(app, ctx);
    add_upgrade_command(app, ctx);
    add_scan_command(app, ctx);
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) sub->group(msg("Subcommands"));

    // An unknown command is named as such, with the nearest one.
    if (argc > 1 && argv[1][0] != '-') {
        std::string first = argv[1];
        auto names = subcommand_names(app);
        if (std::find(names.begin(), names.end(), first) == names.end())
            return usage_error(msg("unknown command '{}'", first), suggestion(first, names, msg("commands: {}", fmt::join(names, ", "))));
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // An unknown option first, with the nearest option of its command:
        // it is the likely cause of the other errors too ("--outptu x"
        // leaves --output missing).
        auto names = option_names(app);
        Message see_help = msg("see zelfscan COMMAND --help");
        if (std::string bad = unknown_option(argc, argv, names); !bad.empty())
            return usage_error(msg("unknown option '{}'", bad), suggestion(bad, names, msg("options: {}", fmt::join(names, ", "))));
        std::string what = e.what();
        std::string option, value;
        std::vector<std::string> choices;
        if (dynamic_cast<const CLI::ValidationError*>(&e) && split_member_error(what, option, value, choices))
            return usage_error(msg("{}: '{}' is not one of {}", option, value, fmt::join(choices, ", ")),
                               suggestion(value, choices, msg("choose from: {}", fmt::join(choices, ", "))));
        if (dynamic_cast<const CLI::RequiredError*>(&e)) {
            if (what.ends_with(" is required") && what.starts_with("-"))
                return usage_error(msg("{} is required", what.substr(0, what.size() - 12)), see_help);
            if (what.find("subcommand") != std::string::npos)
                return usage_error(msg("a command is required"), msg("see zelfscan --help"));
            return usage_error(msg("required arguments are missing ({})", what), see_help);
        }
        if (dynamic_cast<const CLI::ArgumentMismatch*>(&e))
            return usage_error(msg("an option lacks its value or has too many ({})", what), see_help);
        if (dynamic_cast<const CLI::ConversionError*>(&e))
            return usage_error(msg("a value of the wrong kind ({})", what), see_help);
        if (dynamic_cast<const CLI::ExtrasError*>(&e))
            return usage_error(msg("more arguments than the command takes ({})", what), see_help);
        return usage_error(msg("the command line cannot be read ({})", what), see_help);
    } catch (const std::bad_alloc&) {
        // The last line of defence: every reader catches its library's
        // failures with the file named; this catches what is left. Outputs
        // are only written at the very end, so none is half-written.
        print_error("", msg("not enough memory; nothing was written (see docs/limits.md)"));
        return 1;
    } catch (const std::exception& e) {
        print_error("", msg("{}; nothing was written", e.what()));
        return 1;
    }
    return ctx.exit_code;
}

} // namespace zs
