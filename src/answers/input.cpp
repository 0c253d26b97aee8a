#include "answers/input.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "answers/load_answers.hpp"
#include "answers/upgrade.hpp"
#include "builders/form.hpp"
#include "cli/instrument_lookup.hpp"
#include "scoring/assessment.hpp"
#include "util/files.hpp"
#include "util/limits.hpp"
#include "util/parallel.hpp"
#include "util/text.hpp"

namespace zs {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool has_extension(const std::string& name, const std::vector<std::string>& extensions) {
    std::string l = lower(name);
    return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& e) {
        return l.size() > e.size() && l.compare(l.size() - e.size(), e.size(), e) == 0;
    });
}

bool is_pdf_bytes(std::string_view data) { return data.substr(0, 5) == "%PDF-"; }

// The first bytes of a file, to tell its kind without reading it all.
std::string file_start(const std::string& path, std::size_t n) {
    // fopen of a FIFO waits for a writer: only a regular file is opened
    // here; read_file then reports what the path is.
    if (!check_input_file(path).empty()) return {};
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return {};
    std::string buf(n, '\0');
    std::size_t got = std::fread(buf.data(), 1, n, f);
    std::fclose(f);
    buf.resize(got);
    return buf;
}

} // namespace

std::vector<std::string> expand_answer_paths(const std::vector<std::string>& args, Diagnostics& diags,
                                             const std::vector<std::string>& extensions) {
    std::vector<std::string> out;
    for (const auto& arg : args) {
        std::error_code ec;
        auto st = fs::status(arg, ec);
        if (ec || !fs::exists(st)) {
            diags.error({arg, 0, 0}, msg("no such file or folder"));
            continue;
        }
        if (!fs::is_directory(st)) {
            out.push_back(arg);
            continue;
        }
        std::vector<std::string> found;
        for (fs::directory_iterator it(arg, ec), end; !ec && it != end; it.increment(ec)) {
            std::string name = it->path().filename().string();
            if (name.empty() || name[0] == '.' || !has_extension(name, extensions)) continue;
            std::error_code ec2;
            if (!it->is_regular_file(ec2)) continue;
            found.push_back((fs::path(arg) / name).string());
        }
        if (ec) {
            diags.error({arg, 0, 0}, msg("cannot read the folder: {}", ec.message()));
            continue;
        }
        if (found.empty()) {
            diags.error({arg, 0, 0}, msg("the folder holds no answers ({} files)", fmt::join(extensions, ", ")));
            continue;
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

std::vector<AnswerSource> read_answer_sources(const std::vector<std::string>& paths, Diagnostics& diags) {
    std::vector<AnswerSource> sources(paths.size());
    std::vector<Diagnostics> found(paths.size());
    parallel_for(paths.size(), [&](std::size_t i) {
        AnswerSource& s = sources[i];
        s.path = paths[i];
        // One open and one read, whatever the kind: a form may be larger
        // than an answer file.
        auto file = read_file_by_start(s.path, limits::answer_file, "%PDF-", limits::form_file);
        if (!file.ok()) {
            found[i].error({s.path, 0, 0}, verbatim(file.error));
            return;
        }
        if (is_pdf_bytes(file.data)) {
            s.kind = AnswerKind::form;
            s.form = read_form(file.data, s.path, found[i]);
            if (s.form) s.header = AnswerHeader{s.form->instrument_id, s.form->instrument_version, {s.path, 0, 0}};
            return;
        }
        s.data = std::move(file.data);
        s.header = read_answer_header(s.data, s.path, found[i]);
    });
    for (const auto& f : found) diags.append(f);
    return sources;
}

bool answers_given(const std::vector<std::string>& positional) {
    return !split_instrument_args(positional).answers.empty();
}

SplitInputs split_instrument_args(const std::vector<std::string>& args) {
    SplitInputs out;
    for (const auto& a : args) {
        std::error_code ec;
        bool instrument = false;
        if (!fs::is_directory(a, ec) && has_extension(a, {".toml"})) {
            std::string start = file_start(a, 64 * 1024);
            instrument = !start.empty() && !is_pdf_bytes(start) && !looks_like_answer_file(start);
        }
        (instrument ? out.instruments : out.answers).push_back(a);
    }
    return out;
}

InstrumentResolver::InstrumentResolver(std::vector<std::string> named, std::string option, MarkdownValidator markdown)
    : named_(std::move(named)), option_(std::move(option)), markdown_(std::move(markdown)) {}

const Instrument* InstrumentResolver::load(const std::string& path, Diagnostics& diags) {
    auto it = loaded_.find(path);
    if (it == loaded_.end()) {
        Diagnostics local;
        auto ins = load_instrument(path, local, markdown_);
        diags.append(local); // reported once, at the first use
        it = loaded_.emplace(path, ins ? std::make_unique<Instrument>(std::move(*ins)) : nullptr).first;
    }
    return it->second.get();
}

std::unique_ptr<Instrument> InstrumentResolver::release(const Instrument* ins) {
    for (auto& [path, held] : loaded_)
        if (held.get() == ins) return std::move(held);
    return nullptr;
}

const Instrument* InstrumentResolver::find(const std::string& id, const SourceLocation& where, Diagnostics& diags) {
    Diagnostics quiet; // named instruments that fail are reported by whoever checks them
    for (const auto& path : named_) {
        const Instrument* ins = loaded_.count(path) ? loaded_[path].get() : load(path, quiet);
        if (ins && ins->id == id) return ins;
    }
    if (named_.size() == 1 && option_.empty()) return load(named_.front(), diags);
    if (!option_.empty()) return load(option_, diags);
    if (auto path = find_instrument_file(id)) return load(*path, diags);
    std::vector<std::string> dirs = instrument_search_path();
    diags.error(where, msg("cannot find instrument '{}'", id),
                msg("name it on the command line or with --instrument FILE, or put it as '{}.toml' in one of: {}", id,
                            fmt::join(dirs, ", ")));
    return nullptr;
}

std::optional<Response> parse_source(const AnswerSource& src, const Instrument& ins, Diagnostics& diags) {
    if (src.kind == AnswerKind::form) {
        if (!src.form) return std::nullopt;
        return form_response(*src.form, src.path, ins, diags);
    }
    return parse_response(src.data, src.path, ins, diags, src.header ? &*src.header : nullptr);
}

VersionBridge::VersionBridge(const Instrument& ins, MarkdownValidator markdown) : ins_(ins), markdown_(std::move(markdown)) {}

bool VersionBridge::older(const AnswerSource& s) const {
    if (!s.header) return false;
    const std::string& v = s.header->version;
    return s.header->instrument == ins_.id && !v.empty() && v != ins_.version.text && !patch_compatible(v, ins_.version);
}

void VersionBridge::prepare(const std::vector<AnswerSource>& sources, Diagnostics& diags) {
    for (const auto& s : sources) {
        if (!older(s)) continue;
        auto [it, fresh] = versions_.try_emplace(s.header->version);
        if (!fresh) continue;
        it->second.path = change_path(ins_, s.header->version);
        if (it->second.path.empty()) continue;
        std::string dir = std::filesystem::path(s.path).parent_path().string();
        it->second.instrument = find_instrument_version(dir.empty() ? "." : dir, ins_.id, s.header->version, diags, markdown_);
    }
}

VersionBridge::Read VersionBridge::parse(const AnswerSource& s, Diagnostics& diags) const {
    Read out;
    auto o = older(s) ? versions_.find(s.header->version) : versions_.end();
    if (o == versions_.end() || !o->second.instrument) {
        out.response = parse_source(s, ins_, diags);
        return out;
    }
    Diagnostics own;
    std::optional<Response> r = parse_source(s, *o->second.instrument, own);
    const bool bad = own.has_errors();
    diags.append(own);
    if (!r || bad) return out;
    UpgradedResponse up = upgrade_response(*r, ins_, o->second.path);
    if (up.removed_role) {
        // The respondent's role is gone: the answers belong in another
        // instrument, which the changelog names.
        const std::string lang = !r->language.empty() ? r->language : ins_.default_language();
        diags.error(r->respondent.role_where.line ? r->respondent.role_where : SourceLocation{r->path, 0, 0},
                    msg("role group '{}' is not in version {} of '{}' (removed in {}): {}", r->respondent.role, ins_.version.text,
                                ins_.id, up.removed_in->to, up.removed_role->why.get(lang)),
                    msg("leave this file out of the run; its answers cannot be carried over"));
        return out;
    }
    // What the changelog could not say (a role it does not map, say) is
    // found as in a file of the new version.
    validate_response(ins_, up.response, diags);
    out.dropped = std::move(up.dropped);
    out.skipped = std::move(up.skipped);
    out.response = std::move(up.response);
    return out;
}

void VersionBridge::count(const AnswerSource& s, const Read& read) {
    if (!older(s)) return;
    auto o = versions_.find(s.header->version);
    if (o == versions_.end()) return;
    ++o->second.files;
    o->second.dropped.insert(read.dropped.begin(), read.dropped.end());
    o->second.skipped.insert(read.skipped.begin(), read.skipped.end());
}

void VersionBridge::warn(Diagnostics& diags) const {
    // Every piece is a whole message of the catalogue, so the Dutch warning
    // is Dutch throughout ("11 bestanden", not "11 files").
    auto id_list = [](const std::set<std::string>& ids) {
        std::vector<std::string> v(ids.begin(), ids.end());
        std::sort(v.begin(), v.end(), natural_less); // D2.4a before D10.1
        const std::size_t shown = std::min<std::size_t>(v.size(), 12);
        std::string list = fmt::format("{}", fmt::join(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(shown), ", "));
        if (v.size() > shown) list += msg(" and {} more", v.size() - shown).str();
        return list;
    };
    for (const auto& [version, o] : versions_) {
        if (!o.instrument || o.files == 0) continue;
        std::string what;
        if (o.dropped.empty() && o.skipped.empty()) what = msg(", and every answer carries over").str();
        if (!o.dropped.empty())
            what += msg(", but the answers to {} do not carry over (changed, split or removed)", id_list(o.dropped)).str();
        if (!o.skipped.empty())
            what += (o.dropped.empty()
                         ? msg(", but the answers to {} are left out: in version {} a question they depend on skips them",
                               id_list(o.skipped), ins_.version.text)
                         : msg("; and the answers to {} are left out: in version {} a question they depend on skips them",
                               id_list(o.skipped), ins_.version.text))
                        .str();
        Message head = o.files == 1
                           ? msg("1 file answers version {} of '{}'; it is read through the changelog to version {}{}", version,
                                 ins_.id, ins_.version.text, what)
                           : msg("{} files answer version {} of '{}'; they are read through the changelog to version {}{}",
                                 o.files, version, ins_.id, ins_.version.text, what);
        diags.warning({}, head, msg("zelfscan upgrade writes these files in the new version, so they can be completed"));
    }
}

std::optional<AnswerRun> stream_answer_run(const std::vector<std::string>& positional, const std::string& instrument_option,
                                           Diagnostics& diags, const MarkdownValidator& markdown,
                                           const std::function<bool(const Instrument&)>& on_instrument,
                                           const std::function<void(Response&&)>& sink) {
    // Folders first, so a folder may hold the instrument with its answers.
    std::vector<std::string> expanded = expand_answer_paths(positional, diags);
    SplitInputs split = split_instrument_args(expanded);
    if (split.instruments.size() > 1) {
        diags.error({split.instruments[1], 0, 0}, msg("more than one instrument is given (also {})", split.instruments[0]),
                    msg("give one instrument and its answers"));
        return std::nullopt;
    }
    AnswerRun run;
    InstrumentResolver resolver(split.instruments, instrument_option, markdown);
    const Instrument* ins = nullptr;
    std::string named = !split.instruments.empty() ? split.instruments[0] : instrument_option;
    auto take = [&](const Instrument* found) {
        ins = found;
        return !ins || !on_instrument || on_instrument(*ins);
    };
    if (!named.empty()) {
        if (!take(resolver.load(named, diags)) || !ins) return std::nullopt;
        run.instrument_path = named;
    }
    const std::vector<std::string>& files = split.answers;
    if (files.empty()) {
        if (!diags.has_errors()) diags.error({}, msg("no answers are given"), msg("give answer files (.toml), filled forms (.pdf) or folders"));
        return std::nullopt;
    }
    if (diags.has_errors()) return std::nullopt;

    // One pass over the files in name order, a batch at a time: read and
    // parse on every core, then handed to `sink` one by one and dropped, so
    // memory does not grow with the number of files. The diagnostics are
    // kept apart and told at the end in the order of a run that reads
    // everything first: problems reading, mixed versions, finding the
    // instrument, then each file's own. Parsing stops at the first problem
    // of the first three kinds (what it would find is not told then), and
    // so does the sink.
    std::vector<std::string> sorted = files;
    std::stable_sort(sorted.begin(), sorted.end());
    Diagnostics reading, finding, parsing;
    ResponseSetCheck set;
    std::optional<VersionBridge> bridge;
    bool stopped = false;
    if (ins) bridge.emplace(*ins, markdown);
    constexpr std::size_t batch = 512;
    for (std::size_t from = 0; from < sorted.size(); from += batch) {
        std::vector<std::string> paths(sorted.begin() + static_cast<std::ptrdiff_t>(from),
                                       sorted.begin() + static_cast<std::ptrdiff_t>(std::min(sorted.size(), from + batch)));
        std::vector<AnswerSource> sources = read_answer_sources(paths, reading);
        for (const auto& s : sources)
            if (s.header) set.add_version(s.path, s.header->instrument, s.header->version, s.header->where);
        if (reading.has_errors() || set.mixed()) stopped = true;
        if (stopped) continue;
        if (!ins) {
            // Found by the id of the first file's answers.
            const AnswerHeader& h = *sources.front().header;
            const bool go = take(resolver.find(h.instrument, h.where, finding));
            if (!go || !ins) {
                stopped = true;
                continue;
            }
            if (auto path = find_instrument_file(h.instrument)) run.instrument_path = *path;
            bridge.emplace(*ins, markdown);
        }
        bridge->prepare(sources, finding);
        std::vector<VersionBridge::Read> reads(sources.size());
        std::vector<Diagnostics> found(sources.size());
        parallel_for(sources.size(), [&](std::size_t k) { reads[k] = bridge->parse(sources[k], found[k]); });
        for (std::size_t k = 0; k < sources.size(); ++k) {
            bridge->count(sources[k], reads[k]);
            parsing.append(found[k]);
            if (!reads[k].response) continue;
            Response& r = *reads[k].response;
            set.add_code(r.path, r.respondent.code);
            run.respondents.add(r);
            if (sink) sink(std::move(r));
        }
    }
    diags.append(reading);
    set.report_versions(diags);
    if (diags.has_errors()) return std::nullopt;
    diags.append(finding);
    if (!ins || diags.has_errors() || stopped) return std::nullopt;
    bridge->warn(diags);
    diags.append(parsing);
    set.report_codes(diags);
    if (diags.has_errors()) return std::nullopt;
    run.inputs = files;
    if (!run.instrument_path.empty()) run.inputs.push_back(run.instrument_path);
    // The same object the sink saw, so what it kept of it stays valid.
    run.instrument = resolver.release(ins);
    return run;
}

std::optional<AnswerRun> load_answer_run(const std::vector<std::string>& positional, const std::string& instrument_option,
                                         Diagnostics& diags, const MarkdownValidator& markdown,
                                         const std::function<bool(const Instrument&)>& on_instrument) {
    std::vector<Response> responses;
    auto run = stream_answer_run(positional, instrument_option, diags, markdown, on_instrument,
                                 [&](Response&& r) { responses.push_back(std::move(r)); });
    if (run) run->responses = std::move(responses);
    return run;
}

} // namespace zs
