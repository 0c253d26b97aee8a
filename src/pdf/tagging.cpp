// Tagged PDF (PDF/UA-1): the structure tree, marked content and the XMP
// metadata, added in the finishing pass. libharu has no tagging API, so
// drawing leaves a separator (a flatness operator, `0 i`, which nothing
// else writes) wherever the structure node of the items changes
// (layout::Page::tags); here every separator becomes the end of one
// marked-content sequence and the start of the next, and the structure tree
// is built from the same runs, so reading order is drawing order.
#include "pdf/tagging.hpp"

// qpdf 11: use std::shared_ptr only, no PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cmath>
#include <ctime>
#include <map>

#include <fmt/format.h>

namespace zs::pdf {

using OH = QPDFObjectHandle;

bool starts_run(const layout::Page& page, std::size_t k) {
    auto tag = [&](std::size_t i) { return i < page.tags.size() ? page.tags[i] : -1; };
    return k == 0 || tag(k) != tag(k - 1);
}

namespace {

// Offsets of the separators (`<number> i`) in a content stream.
class SeparatorFinder : public OH::ParserCallbacks {
  public:
    struct Span {
        std::size_t begin, end;
    };
    std::vector<Span> spans;

    void handleObject(OH obj, std::size_t offset, std::size_t length) override {
        if (obj.isOperator() && obj.getOperatorValue() == "i" && have_number_)
            spans.push_back({number_at_, offset + length});
        have_number_ = obj.isNumber();
        number_at_ = offset;
    }
    void handleEOF() override {}

  private:
    bool have_number_ = false;
    std::size_t number_at_ = 0;
};

std::string xml_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string iso_date(long long epoch) {
    std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                       tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

struct Rect {
    double x0, y0, x1, y1;
};
bool read_rect(OH annot, Rect& r) {
    OH a = annot.getKey("/Rect");
    if (!a.isArray() || a.getArrayNItems() != 4) return false;
    double v[4];
    for (int i = 0; i < 4; ++i) {
        OH n = a.getArrayItem(i);
        if (!n.isNumber()) return false;
        v[i] = n.getNumericValue();
    }
    r = {std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]), std::max(v[1], v[3])};
    return true;
}
bool same_rect(const Rect& r, double x, double y, double w, double h) {
    constexpr double eps = 0.05;
    return std::abs(r.x0 - x) < eps && std::abs(r.y0 - y) < eps && std::abs(r.x1 - (x + w)) < eps &&
           std::abs(r.y1 - (y + h)) < eps;
}

class TreeBuilder {
  public:
    TreeBuilder(QPDF& q, const layout::LayoutResult& layout)
        : q_(q), layout_(layout), nodes_(layout.structure) {
        if (nodes_.empty()) nodes_.push_back({"Document", -1, {}, {}});
        elems_.resize(nodes_.size());
        kids_.resize(nodes_.size());
        first_page_.assign(nodes_.size(), -1);
        attached_.assign(nodes_.size(), false);
        for (std::size_t n = 0; n < nodes_.size(); ++n)
            elems_[n] = q_.makeIndirectObject(OH::newDictionary());
    }

    void build() {
        pages_ = q_.getAllPages();
        OH nums = OH::newArray();
        for (std::size_t p = 0; p < pages_.size(); ++p) {
            OH parents = mark_page(p);
            nums.appendItem(OH::newInteger(static_cast<long long>(p)));
            nums.appendItem(parents);
        }
        long long key = static_cast<long long>(pages_.size());
        for (std::size_t p = 0; p < pages_.size(); ++p) annotations(p, nums, key);
        finish_tables();

        for (std::size_t n = 0; n < nodes_.size(); ++n) write_elem(n);
        OH root = q_.makeIndirectObject(OH::newDictionary());
        root.replaceKey("/Type", OH::newName("/StructTreeRoot"));
        root.replaceKey("/K", elems_[0]);
        OH tree = OH::newDictionary();
        tree.replaceKey("/Nums", nums);
        root.replaceKey("/ParentTree", q_.makeIndirectObject(tree));
        root.replaceKey("/ParentTreeNextKey", OH::newInteger(key));
        elems_[0].replaceKey("/P", root);
        q_.getRoot().replaceKey("/StructTreeRoot", root);
        q_.getRoot().replaceKey("/MarkInfo", OH::parse("<< /Marked true >>"));
    }

  private:
    QPDF& q_;
    const layout::LayoutResult& layout_;
    std::vector<layout::StructNode> nodes_;
    std::vector<OH> pages_;
    std::vector<OH> elems_;
    std::vector<std::vector<OH>> kids_;
    std::vector<int> first_page_;
    std::vector<bool> attached_;

    bool valid(int n) const { return n >= 0 && static_cast<std::size_t>(n) < nodes_.size(); }

    // The first content of a node (or of a descendant) puts it into its
    // parent's kids: children come in reading order.
    void attach(int n) {
        while (n > 0 && !attached_[static_cast<std::size_t>(n)]) {
            attached_[static_cast<std::size_t>(n)] = true;
            int parent = nodes_[static_cast<std::size_t>(n)].parent;
            if (!valid(parent)) parent = 0;
            kids_[static_cast<std::size_t>(parent)].push_back(elems_[static_cast<std::size_t>(n)]);
            n = parent;
        }
        attached_[0] = true;
    }

    void add_content(int n, std::size_t page, OH kid) {
        attach(n);
        auto& first = first_page_[static_cast<std::size_t>(n)];
        if (first < 0) first = static_cast<int>(page);
        kids_[static_cast<std::size_t>(n)].push_back(kid);
    }

    // Rewrites a page's content stream into marked-content sequences and
    // returns the page's ParentTree array (struct element per MCID).
    OH mark_page(std::size_t p) {
        OH page = pages_[p];
        OH parents = OH::newArray();
        page.replaceKey("/StructParents", OH::newInteger(static_cast<long long>(p)));
        page.replaceKey("/Tabs", OH::newName("/S"));
        if (p >= layout_.pages.size()) return parents;
        const layout::Page& lp = layout_.pages[p];
        QPDFPageObjectHelper helper(page);
        helper.coalesceContentStreams();
        OH contents = page.getKey("/Contents");
        if (!contents.isStream()) return parents;
        std::shared_ptr<Buffer> data = contents.getStreamData();
        std::string in(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        SeparatorFinder finder;
        OH::parseContentStream(contents, &finder);

        std::vector<int> runs;
        for (std::size_t k = 0; k < lp.items.size(); ++k)
            if (starts_run(lp, k)) runs.push_back(k < lp.tags.size() ? lp.tags[k] : -1);

        std::string out;
        std::size_t at = 0;
        long long mcid = 0;
        bool open = false;
        for (std::size_t r = 0; r < finder.spans.size(); ++r) {
            out.append(in, at, finder.spans[r].begin - at);
            at = finder.spans[r].end;
            if (open) out += "\nEMC";
            int node = r < runs.size() ? runs[r] : -1;
            if (!valid(node) || node == 0) {
                out += "\n/Artifact BMC\n";
            } else {
                const std::string& role = nodes_[static_cast<std::size_t>(node)].role;
                out += fmt::format("\n/{} <</MCID {}>> BDC\n", role, mcid);
                OH kid = OH::newInteger(mcid);
                if (first_page_[static_cast<std::size_t>(node)] >= 0 &&
                    first_page_[static_cast<std::size_t>(node)] != static_cast<int>(p)) {
                    kid = OH::newDictionary();
                    kid.replaceKey("/Type", OH::newName("/MCR"));
                    kid.replaceKey("/Pg", page);
                    kid.replaceKey("/MCID", OH::newInteger(mcid));
                }
                add_content(node, p, kid);
                parents.appendItem(elems_[static_cast<std::size_t>(node)]);
                ++mcid;
            }
            open = true;
        }
        out.append(in, at, std::string::npos);
        if (open) out += "\nEMC\n";
        contents.replaceStreamData(out, OH::newNull(), OH::newNull());
        return parents;
    }

    // Links and form widgets: an object reference in their element, a
    // StructParent entry pointing back.
    void annotations(std::size_t p, OH& nums, long long& key) {
        OH annots = pages_[p].getKey("/Annots");
        if (!annots.isArray() || p >= layout_.pages.size()) return;
        const layout::Page& lp = layout_.pages[p];
        for (int i = 0; i < annots.getArrayNItems(); ++i) {
            OH a = annots.getArrayItem(i);
            Rect r{};
            if (!a.isDictionary() || !read_rect(a, r)) continue;
            int node = -1;
            OH sub = a.getKey("/Subtype");
            if (sub.isNameAndEquals("/Link")) {
                for (std::size_t k = 0; k < lp.items.size() && node < 0; ++k)
                    if (const auto* l = std::get_if<layout::LinkItem>(&lp.items[k]))
                        if (same_rect(r, l->x, l->y, l->w, l->h) && k < lp.tags.size())
                            node = lp.tags[k];
                if (valid(node) && !a.hasKey("/Contents"))
                    a.replaceKey("/Contents", OH::newUnicodeString(nodes_[static_cast<std::size_t>(node)].alt));
            } else if (sub.isNameAndEquals("/Widget")) {
                for (const auto& f : layout_.fields)
                    if (f.page == static_cast<int>(p) && same_rect(r, f.x, f.y, f.w, f.h)) node = f.node;
            }
            if (!valid(node) || node == 0) continue;
            OH objr = OH::newDictionary();
            objr.replaceKey("/Type", OH::newName("/OBJR"));
            objr.replaceKey("/Obj", a);
            objr.replaceKey("/Pg", pages_[p]);
            add_content(node, p, objr);
            a.replaceKey("/StructParent", OH::newInteger(key));
            nums.appendItem(OH::newInteger(key));
            nums.appendItem(elems_[static_cast<std::size_t>(node)]);
            ++key;
        }
    }

    // A table row keeps all its cells, empty ones too, in column order.
    void finish_tables() {
        for (std::size_t n = 0; n < nodes_.size(); ++n) {
            if (nodes_[n].role != "TR" || !attached_[n]) continue;
            kids_[n].clear();
            for (std::size_t c = n + 1; c < nodes_.size(); ++c) {
                if (nodes_[c].parent != static_cast<int>(n)) continue;
                attached_[c] = true;
                kids_[n].push_back(elems_[c]);
            }
        }
    }

    void write_elem(std::size_t n) {
        const layout::StructNode& node = nodes_[n];
        OH e = elems_[n];
        e.replaceKey("/Type", OH::newName("/StructElem"));
        e.replaceKey("/S", OH::newName("/" + node.role));
        if (n > 0) {
            int parent = valid(node.parent) ? node.parent : 0;
            e.replaceKey("/P", elems_[static_cast<std::size_t>(parent)]);
        }
        if (first_page_[n] >= 0) e.replaceKey("/Pg", pages_[static_cast<std::size_t>(first_page_[n])]);
        if (!node.alt.empty() && (node.role == "Figure" || node.role == "Form"))
            e.replaceKey("/Alt", OH::newUnicodeString(node.alt));
        if (!node.scope.empty()) {
            OH a = OH::newDictionary();
            a.replaceKey("/O", OH::newName("/Table"));
            a.replaceKey("/Scope", OH::newName("/" + node.scope));
            e.replaceKey("/A", a);
        }
        if (!kids_[n].empty()) e.replaceKey("/K", OH::newArray(kids_[n]));
    }
};

} // namespace

void add_structure(QPDF& q, const layout::LayoutResult& layout) {
    TreeBuilder(q, layout).build();
}

void add_xmp(QPDF& q, const doc::DocumentInfo& info, long long epoch, const std::string& creator,
             const std::string& producer) {
    const std::string date = iso_date(epoch);
    std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                    "<rdf:Description rdf:about=\"\"\n"
                    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                    " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                    " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
    x += "<dc:format>application/pdf</dc:format>\n";
    if (!info.title.empty())
        x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(info.title) +
             "</rdf:li></rdf:Alt></dc:title>\n";
    if (!info.author.empty())
        x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escape(info.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!info.subject.empty())
        x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(info.subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    if (!info.lang.empty())
        x += "<dc:language><rdf:Bag><rdf:li>" + xml_escape(info.lang) + "</rdf:li></rdf:Bag></dc:language>\n";
    if (!info.keywords.empty()) x += "<pdf:Keywords>" + xml_escape(info.keywords) + "</pdf:Keywords>\n";
    x += "<pdf:Producer>" + xml_escape(producer) + "</pdf:Producer>\n";
    x += "<xmp:CreatorTool>" + xml_escape(creator) + "</xmp:CreatorTool>\n";
    x += "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date +
         "</xmp:ModifyDate>\n<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
    x += "<pdfuaid:part>1</pdfuaid:part>\n";
    x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n";
    OH s = OH::newStream(&q, x);
    s.getDict().replaceKey("/Type", OH::newName("/Metadata"));
    s.getDict().replaceKey("/Subtype", OH::newName("/XML"));
    q.getRoot().replaceKey("/Metadata", q.makeIndirectObject(s));
}

} // namespace zs::pdf
