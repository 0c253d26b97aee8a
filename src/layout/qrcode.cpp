// Page marks: a QR code per page (libqrencode), so a scanned paper page can
// be matched to its instrument, version and page number.
#include <qrencode.h>

#include "layout/flow.hpp"

namespace zs::layout {

QrItem qr_code(const std::string& payload, double x, double y, double size) {
    QrItem q;
    q.x = x;
    q.y = y;
    q.size = size;
    QRcode* code = QRcode_encodeString8bit(payload.c_str(), 0, QR_ECLEVEL_M);
    if (!code) return q;
    q.modules = code->width;
    auto n = static_cast<std::size_t>(code->width);
    q.dark.resize(n * n);
    for (std::size_t i = 0; i < n * n; ++i) q.dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return q;
}

} // namespace zs::layout
