// The form reader of `import`: qpdf behind the limits, the field walk, and
// the conversion of fields to a response of the example instrument.
#include "builders/form.hpp"
#include "harness.hpp"
#include "pdf/acroform.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto bytes = zs::fuzz::bytes(data, size);
    zs::Diagnostics diags;
    (void)zs::pdf::read_filled_form(bytes, "fuzz.pdf", diags);
    zs::Diagnostics resp;
    (void)zs::read_form_response(bytes, "fuzz.pdf", zs::fuzz::example_instrument(), resp);
    (void)zs::format(resp);
    return 0;
}
