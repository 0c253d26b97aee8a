#include "pdf/acroform.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>
#include <vector>

#include <zlib.h>

#include <fmt/format.h>
// qpdf 11: use std::shared_ptr, not the old PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFFormFieldObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include "util/limits.hpp"

namespace zs::pdf {

namespace {

using OH = QPDFObjectHandle;

// How many bytes the zlib streams in `bytes` inflate to, counted up to
// `limit` (then limit + 1): a "filled form" whose few compressed bytes
// unpack to gigabytes is refused before qpdf unpacks anything. Every
// "stream" keyword is followed; data that is not zlib costs nothing. The
// output goes to one small buffer, so the count needs no memory.
std::size_t inflated_size(std::string_view bytes, std::size_t limit) {
    std::size_t total = 0;
    std::vector<unsigned char> sink(64 * 1024);
    for (std::size_t at = bytes.find("stream"); at != std::string_view::npos; at = bytes.find("stream", at + 6)) {
        std::size_t start = at + 6;
        if (start < bytes.size() && bytes[start] == '\r') ++start;
        if (start >= bytes.size() || bytes[start] != '\n') continue;
        ++start;
        if (start + 2 > bytes.size()) break;
        auto cmf = static_cast<unsigned char>(bytes[start]), flg = static_cast<unsigned char>(bytes[start + 1]);
        if ((cmf & 0x0F) != 8 || ((cmf << 8) | flg) % 31 != 0) continue;
        z_stream z{};
        if (inflateInit(&z) != Z_OK) return limit + 1;
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + start));
        z.avail_in = static_cast<uInt>(std::min<std::size_t>(bytes.size() - start, 0x7fffffff));
        int rc = Z_OK;
        while (rc == Z_OK) {
            z.next_out = sink.data();
            z.avail_out = static_cast<uInt>(sink.size());
            rc = inflate(&z, Z_NO_FLUSH);
            total += sink.size() - z.avail_out;
            if (total > limit) break;
            if (rc == Z_BUF_ERROR && z.avail_out != 0) break; // input used up
            if (rc == Z_BUF_ERROR) rc = Z_OK;
        }
        inflateEnd(&z);
        if (total > limit) return limit + 1;
    }
    return total;
}

// Field flags (PDF 32000-1, tables 226-228).
constexpr int ff_read_only = 1 << 0;
constexpr int ff_multiline = 1 << 12;
constexpr int ff_no_toggle_to_off = 1 << 14;
constexpr int ff_radio = 1 << 15;
constexpr int ff_do_not_spell_check = 1 << 22;

std::string num(double v) { return fmt::format("{:.2f}", v); }

OH rect(const layout::FieldRect& f) {
    return OH::parse(fmt::format("[{} {} {} {}]", num(f.x), num(f.y), num(f.x + f.w), num(f.y + f.h)));
}

OH form_xobject(QPDF& pdf, double w, double h, const std::string& content, bool with_font = false) {
    OH s = OH::newStream(&pdf, content);
    OH d = s.getDict();
    d.replaceKey("/Type", OH::newName("/XObject"));
    d.replaceKey("/Subtype", OH::newName("/Form"));
    d.replaceKey("/BBox", OH::parse(fmt::format("[0 0 {} {}]", num(w), num(h))));
    if (with_font) d.replaceKey("/Resources", OH::parse("<< >>"));
    return s;
}

// A pen-like cross in the accent colour, inset from the printed box.
std::string cross(double w, double h) {
    double i = std::min(w, h) * 0.2;
    return fmt::format("q 0.11 0.25 0.43 RG 1.8 w 1 J {} {} m {} {} l S {} {} m {} {} l S Q\n", num(i), num(i), num(w - i),
                       num(h - i), num(i), num(h - i), num(w - i), num(i));
}

// Every field shows as a field in any viewer: a light tint and a thin
// border drawn in its own appearance (and named in /MK for viewers that
// redraw it), over the printed box or ruled lines.
constexpr const char* field_colours = "/BG [0.93 0.95 0.98] /BC [0.35 0.4 0.47]";
std::string field_box(double w, double h) {
    return fmt::format("q 0.93 0.95 0.98 rg 0 0 {} {} re f 0.35 0.4 0.47 RG 0.6 w 0.3 0.3 {} {} re S Q\n", num(w), num(h),
                       num(w - 0.6), num(h - 0.6));
}

class FormBuilder {
  public:
    FormBuilder(QPDF& pdf, const layout::LayoutResult& laid, const FormSpec& spec) : pdf_(pdf), laid_(laid), spec_(spec) {
        pages_ = QPDFPageDocumentHelper(pdf).getAllPages();
    }

    void build() {
        OH acroform = pdf_.makeIndirectObject(OH::parse("<< /Fields [] /NeedAppearances true >>"));
        acroform.replaceKey("/DA", OH::newString("/Helv 10 Tf 0 g"));
        // ZaDb too: viewers that rebuild button appearances from /MK /CA
        // (NeedAppearances) draw the cross with it.
        acroform.replaceKey("/DR", OH::parse("<< /Font << /Helv << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                                             "/Encoding /WinAnsiEncoding >> /ZaDb << /Type /Font /Subtype /Type1 "
                                             "/BaseFont /ZapfDingbats >> >> >>"));
        fields_ = acroform.getKey("/Fields");
        instrument_marker();
        // Radio groups collect their option boxes in order of appearance.
        std::map<std::string, OH> radios;
        for (const auto& f : laid_.fields) {
            if (f.page < 0 || static_cast<std::size_t>(f.page) >= pages_.size()) continue;
            switch (f.kind) {
            case layout::FieldKind::choice: {
                auto it = radios.find(f.name);
                if (it == radios.end()) {
                    OH field = pdf_.makeIndirectObject(OH::newDictionary());
                    field.replaceKey("/FT", OH::newName("/Btn"));
                    field.replaceKey("/Ff", OH::newInteger(ff_radio | ff_no_toggle_to_off));
                    field.replaceKey("/T", OH::newUnicodeString(f.name));
                    tooltip(field, f.name);
                    field.replaceKey("/V", OH::newName("/Off"));
                    field.replaceKey("/Kids", OH::newArray());
                    fields_.appendItem(field);
                    it = radios.emplace(f.name, field).first;
                }
                OH w = widget(f, it->second);
                // Each radio button has its own name, question and option,
                // for readers that do not look at the parent (pdf.js, poppler).
                auto tip = spec_.tooltips.find(f.name);
                std::string label = option_label(f);
                std::string name = tip == spec_.tooltips.end() ? label : label.empty() ? tip->second : tip->second + ": " + label;
                if (!name.empty()) w.replaceKey("/TU", OH::newUnicodeString(name));
                button_appearance(w, f, f.option);
                it->second.getKey("/Kids").appendItem(w);
                break;
            }
            case layout::FieldKind::check: {
                std::string name = f.name + ":" + f.option;
                OH field = pdf_.makeIndirectObject(OH::newDictionary());
                field.replaceKey("/FT", OH::newName("/Btn"));
                field.replaceKey("/T", OH::newUnicodeString(name));
                tooltip(field, f.name);
                field.replaceKey("/V", OH::newName("/Off"));
                merge_widget(field, f);
                // The name says which option; the on state is /Yes, the
                // one PDF recommends and the only one qpdf's form helper sets.
                button_appearance(field, f, "Yes");
                fields_.appendItem(field);
                break;
            }
            case layout::FieldKind::notes:
            case layout::FieldKind::text: {
                OH field = pdf_.makeIndirectObject(OH::newDictionary());
                field.replaceKey("/FT", OH::newName("/Tx"));
                field.replaceKey("/T", OH::newUnicodeString(f.name));
                tooltip(field, f.name);
                int flags = f.kind == layout::FieldKind::notes ? ff_multiline : 0;
                if (spec_.numbers.count(f.name)) flags |= ff_do_not_spell_check;
                field.replaceKey("/Ff", OH::newInteger(flags));
                field.replaceKey("/V", OH::newUnicodeString(""));
                field.replaceKey("/DA", OH::newString(f.kind == layout::FieldKind::notes ? "/Helv 10 Tf 0 g" : "/Helv 11 Tf 0 g"));
                merge_widget(field, f);
                // With a /Resources dictionary, so fillers that write the
                // appearance into this stream (qpdf) can add the /DA font.
                OH ap = form_xobject(pdf_, f.w, f.h, field_box(f.w, f.h) + "/Tx BMC EMC\n", true);
                field.replaceKey("/AP", OH::parse("<< >>"));
                field.getKey("/AP").replaceKey("/N", ap);
                fields_.appendItem(field);
                break;
            }
            }
        }
        pdf_.getRoot().replaceKey("/AcroForm", acroform);
    }

  private:
    std::string option_label(const layout::FieldRect& f) const {
        if (f.node < 0 || static_cast<std::size_t>(f.node) >= laid_.structure.size()) return f.option;
        return laid_.structure[static_cast<std::size_t>(f.node)].alt;
    }

    void tooltip(OH& field, const std::string& name) {
        auto it = spec_.tooltips.find(name);
        if (it != spec_.tooltips.end()) field.replaceKey("/TU", OH::newUnicodeString(it->second));
    }

    void attach(OH& annot, int page) {
        OH p = pages_[static_cast<std::size_t>(page)].getObjectHandle();
        if (!p.hasKey("/Annots") || !p.getKey("/Annots").isArray()) p.replaceKey("/Annots", OH::newArray());
        p.getKey("/Annots").appendItem(annot);
        annot.replaceKey("/P", p);
    }

    // A widget annotation kid of a field (radio buttons).
    OH widget(const layout::FieldRect& f, OH parent) {
        OH w = pdf_.makeIndirectObject(OH::newDictionary());
        w.replaceKey("/Type", OH::newName("/Annot"));
        w.replaceKey("/Subtype", OH::newName("/Widget"));
        w.replaceKey("/Rect", rect(f));
        w.replaceKey("/F", OH::newInteger(4)); // print
        w.replaceKey("/Parent", parent);
        w.replaceKey("/MK", OH::parse(fmt::format("<< /CA (8) {} >>", field_colours)));
        attach(w, f.page);
        return w;
    }

    // A field that is its own widget (check boxes, text fields).
    void merge_widget(OH& field, const layout::FieldRect& f) {
        field.replaceKey("/Type", OH::newName("/Annot"));
        field.replaceKey("/Subtype", OH::newName("/Widget"));
        field.replaceKey("/Rect", rect(f));
        field.replaceKey("/F", OH::newInteger(4));
        field.replaceKey("/MK", OH::parse(fmt::format("<< {}{} >>", f.kind == layout::FieldKind::check ? "/CA (8) " : "",
                                                      field_colours)));
        attach(field, f.page);
    }

    // The printed box shows through when off; a cross marks the on state.
    void button_appearance(OH& w, const layout::FieldRect& f, const std::string& state) {
        OH on = form_xobject(pdf_, f.w, f.h, field_box(f.w, f.h) + cross(f.w, f.h));
        OH off = form_xobject(pdf_, f.w, f.h, field_box(f.w, f.h));
        OH down = form_xobject(pdf_, f.w, f.h, fmt::format("q 0.85 g 0 0 {} {} re f Q\n", num(f.w), num(f.h)));
        OH n = OH::newDictionary();
        n.replaceKey("/" + state, on);
        n.replaceKey("/Off", off);
        OH d = OH::newDictionary();
        d.replaceKey("/" + state, down);
        d.replaceKey("/Off", down);
        OH ap = OH::newDictionary();
        ap.replaceKey("/N", n);
        ap.replaceKey("/D", d);
        w.replaceKey("/AP", ap);
        w.replaceKey("/AS", OH::newName("/Off"));
    }

    // A read-only, hidden text field with "id@version", so import knows
    // which instrument a filled form answers even if metadata is lost.
    void instrument_marker() {
        if (pages_.empty()) return;
        OH field = pdf_.makeIndirectObject(OH::newDictionary());
        field.replaceKey("/FT", OH::newName("/Tx"));
        field.replaceKey("/T", OH::newUnicodeString(instrument_field));
        field.replaceKey("/Ff", OH::newInteger(ff_read_only));
        field.replaceKey("/V", OH::newUnicodeString(spec_.instrument_id + "@" + spec_.instrument_version));
        field.replaceKey("/Type", OH::newName("/Annot"));
        field.replaceKey("/Subtype", OH::newName("/Widget"));
        field.replaceKey("/Rect", OH::parse("[0 0 0 0]"));
        field.replaceKey("/F", OH::newInteger(2)); // hidden
        field.replaceKey("/DA", OH::newString("/Helv 0 Tf 0 g"));
        attach(field, 0);
        fields_.appendItem(field);
        OH info = pdf_.getTrailer().getKey("/Info");
        if (info.isDictionary()) {
            info.replaceKey("/ZelfscanInstrument", OH::newUnicodeString(spec_.instrument_id));
            info.replaceKey("/ZelfscanVersion", OH::newUnicodeString(spec_.instrument_version));
        }
    }

    QPDF& pdf_;
    const layout::LayoutResult& laid_;
    const FormSpec& spec_;
    std::vector<QPDFPageObjectHelper> pages_;
    OH fields_;
};

std::string split_marker(const std::string& v, std::string& version) {
    auto at = v.rfind('@');
    if (at == std::string::npos) return v;
    version = v.substr(at + 1);
    return v.substr(0, at);
}

} // namespace

FinishStep acroform_step(FormSpec spec) {
    return [spec = std::move(spec)](QPDF& pdf, const layout::LayoutResult& laid, Diagnostics&) {
        FormBuilder(pdf, laid, spec).build();
    };
}

std::optional<FilledForm> read_filled_form(std::string_view bytes, const std::string& path, Diagnostics& diags) {
    SourceLocation where{path, 0, 0};
    if (bytes.substr(0, std::min<std::size_t>(bytes.size(), 1024)).find("%PDF-") == std::string_view::npos) {
        diags.error(where, msg("this is not a PDF file"), msg("give a PDF form made by `zelfscan form`"));
        return std::nullopt;
    }
    // Bounded work before qpdf: what the streams unpack to.
    if (inflated_size(bytes, limits::pdf_inflated_bytes) > limits::pdf_inflated_bytes) {
        diags.error(where,
                    msg("the PDF's compressed data unpacks to more than {} MB, more than a form can hold "
                                "(see docs/limits.md)",
                                limits::pdf_inflated_bytes / limits::MiB),
                    msg("ask for a fresh copy of the filled form"));
        return std::nullopt;
    }
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.setAttemptRecovery(false);
    try {
        // qpdf reads from `bytes` in place; they outlive `pdf`.
        pdf.processMemoryFile(path.c_str(), bytes.data(), bytes.size());
    } catch (const QPDFExc& e) {
        if (pdf.isEncrypted() || std::string(e.what()).find("password") != std::string::npos)
            diags.error(where, msg("the PDF is encrypted (password-protected); save it without a password and try again"));
        else
            diags.error(where, msg("the PDF is damaged: {}", e.getMessageDetail()),
                        msg("ask for a fresh copy of the filled form"));
        return std::nullopt;
    } catch (const std::exception& e) {
        diags.error(where, msg("the PDF is damaged: {}", e.what()), msg("ask for a fresh copy of the filled form"));
        return std::nullopt;
    }
    if (pdf.isEncrypted()) {
        diags.error(where, msg("the PDF is encrypted (password-protected); save it without a password and try again"));
        return std::nullopt;
    }
    // The cross-reference table's entries, not getObjectCount(): that one
    // first resolves every object in the file, which was three quarters of
    // import's time.
    if (std::size_t objects = pdf.getXRefTable().size(); objects > limits::pdf_objects) {
        diags.error(where,
                    msg("the PDF has {} objects, more than the {} a form may have (see docs/limits.md)", objects,
                        limits::pdf_objects),
                    msg("ask for a fresh copy of the filled form"));
        return std::nullopt;
    }
    FilledForm form;
    try {
        // Walk /AcroForm/Fields directly: qpdf's form helper also indexes
        // every annotation of every page, which costs most of the time.
        // Partial names join with '.', /FT and /V are inherited, and a loop
        // in a damaged field tree is cut.
        std::set<std::pair<int, int>> visited;
        std::set<std::string> seen;
        std::function<void(OH, const std::string&, const std::string&, OH, int)> walk =
            [&](OH node, const std::string& prefix, const std::string& ft_in, OH v_in, int depth) {
                if (!node.isDictionary() || depth > 32) return;
                if (node.isIndirect() && !visited.insert({node.getObjectID(), node.getGeneration()}).second) return;
                std::string name = prefix;
                if (node.getKey("/T").isString()) {
                    std::string part = node.getKey("/T").getUTF8Value();
                    name = prefix.empty() ? part : prefix + "." + part;
                }
                std::string ft = node.getKey("/FT").isName() ? node.getKey("/FT").getName() : ft_in;
                OH v = node.hasKey("/V") ? node.getKey("/V") : v_in;
                // Kids are all fields (a non-terminal field) or all widgets
                // (PDF 32000-1, 12.7.3.1), so the first kid tells which;
                // looking at one widget instead of all saves parsing most
                // of the file.
                OH kids = node.getKey("/Kids");
                bool has_field_kids = false;
                if (kids.isArray())
                    for (int k = 0; k < kids.getArrayNItems() && !has_field_kids; ++k) {
                        OH kid = kids.getArrayItem(k);
                        if (!kid.isDictionary()) continue;
                        has_field_kids = kid.hasKey("/T");
                        if (!has_field_kids && kid.hasKey("/Subtype")) break; // a widget
                    }
                if (has_field_kids) {
                    for (int k = 0; k < kids.getArrayNItems(); ++k) walk(kids.getArrayItem(k), name, ft, v, depth + 1);
                    return;
                }
                if (name.empty() || !seen.insert(name).second) return;
                FieldValue fv;
                fv.name = name;
                if (ft == "/Btn") {
                    fv.is_choice = true;
                    if (v.isName() && v.getName() != "/Off") fv.value = v.getName().substr(1);
                } else if (v.isString()) {
                    fv.value = v.getUTF8Value();
                } else if (v.isName()) {
                    fv.value = v.getName().substr(1);
                }
                if (name == instrument_field) {
                    form.instrument_id = split_marker(fv.value, form.instrument_version);
                    return;
                }
                form.fields.push_back(std::move(fv));
            };
        OH fields = pdf.getRoot().getKey("/AcroForm").getKey("/Fields");
        if (fields.isArray())
            for (int k = 0; k < fields.getArrayNItems(); ++k) walk(fields.getArrayItem(k), "", "", OH::newNull(), 0);
        if (form.instrument_id.empty()) {
            OH info = pdf.getTrailer().getKey("/Info");
            if (info.isDictionary() && info.getKey("/ZelfscanInstrument").isString()) {
                form.instrument_id = info.getKey("/ZelfscanInstrument").getUTF8Value();
                if (info.getKey("/ZelfscanVersion").isString()) form.instrument_version = info.getKey("/ZelfscanVersion").getUTF8Value();
            }
        }
    } catch (const std::exception& e) {
        diags.error(where, msg("the PDF is damaged: {}", e.what()), msg("ask for a fresh copy of the filled form"));
        return std::nullopt;
    }
    if (form.instrument_id.empty()) {
        diags.error(where, msg("this PDF is not a zelfscan form: it has no zelfscan fields"),
                    msg("make forms with `zelfscan form INSTRUMENT -o form.pdf`"));
        return std::nullopt;
    }
    // The metadata survives flattening or "print to PDF", the answers do
    // not: importing such a copy would quietly give an empty answer file.
    if (form.fields.empty()) {
        diags.error(where, msg("this zelfscan form has no form fields left (flattened or printed to PDF), so its answers cannot be read"),
                    msg("import the form as saved by the PDF viewer, not a flattened or printed copy"));
        return std::nullopt;
    }
    return form;
}

} // namespace zs::pdf
