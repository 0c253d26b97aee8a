// QR codes through zbar: the only file in zelfscan that includes it.
#include <zbar.h>

#include <algorithm>
#include <memory>

#include "scan/image.hpp"

namespace zs::scan {

std::vector<QrSymbol> decode_qr(const GrayImage& image, int x0, int y0, int w, int h) {
    if (w <= 0 || h <= 0) x0 = 0, y0 = 0, w = image.width, h = image.height;
    x0 = std::clamp(x0, 0, image.width);
    y0 = std::clamp(y0, 0, image.height);
    w = std::min(w, image.width - x0);
    h = std::min(h, image.height - y0);
    if (w <= 0 || h <= 0) return {};
    // zbar keeps a pointer to the data: a window copied out of the page.
    std::vector<std::uint8_t> window(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y)
        std::copy_n(image.pixels.begin() + static_cast<std::ptrdiff_t>(y0 + y) * image.width + x0, w,
                    window.begin() + static_cast<std::ptrdiff_t>(y) * w);
    std::unique_ptr<zbar::zbar_image_scanner_t, void (*)(zbar::zbar_image_scanner_t*)> scanner(
        zbar::zbar_image_scanner_create(), zbar::zbar_image_scanner_destroy);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    std::unique_ptr<zbar::zbar_image_t, void (*)(zbar::zbar_image_t*)> img(zbar::zbar_image_create(),
                                                                         zbar::zbar_image_destroy);
    zbar::zbar_image_set_format(img.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(img.get(), static_cast<unsigned>(w), static_cast<unsigned>(h));
    zbar::zbar_image_set_data(img.get(), window.data(), window.size(), nullptr);
    std::vector<QrSymbol> out;
    if (zbar::zbar_scan_image(scanner.get(), img.get()) <= 0) return out;
    for (const zbar::zbar_symbol_t* s = zbar::zbar_image_first_symbol(img.get()); s; s = zbar::zbar_symbol_next(s)) {
        QrSymbol q;
        q.payload.assign(zbar::zbar_symbol_get_data(s), zbar::zbar_symbol_get_data_length(s));
        unsigned n = zbar::zbar_symbol_get_loc_size(s);
        double minx = 1e18, maxx = -1e18, miny = 1e18, maxy = -1e18;
        for (unsigned i = 0; i < n; ++i) {
            double px = zbar::zbar_symbol_get_loc_x(s, i), py = zbar::zbar_symbol_get_loc_y(s, i);
            minx = std::min(minx, px), maxx = std::max(maxx, px);
            miny = std::min(miny, py), maxy = std::max(maxy, py);
        }
        if (n > 0) {
            q.x = x0 + (minx + maxx) / 2;
            q.y = y0 + (miny + maxy) / 2;
            q.size = std::max(maxx - minx, maxy - miny);
        }
        out.push_back(std::move(q));
    }
    return out;
}

} // namespace zs::scan
