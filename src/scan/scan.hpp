// The scan stage: scanned pages of printed paper scans in, one response per
// sheet id and a list of everything a person must look at out. Pages are
// found by their QR code (docs/paper-scan.md), registered by the corner
// marks and read box by box. Nothing uncertain is guessed: such an answer
// is left empty and listed for review, with the crop of the page.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "answers/response.hpp"
#include "model/instrument.hpp"
#include "scan/image.hpp"
#include "scan/marks.hpp"
#include "util/diagnostics.hpp"

namespace zs::scan {

struct ReviewItem {
    enum class Kind {
        uncertain,   // a box that is neither clearly empty, ticked nor filled
        double_tick, // more than one box where one is allowed
        number,      // a number written: to be typed in
        text,        // an open answer written: to be typed in
        note,        // a handwritten note or evidence
        respondent,  // handwriting in the respondent block
        skipped,     // answered although an earlier answer skips it
        unreadable,  // a page without a readable QR code or corner marks
        foreign,     // a page of another instrument or version, or another form
        layout,      // printed from a different layout than this one
        duplicate,   // the same page of the same sheet twice
        missing,     // a page of the sheet not among the scans
    };
    Kind kind = Kind::uncertain;
    std::string instrument, sheet; // empty when the page is not known
    std::string question;          // question id or "respondent.*"; "" for pages
    int sheet_page = 0;            // page of the printed scan
    std::string file;              // the scan it was found in
    int file_page = 0;
    std::string read; // what was read, for the reviewer
    std::string why;  // why a person must look
    GrayImage crop;   // the page area (may be empty for a missing page)
    double crop_width = 0; // points to show it at: its printed width
};

// One printed copy read back.
struct SheetResult {
    const Instrument* instrument = nullptr;
    std::string sheet;    // sheet id, or "" for unnumbered copies
    std::string language; // of the printed scan
    Response response;
    // Lines for the answer file's header: answers left empty that a person
    // must check, handwriting to type in, and facts read (a "weet ik niet"
    // box ticked, a cancelled tick).
    std::vector<std::string> checks, handwriting, facts;
    int pages_found = 0, pages_expected = 0;
};

struct ScanCounts {
    int pages = 0, blank = 0, read = 0, not_read = 0;
    long boxes = 0, boxes_to_review = 0; // tick boxes measured; in questions sent to review
    long questions = 0, questions_to_review = 0;
};

struct ScanResult {
    std::vector<SheetResult> sheets; // by instrument, then sheet id
    std::vector<ReviewItem> review;  // in sheet and page order
    ScanCounts counts;
};

// Finds the instrument a page names; nullptr with `why` when there is none.
using InstrumentSource =
    std::function<const Instrument*(const std::string& id, const std::string& version, std::string& why)>;

struct ScanOptions {
    std::string lang = "nl"; // of review texts and remarks
    MarkThresholds thresholds;
};

class Scanner {
  public:
    Scanner(InstrumentSource instruments, ScanOptions options);
    ~Scanner();
    Scanner(const Scanner&) = delete;
    Scanner& operator=(const Scanner&) = delete;

    // Reads one page (any order; the image is not kept). Safe to call from
    // several threads at once for different pages; `order` is the page's
    // position in the input, which keeps the result independent of timing.
    void add(ScannedPage page, std::size_t order);
    // Puts the pages together into sheets.
    ScanResult finish();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace zs::scan
