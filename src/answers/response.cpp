#include "answers/response.hpp"

namespace zs {

const Answer* Response::find(std::string_view question) const {
    for (const auto& a : answers)
        if (a.question == question) return &a;
    return nullptr;
}

} // namespace zs
