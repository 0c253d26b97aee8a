#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

namespace zs {

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

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }
    return ctx.exit_code;
}

} // namespace zs
