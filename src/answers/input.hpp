// The one input stage for every command that takes answers (check, score,
// report, import, and the commands built on them): which files are answers,
// which instrument they answer, and reading them all the same way.
//
//   args ──expand_answer_paths──> files ──read_answer_sources──> sources
//   sources + InstrumentResolver ──parse_sources──> responses
//   responses ──check_response_set──> one version, unique codes
//
// load_answer_run() does all of it for a command that needs one instrument
// and a set of responses (score, report and the like).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "answers/load_answers.hpp"
#include "answers/response.hpp"
#include "model/instrument.hpp"
#include "model/load_instrument.hpp"
#include "pdf/acroform.hpp"
#include "util/diagnostics.hpp"

namespace zs {

// What an input is, told by its content (a PDF starts with "%PDF-"), not by
// its name: a renamed form is still read as a form.
enum class AnswerKind { toml, form };

// The command line's answer arguments as files. A folder stands for every
// file directly in it whose name ends in one of `extensions` (any case),
// sorted by name, not recursive, hidden files (".x") left out; a file is
// taken as given, whatever its name. A path that does not exist, or a folder
// without such files, is an error at that path.
std::vector<std::string> expand_answer_paths(const std::vector<std::string>& args, Diagnostics& diags,
                                             const std::vector<std::string>& extensions = {".toml", ".pdf"});

// One answer input, read but not yet checked against an instrument.
struct AnswerSource {
    std::string path;
    AnswerKind kind = AnswerKind::toml;
    std::string data;                    // TOML: the file's text (forms: empty)
    std::optional<pdf::FilledForm> form; // a filled form's fields
    std::optional<AnswerHeader> header;  // instrument id and version; nullopt when unreadable
};

// Reads every file (on every core). Problems go to `diags` in the order of
// `paths`; a file that cannot be read keeps header == nullopt.
std::vector<AnswerSource> read_answer_sources(const std::vector<std::string>& paths, Diagnostics& diags);

// Positional arguments split into instrument files and answer inputs: an
// instrument file is a .toml file that is not an answer file (it has an
// [instrument] table); folders, PDFs and answer files are answers.
struct SplitInputs {
    std::vector<std::string> instruments;
    std::vector<std::string> answers;
};
SplitInputs split_instrument_args(const std::vector<std::string>& args);

// True when `positional` holds more than instruments: a command without
// answers is a usage error (exit 2), checked before anything is read.
bool answers_given(const std::vector<std::string>& positional);

// Finds the instrument answers belong to, the same way in every command:
//   1. an instrument named on the command line (`named`) with the answers' id;
//      with exactly one named instrument, that one whatever its id (a
//      mismatch is then reported by the checks);
//   2. --instrument FILE (`option`);
//   3. `<id>.toml` on the search path ($ZELFSCAN_INSTRUMENTS, ./instruments,
//      the installed instruments).
// Each file is loaded once; errors (not found, invalid) go to `diags`.
class InstrumentResolver {
  public:
    InstrumentResolver(std::vector<std::string> named, std::string option, MarkdownValidator markdown = {});
    // The instrument for answers to `id`, or nullptr after an error at `where`.
    const Instrument* find(const std::string& id, const SourceLocation& where, Diagnostics& diags);
    // The named instruments that loaded, in the order given (check prints them).
    const Instrument* load(const std::string& path, Diagnostics& diags);
    // Hands over an instrument that find() or load() gave; it stays where it is.
    std::unique_ptr<Instrument> release(const Instrument* ins);

  private:
    std::vector<std::string> named_;
    std::string option_;
    MarkdownValidator markdown_;
    std::map<std::string, std::unique_ptr<Instrument>> loaded_; // path -> instrument (nullptr: failed)
    std::map<std::string, Diagnostics> failures_;               // path -> why it failed (reported once)
};

// Turns one source into a response to `ins` (TOML: parse_response; form:
// form_response), validated. nullopt after errors.
std::optional<Response> parse_source(const AnswerSource& src, const Instrument& ins, Diagnostics& diags);

// Answers to another minor or major version of `ins`, read with that
// version of the instrument and carried over through its changelog
// (answers/upgrade.hpp), where the changelog leads from it and that version
// is found (find_instrument_version); any other answer is read with
// parse_source, which gives the plain version error. Used the same way by
// check and by every command built on load_answer_run.
class VersionBridge {
  public:
    VersionBridge(const Instrument& ins, MarkdownValidator markdown);
    // Finds, once per version, the older instruments `sources` need.
    void prepare(const std::vector<AnswerSource>& sources, Diagnostics& diags);
    struct Read {
        std::optional<Response> response; // for `ins`; nullopt after errors
        std::vector<std::string> dropped; // old ids whose answers did not carry over
        std::vector<std::string> skipped; // new ids a new condition skips
    };
    // One source as a response to `ins`. Safe on several threads at once
    // (after prepare); a removed role group is an error at its line.
    [[nodiscard]] Read parse(const AnswerSource& src, Diagnostics& diags) const;
    // Adds one read to the summary (call in a fixed order).
    void count(const AnswerSource& src, const Read& read);
    // One warning per older version read: how many files, and the answers
    // that did not carry over or that a new condition skips.
    void warn(Diagnostics& diags) const;

  private:
    [[nodiscard]] bool older(const AnswerSource& s) const;
    struct Version {
        std::optional<Instrument> instrument;
        std::vector<const ChangeSet*> path;
        std::size_t files = 0;
        std::set<std::string> dropped, skipped;
    };
    const Instrument& ins_;
    MarkdownValidator markdown_;
    std::map<std::string, Version> versions_;
};

// A scoring run's inputs: one instrument and its responses, each validated
// and checked as a set (one version, every respondent code once), sorted by
// path. `positional` may start with the instrument (score INSTRUMENT
// ANSWERS...) or hold answers only (score ANSWERS... --instrument FILE, or
// found by the answers' id). `on_instrument` is called as soon as the
// instrument is known (before the answers are parsed when it is named), so a
// command can start work that needs only the instrument; returning false
// stops the run (after the command put its errors in `diags`).
struct AnswerRun {
    std::unique_ptr<Instrument> instrument;
    std::string instrument_path;
    RespondentFacts respondents;     // names, dates and versions of every response
    std::vector<Response> responses; // load_answer_run only
    std::vector<std::string> inputs; // every file read (answers + instrument), for output safety
};

// The run with its responses streamed: each one, validated, is handed to
// `sink` in path order on the calling thread and then dropped, so memory
// stays that of one batch of files however many there are (score, report).
// The sink may be called for responses of a run that fails later (a code
// used twice is found at the end): use what it gathered only when the run
// is returned. Every file is read once.
std::optional<AnswerRun> stream_answer_run(const std::vector<std::string>& positional, const std::string& instrument_option,
                                           Diagnostics& diags, const MarkdownValidator& markdown,
                                           const std::function<bool(const Instrument&)>& on_instrument,
                                           const std::function<void(Response&&)>& sink);

// The same with every response kept, for a command that needs them all
// (upgrade writes each file anew).
std::optional<AnswerRun> load_answer_run(const std::vector<std::string>& positional, const std::string& instrument_option,
                                         Diagnostics& diags, const MarkdownValidator& markdown = {},
                                         const std::function<bool(const Instrument&)>& on_instrument = {});

} // namespace zs
