// `zelfscan scan SCANS... -o DIR [--review FILE.pdf]`: scanned paper scans
// (PDF from a scanner, PNG, TIFF, JPEG) back into answer files, one per
// sheet id, and a review PDF of everything that was not certain.
#include <filesystem>
#include <map>
#include <mutex>
#include <random>

#include <fmt/format.h>

#include "answers/template_writer.hpp"
#include "cli/commands.hpp"
#include "cli/instrument_lookup.hpp"
#include "cli/output.hpp"
#include "model/load_instrument.hpp"
#include "pdf/render.hpp"
#include "scan/image.hpp"
#include "scan/review.hpp"
#include "scan/scan.hpp"
#include "util/files.hpp"
#include "util/i18n.hpp"
#include "util/parallel.hpp"

namespace zs {

namespace fs = std::filesystem;

namespace {

struct ScanArgs {
    std::vector<std::string> scans;
    std::string output, review, instrument, lang = "nl";
    double dpi = 200;
};

// Instruments by id: the one given with --instrument, or <id>.toml on the
// search path. Loaded once each.
class Instruments {
  public:
    explicit Instruments(std::string given, std::string lang) : given_(std::move(given)), lang_(std::move(lang)) {}
    const Instrument* find(const std::string& id, const std::string& version, std::string& why) {
        const char* l = lang_.c_str();
        std::string path = given_;
        if (path.empty()) {
            auto found = find_instrument_file(id);
            if (!found) {
                why = fmt::format("{} ‘{}’ {}", tr(l, "Het instrument", "The instrument"), id,
                                  tr(l, "is niet gevonden (geef het met --instrument).", "is not found (give it with --instrument)."));
                return nullptr;
            }
            path = *found;
        }
        auto it = loaded_.find(path);
        if (it == loaded_.end()) {
            Diagnostics diags;
            auto ins = load_instrument(path, diags, markdown_validator());
            it = loaded_.emplace(path, std::move(ins)).first;
        }
        if (!it->second) {
            why = fmt::format("{} {} {}", tr(l, "Het instrument", "The instrument"), path, tr(l, "heeft fouten.", "has errors."));
            return nullptr;
        }
        const Instrument& ins = *it->second;
        if (ins.id != id || ins.version.text != version) {
            why = fmt::format("{} {} {}, {} {} {}.", tr(l, "Deze pagina hoort bij", "This page belongs to"), id, version,
                              tr(l, "niet bij", "not to"), ins.id, ins.version.text);
            return nullptr;
        }
        return &ins;
    }

  private:
    std::string given_, lang_;
    std::map<std::string, std::optional<Instrument>> loaded_;
};

bool is_pdf(std::string_view data) { return data.substr(0, 5) == "%PDF-"; }

int run(const ScanArgs& a) {
    Diagnostics diags;
    if (!a.instrument.empty()) {
        // A broken --instrument is an error of its own, before any scan.
        Diagnostics check;
        if (!load_instrument(a.instrument, check, markdown_validator())) {
            print_diagnostics(check);
            return 1;
        }
    }
    Instruments instruments(a.instrument, a.lang);
    std::mutex lookup;
    scan::ScanOptions so;
    so.lang = a.lang;
    scan::Scanner scanner(
        [&](const std::string& id, const std::string& version, std::string& why) {
            std::lock_guard lock(lookup);
            return instruments.find(id, version, why);
        },
        so);

    // Pages are read in batches spread over the cores; the image of a page
    // is dropped once it is read.
    std::size_t order = 0;
    std::vector<scan::ScannedPage> batch;
    std::vector<std::size_t> orders;
    auto flush = [&] {
        parallel_for(batch.size(), [&](std::size_t i) { scanner.add(std::move(batch[i]), orders[i]); });
        batch.clear();
        orders.clear();
    };
    auto take = [&](scan::ScannedPage&& p) {
        batch.push_back(std::move(p));
        orders.push_back(order++);
        if (batch.size() >= 8) flush();
    };
    for (const auto& path : a.scans) {
        MappedFile file(path);
        if (!file.ok()) {
            diags.error({path, 0, 0}, verbatim(file.error()));
            continue;
        }
        std::string error = is_pdf(file.data()) ? scan::rasterise_pdf(file.data(), path, a.dpi, take)
                                                : scan::read_image_file(file.data(), path, take);
        flush();
        if (!error.empty()) diags.error({path, 0, 0}, verbatim(error));
    }
    scan::ScanResult result = scanner.finish();

    std::string review = a.review;
    if (review.empty()) review = (fs::path(a.output).lexically_normal().string() + "-review.pdf");
    if (review.back() == '/') review.pop_back();
    std::error_code ec;
    fs::create_directories(a.output, ec);
    if (ec) {
        diags.error({a.output, 0, 0}, msg("cannot create the output folder: {}", ec.message()));
        print_diagnostics(diags);
        return 1;
    }
    InputFiles inputs(a.scans);
    bool ok = !diags.has_errors();
    // Answer files: never over a file that is there already, which may hold
    // a coordinator's corrections.
    int written = 0;
    for (const auto& sheet : result.sheets) {
        std::string path = (fs::path(a.output) / scan::answer_file_name(sheet)).string();
        if (fs::exists(path)) {
            diags.error({path, 0, 0}, msg("exists already and is not overwritten (it may hold corrections)"),
                        msg("scan into a new folder, or move the old answer file away"));
            ok = false;
            continue;
        }
        std::string text = scan::answer_file_header(sheet, a.lang, review) +
                           write_answer_file(*sheet.instrument, sheet.response, sheet.language);
        if (std::string e = write_output_quietly(path, text, inputs); !e.empty()) {
            std::fwrite(e.data(), 1, e.size(), stderr);
            ok = false;
            continue;
        }
        ++written;
    }
    // The review document, with the crops as PNG files in a scratch folder.
    fs::path scratch = fs::temp_directory_path(ec) / fmt::format("zelfscan-scan-{}", std::random_device{}());
    fs::create_directories(scratch, ec);
    int images = 0;
    doc::Document d = scan::build_review(result, a.lang, [&](const scan::GrayImage& img) -> std::string {
        std::string png = scan::encode_png(img);
        if (png.empty()) return {};
        std::string p = (scratch / fmt::format("crop-{}.png", images++)).string();
        return write_file_atomic(p, png).empty() ? p : std::string();
    });
    Diagnostics render_diags;
    std::string pdf = pdf::render_pdf(d, pdf::RenderOptions{}, render_diags);
    fs::remove_all(scratch, ec);
    print_diagnostics(render_diags);
    if (pdf.empty() || !write_output(review, pdf, inputs)) ok = false;

    for (const auto& r : result.review)
        if (r.kind == scan::ReviewItem::Kind::unreadable || r.kind == scan::ReviewItem::Kind::foreign ||
            r.kind == scan::ReviewItem::Kind::layout || r.kind == scan::ReviewItem::Kind::missing ||
            r.kind == scan::ReviewItem::Kind::duplicate)
            diags.warning({r.file.empty() ? a.output : r.file, 0, 0},
                          verbatim(fmt::format("{}{}{}{}", r.file_page > 0 ? msg("page {}: ", r.file_page).str() : "", r.read,
                                               r.read.empty() ? "" : ": ", r.why)));
    print_diagnostics(diags);
    const auto& c = result.counts;
    fmt::print(stderr, "{}\n", msg("{}: {} pages ({} blank, {} not read); {} answer files; {} items to check in {}", a.output, c.pages,
                                   c.blank, c.not_read, written, result.review.size(), review));
    if (c.pages == 0 && ok) {
        return print_error("", msg("no pages found in the scans"));
    }
    return ok ? 0 : 1;
}

} // namespace

void add_scan_command(CLI::App& app, CliContext& ctx) {
    auto a = std::make_shared<ScanArgs>();
    auto* cmd = app.add_subcommand("scan", msg("Read scanned paper scans back into answer files."));
    cmd->add_option("scans", a->scans, msg("Scans: PDF, PNG, TIFF or JPEG"))->required();
    cmd->add_option("-o,--output", a->output, msg("Folder for the answer files"))->required();
    cmd->add_option("--review", a->review, msg("Review PDF to write (default: DIR-review.pdf)"));
    cmd->add_option("--instrument", a->instrument, msg("Instrument file (default: found by id in ./instruments)"));
    cmd->add_option("--lang", a->lang, msg("Language of the review: nl or en"))->check(CLI::IsMember({"nl", "en"}));
    cmd->add_option("--dpi", a->dpi, msg("Resolution to render scanned PDFs at (default 200)"))->check(CLI::Range(100.0, 600.0));
    cmd->callback([a, &ctx] { ctx.exit_code = run(*a); });
}

} // namespace zs
