#include "cli/app.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "model/toml_reader.hpp"

namespace zs {

namespace {

int usage_error(const std::string& message, const std::string& hint) {
    fmt::print(stderr, "zelfscan: error: {}\n", message);
    if (!hint.empty()) fmt::print(stderr, "  hint: {}\n", hint);
    return 2;
}

std::vector<std::string> subcommand_names(CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) names.push_back(sub->get_name());
    return names;
}

std::string suggestion(const std::string& word, const std::vector<std::string>& candidates, const std::string& list_intro) {
    std::vector<std::string_view> views(candidates.begin(), candidates.end());
    std::string c = closest_match(word, views);
    // Only a word with something in common with it: 'xx' is not near 'nl'.
    if (!c.empty() && c.find_first_of(word) == std::string::npos) c.clear();
    if (!c.empty()) return fmt::format("did you mean '{}'?", c);
    return fmt::format("{}: {}", list_intro, fmt::join(candidates, ", "));
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

} // namespace

int run_cli(int argc, char** argv) {
    CLI::App app{"zelfscan: compiles self-scan instruments into paper scans, fillable forms, "
                 "answer templates and risk reports.\n"
                 "zelfscan: maakt van een zelfscan een papieren scan, een invulbaar formulier, "
                 "een antwoordbestand en een risicorapport."};
    app.set_version_flag("--version", std::string("zelfscan ") + ZELFSCAN_VERSION);
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

    // An unknown command is named as such, with the nearest one.
    if (argc > 1 && argv[1][0] != '-') {
        std::string first = argv[1];
        auto names = subcommand_names(app);
        if (std::find(names.begin(), names.end(), first) == names.end())
            return usage_error(fmt::format("unknown command '{}'", first), suggestion(first, names, "commands"));
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ExtrasError& e) {
        // Unknown options get the nearest option of their command.
        std::string what = e.what();
        auto names = option_names(app);
        std::string bad;
        for (int i = 1; i < argc; ++i) {
            std::string a = argv[i];
            std::string name = a.substr(0, a.find('='));
            if (name.size() > 1 && name[0] == '-' && std::find(names.begin(), names.end(), name) == names.end() &&
                what.find(name) != std::string::npos) {
                bad = name;
                break;
            }
        }
        if (!bad.empty()) return usage_error(fmt::format("unknown option '{}'", bad), suggestion(bad, names, "options"));
        return usage_error(what, "see zelfscan COMMAND --help");
    } catch (const CLI::ValidationError& e) {
        std::string option, value;
        std::vector<std::string> choices;
        if (split_member_error(e.what(), option, value, choices))
            return usage_error(fmt::format("{}: '{}' is not one of {}", option, value, fmt::join(choices, ", ")),
                               suggestion(value, choices, "choose from"));
        return usage_error(e.what(), "see zelfscan COMMAND --help");
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    } catch (const std::bad_alloc&) {
        // The last line of defence: every reader catches its library's
        // failures with the file named; this catches what is left. Outputs
        // are only written at the very end, so none is half-written.
        std::fputs("zelfscan: error: not enough memory; nothing was written (see docs/limits.md)\n", stderr);
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "zelfscan: error: %s; nothing was written\n", e.what());
        return 1;
    }
    return ctx.exit_code;
}

} // namespace zs
