// The logo loader: header sizes and limits, the PNG decode check, and then
// libharu embedding whatever the check accepted (which must never abort).
#include <hpdf.h>

#include "harness.hpp"
#include "layout/flow.hpp"

namespace {
void ignore_error(HPDF_STATUS, HPDF_STATUS, void*) {}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto bytes = zs::fuzz::bytes(data, size);
    int w = 0, h = 0;
    std::string error;
    if (!zs::layout::image_size(bytes, w, h, error)) return 0;
    HPDF_Doc pdf = HPDF_New(ignore_error, nullptr);
    if (!pdf) return 0;
    auto* b = reinterpret_cast<const HPDF_BYTE*>(data);
    auto n = static_cast<HPDF_UINT>(size);
    if (bytes[0] == '\x89') (void)HPDF_LoadPngImageFromMem(pdf, b, n);
    else (void)HPDF_LoadJpegImageFromMem(pdf, b, n);
    HPDF_Free(pdf);
    return 0;
}
