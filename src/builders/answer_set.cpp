#include "builders/answer_set.hpp"

#include <algorithm>
#include <cctype>

#include "answers/load_answers.hpp"
#include "builders/form.hpp"
#include "scoring/assessment.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"

namespace zs {

namespace {

bool is_pdf_name(const std::string& path) {
    if (path.size() < 4) return false;
    std::string ext = path.substr(path.size() - 4);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".pdf";
}

} // namespace

std::vector<Response> load_answer_set(const Instrument& ins, const std::vector<std::string>& paths, Diagnostics& diags) {
    std::vector<std::string> sorted = paths;
    std::sort(sorted.begin(), sorted.end());
    // Files are read and parsed on every core; results and diagnostics are
    // collected per file and merged in path order, so output never depends
    // on which thread finished first.
    struct Read {
        Diagnostics diags;
        std::optional<Response> response;
    };
    std::vector<Read> reads(sorted.size());
    parallel_for(reads.size(), [&](std::size_t i) {
        const std::string& path = sorted[i];
        auto parse = [&](std::string_view data) {
            if (data.substr(0, 5) == "%PDF-") reads[i].response = read_form_response(data, path, ins, reads[i].diags);
            else reads[i].response = parse_response(data, path, ins, reads[i].diags);
        };
        // Forms are large and read once: map them. Answer files are
        // small, and unmapping many small files from several threads
        // costs more than reading them.
        if (is_pdf_name(path)) {
            MappedFile file(path);
            if (!file.ok()) reads[i].diags.error({path, 0, 0}, file.error());
            else parse(file.data());
        } else {
            auto file = read_file(path);
            if (!file.ok()) reads[i].diags.error({path, 0, 0}, file.error);
            else parse(file.data);
        }
    });

    std::vector<Response> out;
    out.reserve(reads.size());
    for (auto& r : reads) {
        diags.append(r.diags);
        if (r.response) out.push_back(std::move(*r.response));
    }
    check_response_set(out, diags);
    return out;
}

} // namespace zs
