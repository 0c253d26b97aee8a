// The scan reader (`zelfscan scan`), in two modes chosen by the first byte.
//   even: the rest is a scanned file as a scanner or copier sends it (PNG,
//         TIFF, JPEG or PDF): the image readers, then the page reading.
//   odd:  a printed page of the example instrument (numbered copy 1,
//         rendered once at 150 dpi), changed by the rest of the bytes:
//         blocks of ink, white, grey and specks anywhere (over boxes, the
//         corner marks, the QR code), turned upside down, and read as one
//         or two pages. This reaches the registration, the box reading and
//         the sheet assembly, which random files never do.
// Every mode ends as `scan` ends: the sheets, their answer files and the
// review document with its PNG crops.
#include <algorithm>
#include <cstdlib>

#include "answers/template_writer.hpp"
#include "builders/paper.hpp"
#include "harness.hpp"
#include "pdf/render.hpp"
#include "scan/review.hpp"
#include "scan/scan.hpp"

namespace {

using zs::scan::GrayImage;
using zs::scan::ScannedPage;

// The example instrument's paper scan as page images.
const std::vector<GrayImage>& printed_pages() {
    static const std::vector<GrayImage> pages = [] {
        const zs::Instrument& ins = zs::fuzz::example_instrument();
        zs::PaperOptions po;
        po.sheets = {zs::sheet_id(1)};
        zs::Diagnostics diags;
        zs::doc::Document d = zs::build_paper(ins, po, diags);
        std::string pdf = zs::pdf::render_pdf(d, zs::pdf::RenderOptions{}, diags);
        std::vector<GrayImage> out;
        std::string error = zs::scan::rasterise_pdf(pdf, "paper.pdf", 150,
                                                    [&](ScannedPage&& p) { out.push_back(std::move(p.image)); });
        if (!error.empty() || out.empty()) std::abort();
        return out;
    }();
    return pages;
}

unsigned take(std::string_view& in, std::size_t n) {
    unsigned v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v << 8 | (i < in.size() ? static_cast<unsigned char>(in[i]) : 0U);
    in.remove_prefix(std::min(n, in.size()));
    return v;
}

void paint(GrayImage& img, std::string_view& ops) {
    for (int n = 0; n < 64 && ops.size() >= 7; ++n) {
        unsigned kind = take(ops, 1);
        int x = static_cast<int>(take(ops, 2) * static_cast<unsigned>(img.width) / 65536U);
        int y = static_cast<int>(take(ops, 2) * static_cast<unsigned>(img.height) / 65536U);
        int w = static_cast<int>(take(ops, 1)) * 2 + 1, h = static_cast<int>(take(ops, 1)) * 2 + 1;
        auto shade = static_cast<std::uint8_t>(kind & 3U) == 2 ? static_cast<std::uint8_t>(kind) : std::uint8_t{0};
        for (int yy = y; yy < std::min(img.height, y + h); ++yy)
            for (int xx = x; xx < std::min(img.width, x + w); ++xx) {
                auto& p = img.pixels[static_cast<std::size_t>(yy) * static_cast<std::size_t>(img.width) +
                                     static_cast<std::size_t>(xx)];
                switch (kind & 3U) {
                case 0: p = 0; break;
                case 1: p = 255; break;
                case 2: p = shade; break;
                default:
                    if (((static_cast<unsigned>(xx) * 2654435761U) ^ (static_cast<unsigned>(yy) * 40503U) ^ kind) % 7U == 0) p = 0;
                }
            }
    }
}

void rotate_half(GrayImage& img) { std::reverse(img.pixels.begin(), img.pixels.end()); }

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const zs::Instrument& ins = zs::fuzz::example_instrument();
    zs::scan::Scanner scanner(
        [&](const std::string& id, const std::string& version, std::string& why) -> const zs::Instrument* {
            if (id == ins.id && version == ins.version.text) return &ins;
            why = "another instrument";
            return nullptr;
        },
        zs::scan::ScanOptions{});
    std::size_t order = 0;
    auto add = [&](ScannedPage&& p) { scanner.add(std::move(p), order++); };
    auto rest = zs::fuzz::bytes(data + 1, size - 1);
    if ((data[0] & 1U) == 0) {
        std::string error = rest.substr(0, 5) == "%PDF-" ? zs::scan::rasterise_pdf(rest, "scan.pdf", 72, add)
                                                          : zs::scan::read_image_file(rest, "scan.png", add);
        (void)error;
    } else {
        const auto& pages = printed_pages();
        unsigned flags = take(rest, 1);
        int count = (flags & 2U) != 0 ? 2 : 1;
        for (int i = 0; i < count; ++i) {
            ScannedPage page;
            page.image = pages[(flags >> 2U) % pages.size()];
            page.file = "scan.png";
            page.page = i + 1;
            paint(page.image, rest);
            if ((flags & 1U) != 0) rotate_half(page.image);
            add(std::move(page));
        }
    }
    zs::scan::ScanResult result = scanner.finish();
    for (const auto& sheet : result.sheets) {
        (void)zs::scan::answer_file_name(sheet);
        (void)zs::scan::answer_file_header(sheet, "nl", "review.pdf");
        (void)zs::write_answer_file(*sheet.instrument, sheet.response, sheet.language);
    }
    (void)zs::scan::build_review(result, "nl", [](const GrayImage& img) -> std::string {
        return zs::scan::encode_png(img).empty() ? std::string() : std::string("crop.png");
    });
    return 0;
}
