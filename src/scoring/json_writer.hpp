// A small JSON writer with a fixed layout (two-space indent, keys in the
// order written, numbers with at most 4 decimals), so the same assessment
// always gives the same bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zs {

class JsonWriter {
  public:
    void begin_object(std::string_view key = {});
    void end_object();
    void begin_array(std::string_view key = {});
    void end_array();

    void string(std::string_view key, std::string_view value);
    void number(std::string_view key, double value);
    void integer(std::string_view key, long long value);
    void boolean(std::string_view key, bool value);
    void null(std::string_view key);
    void optional(std::string_view key, const std::optional<double>& value);
    void strings(std::string_view key, const std::vector<std::string>& values);

    // The document so far, ending in a newline once the outermost value is closed.
    [[nodiscard]] const std::string& str() const { return out_; }

  private:
    void item(std::string_view key); // comma, newline, indent and "key": as needed
    std::string out_;
    std::vector<bool> first_; // per open container: no item written yet
};

std::string json_quote(std::string_view s);
std::string json_number(double value); // up to 4 decimals, trailing zeros trimmed

} // namespace zs
