#include "builders/answer_set.hpp"

#include <algorithm>

#include "answers/load_answers.hpp"
#include "builders/form.hpp"
#include "scoring/assessment.hpp"
#include "util/files.hpp"

namespace zs {

std::vector<Response> load_answer_set(const Instrument& ins, const std::vector<std::string>& paths, Diagnostics& diags) {
    std::vector<std::string> sorted = paths;
    std::sort(sorted.begin(), sorted.end());
    std::vector<Response> out;
    for (const auto& path : sorted) {
        auto file = read_file(path);
        if (!file.ok()) {
            diags.error({path, 0, 0}, file.error);
            continue;
        }
        std::optional<Response> r;
        if (file.data.compare(0, 5, "%PDF-") == 0)
            r = read_form_response(file.data, path, ins, diags);
        else
            r = parse_response(file.data, path, ins, diags);
        if (r) out.push_back(std::move(*r));
    }
    check_response_set(out, diags);
    return out;
}

} // namespace zs
