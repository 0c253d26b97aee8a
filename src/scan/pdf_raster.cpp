// Scanned PDFs through poppler: the only file in zelfscan that includes it.
// Poppler decodes every image filter a scanner writes (DCT, CCITT, JBIG2,
// Flate) and renders the page at the resolution asked.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>

#include <fmt/format.h>

#include "scan/image.hpp"

namespace zs::scan {

namespace {

void no_messages(const std::string&, void*) {}

} // namespace

std::string rasterise_pdf(std::string_view bytes, const std::string& path, double dpi,
                          const std::function<void(ScannedPage&&)>& page) {
    poppler::set_debug_error_function(no_messages, nullptr);
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) return "not a PDF file that can be read";
    if (doc->is_locked()) return "the PDF is protected with a password";
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    const int pages = doc->pages();
    for (int i = 0; i < pages; ++i) {
        std::unique_ptr<poppler::page> p(doc->create_page(i));
        if (!p) return fmt::format("page {} cannot be read", i + 1);
        poppler::rectf box = p->page_rect();
        double w = box.width() * dpi / 72, h = box.height() * dpi / 72;
        if (w * h > static_cast<double>(max_pixels) || w < 1 || h < 1)
            return fmt::format("page {} has an unusable size ({:.0f} x {:.0f} pt)", i + 1, box.width(), box.height());
        poppler::image img = renderer.render_page(p.get(), dpi, dpi);
        if (!img.is_valid()) return fmt::format("page {} cannot be rendered", i + 1);
        ScannedPage sp;
        sp.file = path;
        sp.page = i + 1;
        sp.image.width = img.width();
        sp.image.height = img.height();
        sp.image.pixels.resize(static_cast<std::size_t>(img.width()) * static_cast<std::size_t>(img.height()));
        const char* data = img.const_data();
        for (int y = 0; y < img.height(); ++y) {
            const auto* row = reinterpret_cast<const std::uint8_t*>(data + static_cast<std::ptrdiff_t>(y) * img.bytes_per_row());
            std::copy(row, row + img.width(),
                      sp.image.pixels.begin() + static_cast<std::ptrdiff_t>(y) * img.width());
        }
        page(std::move(sp));
    }
    return "";
}

} // namespace zs::scan
