// Drawing laid-out pages with libharu. This file and finish.cpp are the only
// ones that know PDF.
#include <hpdf.h>

#include <map>
#include <memory>

#include "pdf/render.hpp"
#include "pdf/tagging.hpp"
#include "util/files.hpp"

namespace zs::pdf {

namespace {

struct HaruError {
    HPDF_STATUS code = 0, detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
    auto* e = static_cast<HaruError*>(user);
    if (e->code == 0) *e = {code, detail};
}

// Owns the libharu document.
struct Haru {
    HaruError error;
    HPDF_Doc pdf = nullptr;
    Haru() { pdf = HPDF_New(on_error, &error); }
    ~Haru() {
        if (pdf) HPDF_Free(pdf);
    }
    Haru(const Haru&) = delete;
    Haru& operator=(const Haru&) = delete;
};

// A new document set up as every drawing needs it.
std::unique_ptr<Haru> new_document() {
    auto haru = std::make_unique<Haru>();
    if (!haru->pdf) return haru;
    HPDF_UseUTFEncodings(haru->pdf);
    HPDF_SetCurrentEncoder(haru->pdf, "UTF-8");
    // Streams stay uncompressed here: the qpdf pass compresses everything once.
    HPDF_SetCompressionMode(haru->pdf, HPDF_COMP_NONE);
    return haru;
}

HPDF_Font load_face(HPDF_Doc pdf, const std::string& path) {
    const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
    return name ? HPDF_GetFont(pdf, name, "UTF-8") : nullptr;
}

HPDF_REAL r(double v) { return static_cast<HPDF_REAL>(v); }
HPDF_REAL c(std::uint8_t v) { return static_cast<HPDF_REAL>(v / 255.0); }

class PageWriter {
  public:
    PageWriter(HPDF_Doc pdf, HPDF_Page page, const layout::LayoutResult& layout,
               std::map<int, HPDF_Font>& fonts, std::map<std::string, HPDF_Image>& images,
               Diagnostics& diags)
        : pdf_(pdf), page_(page), layout_(layout), fonts_(fonts), images_(images), diags_(diags) {}

    void draw(const layout::Item& item) {
        std::visit([&](const auto& it) { draw_item(it); }, item);
    }
    void end() { end_text(); }
    // Where the structure node changes: the separator the finishing pass
    // turns into marked content (pdf/tagging.hpp), outside any text object.
    void separate() {
        end_text();
        HPDF_Page_SetFlat(page_, 0);
    }

  private:
    HPDF_Doc pdf_;
    HPDF_Page page_;
    const layout::LayoutResult& layout_;
    std::map<int, HPDF_Font>& fonts_;
    std::map<std::string, HPDF_Image>& images_;
    Diagnostics& diags_;
    bool in_text_ = false;
    int font_ = -1;
    double size_ = 0;

    void end_text() {
        if (in_text_) HPDF_Page_EndText(page_);
        in_text_ = false;
        font_ = -1;
    }

    HPDF_Font font(int id) {
        auto it = fonts_.find(id);
        if (it != fonts_.end()) return it->second;
        const std::string& path = layout_.fonts->face(id).path();
        // The same file may serve several face ids: load it once.
        HPDF_Font f = nullptr;
        for (const auto& [other, font] : fonts_)
            if (layout_.fonts->face(other).path() == path) f = font;
        if (!f) f = load_face(pdf_, path);
        fonts_[id] = f;
        return f;
    }

    void fill_color(doc::Color col) { HPDF_Page_SetRGBFill(page_, c(col.r), c(col.g), c(col.b)); }
    void stroke_style(const doc::Stroke& s) {
        HPDF_Page_SetRGBStroke(page_, c(s.color.r), c(s.color.g), c(s.color.b));
        HPDF_Page_SetLineWidth(page_, r(s.width));
        if (s.dash > 0) {
            HPDF_UINT16 d = static_cast<HPDF_UINT16>(std::max(1.0, s.dash));
            HPDF_UINT16 pattern[] = {d, d};
            HPDF_Page_SetDash(page_, pattern, 2, 0);
        } else {
            HPDF_Page_SetDash(page_, nullptr, 0, 0);
        }
    }
    // Colours and line style must be set before a path is begun.
    void prepare(const doc::ShapeStyle& st) {
        if (st.fill) fill_color(*st.fill);
        if (st.stroke) stroke_style(*st.stroke);
    }
    void paint(const doc::ShapeStyle& st) {
        if (st.fill && st.stroke)
            HPDF_Page_FillStroke(page_);
        else if (st.fill)
            HPDF_Page_Fill(page_);
        else if (st.stroke)
            HPDF_Page_Stroke(page_);
        else
            HPDF_Page_EndPath(page_);
    }

    void draw_item(const layout::TextItem& t) {
        HPDF_Font f = font(t.font);
        if (!f) return;
        if (!in_text_) {
            HPDF_Page_BeginText(page_);
            in_text_ = true;
        }
        if (font_ != t.font || size_ != t.size) {
            HPDF_Page_SetFontAndSize(page_, f, r(t.size));
            font_ = t.font;
            size_ = t.size;
        }
        fill_color(t.color);
        HPDF_Page_TextOut(page_, r(t.x), r(t.y), t.text.c_str());
    }
    void draw_item(const layout::RectItem& it) {
        end_text();
        prepare(it.style);
        HPDF_Page_Rectangle(page_, r(it.x), r(it.y), r(it.w), r(it.h));
        paint(it.style);
    }
    void draw_item(const layout::LineItem& it) {
        end_text();
        stroke_style(it.stroke);
        HPDF_Page_MoveTo(page_, r(it.x1), r(it.y1));
        HPDF_Page_LineTo(page_, r(it.x2), r(it.y2));
        HPDF_Page_Stroke(page_);
    }
    void draw_item(const layout::PathItem& it) {
        if (it.points.empty()) return;
        end_text();
        HPDF_Page_SetLineJoin(page_, HPDF_ROUND_JOIN);
        prepare(it.style);
        HPDF_Page_MoveTo(page_, r(it.points[0].x), r(it.points[0].y));
        for (std::size_t i = 1; i < it.points.size(); ++i)
            HPDF_Page_LineTo(page_, r(it.points[i].x), r(it.points[i].y));
        if (it.closed) HPDF_Page_ClosePath(page_);
        paint(it.style);
        HPDF_Page_SetLineJoin(page_, HPDF_MITER_JOIN);
    }
    void draw_item(const layout::ImageItem& it) {
        end_text();
        auto found = images_.find(it.path);
        if (found == images_.end()) {
            ReadResult file = read_file(it.path, limits::image_file);
            HPDF_Image img = nullptr;
            if (file.ok() && file.data.size() > 4) {
                auto* bytes = reinterpret_cast<const HPDF_BYTE*>(file.data.data());
                auto size = static_cast<HPDF_UINT>(file.data.size());
                img = file.data[0] == '\x89' ? HPDF_LoadPngImageFromMem(pdf_, bytes, size)
                                             : HPDF_LoadJpegImageFromMem(pdf_, bytes, size);
            }
            if (!img) diags_.error({it.path, 0, 0}, msg("cannot embed this image"));
            found = images_.emplace(it.path, img).first;
        }
        if (found->second)
            HPDF_Page_DrawImage(page_, found->second, r(it.x), r(it.y), r(it.w), r(it.h));
    }
    void draw_item(const layout::LinkItem& it) {
        HPDF_Rect rect{r(it.x), r(it.y), r(it.x + it.w), r(it.y + it.h)};
        HPDF_Annotation a = nullptr;
        // Internal links ("#anchor") are added by the finishing pass, which
        // can write /XYZ destinations that keep the reader's zoom.
        if (it.target.empty() || it.target[0] == '#') return;
        a = HPDF_Page_CreateURILinkAnnot(page_, rect, it.target.c_str());
        if (a) HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    }
    void draw_item(const layout::QrItem& q) {
        if (q.modules <= 0) return;
        end_text();
        double cell = q.size / q.modules;
        HPDF_Page_SetRGBFill(page_, 0, 0, 0);
        auto n = static_cast<std::size_t>(q.modules);
        for (std::size_t row = 0; row < n; ++row) {
            // Runs of dark modules become one rectangle: smaller, no seams.
            for (std::size_t col = 0; col < n;) {
                if (!q.dark[row * n + col]) {
                    ++col;
                    continue;
                }
                std::size_t end = col;
                while (end < n && q.dark[row * n + end]) ++end;
                double x = q.x + static_cast<double>(col) * cell;
                double y = q.y + q.size - static_cast<double>(row + 1) * cell;
                HPDF_Page_Rectangle(page_, r(x), r(y), r(static_cast<double>(end - col) * cell),
                                    r(cell));
                col = end;
            }
        }
        HPDF_Page_Fill(page_);
    }
};

} // namespace

class DrawingStart {
  public:
    std::shared_ptr<const layout::FontSet> fonts;
    std::unique_ptr<Haru> haru;
    std::map<int, HPDF_Font> faces;
};

std::shared_ptr<DrawingStart> start_drawing(std::shared_ptr<const layout::FontSet> fonts, const std::vector<int>& faces) {
    auto start = std::make_shared<DrawingStart>();
    start->fonts = std::move(fonts);
    start->haru = new_document();
    if (!start->fonts || !start->haru->pdf) return start;
    for (int id : faces)
        if (id >= 0 && id < start->fonts->face_count())
            if (HPDF_Font f = load_face(start->haru->pdf, start->fonts->face(id).path())) start->faces[id] = f;
    return start;
}

std::future<std::shared_ptr<DrawingStart>> preload_drawing(const std::string& lang) {
    return std::async(std::launch::async, [lang]() -> std::shared_ptr<DrawingStart> {
        using layout::Style;
        auto fonts = layout::preload(lang);
        if (!fonts) return nullptr;
        return start_drawing(fonts, {static_cast<int>(Style::regular), static_cast<int>(Style::bold),
                                     static_cast<int>(Style::italic), static_cast<int>(Style::heading)});
    });
}

std::string draw_pdf(const layout::LayoutResult& layout, Diagnostics& diags, std::shared_ptr<DrawingStart> start) {
    if (!layout.fonts) return {};
    std::unique_ptr<Haru> haru;
    std::map<int, HPDF_Font> fonts;
    if (start && start->haru && start->haru->pdf && start->haru->error.code == 0 && start->fonts == layout.fonts) {
        haru = std::move(start->haru);
        fonts = std::move(start->faces);
    } else {
        haru = new_document();
    }
    HPDF_Doc pdf = haru->pdf;
    if (!pdf) {
        diags.error({}, msg("cannot create a PDF document (out of memory)"));
        return {};
    }

    std::vector<HPDF_Page> pages;
    for (std::size_t i = 0; i < layout.pages.size(); ++i) {
        HPDF_Page p = HPDF_AddPage(pdf);
        HPDF_Page_SetWidth(p, r(layout.size.width));
        HPDF_Page_SetHeight(p, r(layout.size.height));
        pages.push_back(p);
    }
    std::map<std::string, HPDF_Image> images;
    for (std::size_t i = 0; i < layout.pages.size(); ++i) {
        PageWriter w(pdf, pages[i], layout, fonts, images, diags);
        const layout::Page& page = layout.pages[i];
        for (std::size_t k = 0; k < page.items.size(); ++k) {
            if (starts_run(page, k)) w.separate();
            w.draw(page.items[k]);
        }
        w.end();
    }
    if (haru->error.code != 0) {
        diags.error({}, msg("libharu failed to write the PDF (error 0x{:04X})", static_cast<unsigned>(haru->error.code)));
        return {};
    }
    if (HPDF_SaveToStream(pdf) != HPDF_OK) {
        diags.error({}, msg("libharu failed to write the PDF"));
        return {};
    }
    std::string out(HPDF_GetStreamSize(pdf), '\0');
    auto size = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    out.resize(size);
    return out;
}

std::string render_pdf(const doc::Document& document, const RenderOptions& options,
                       Diagnostics& diags) {
    layout::LayoutResult laid = layout::layout_document(document, options.layout, diags);
    if (diags.has_errors()) return {};
    std::string raw = draw_pdf(laid, diags, options.start);
    if (diags.has_errors()) return {};
    return finish_pdf(raw, document.info, laid, options.finish, diags);
}

} // namespace zs::pdf
