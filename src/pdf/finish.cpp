#include "pdf/finish.hpp"

// qpdf 11: use std::shared_ptr only, no PointerHolder.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <ctime>
#include <map>

#include <zlib.h>

#include <fmt/format.h>

#include "pdf/tagging.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"

namespace zs::pdf {

std::string identity_to_unicode_cmap() {
    std::string s = "/CIDInit /ProcSet findresource begin\n"
                    "12 dict begin\n"
                    "begincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n"
                    "/CMapType 2 def\n"
                    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    // One bfrange per high byte (a range may not cross one), skipping the
    // surrogate block, at most 100 per section as the CMap format requires.
    std::vector<std::string> ranges;
    for (unsigned hi = 0; hi < 0x100; ++hi) {
        if (hi >= 0xD8 && hi <= 0xDF) continue;
        unsigned lo = hi == 0 ? 0x20 : 0x00;
        ranges.push_back(fmt::format("<{:02X}{:02X}> <{:02X}FF> <{:02X}{:02X}>\n", hi, lo, hi, hi, lo));
    }
    for (std::size_t i = 0; i < ranges.size(); i += 100) {
        std::size_t n = std::min<std::size_t>(100, ranges.size() - i);
        s += fmt::format("{} beginbfrange\n", n);
        for (std::size_t k = 0; k < n; ++k) s += ranges[i + k];
        s += "endbfrange\n";
    }
    s += "endcmap\n"
         "CMapName currentdict /CMap defineresource pop\n"
         "end\nend\n";
    return s;
}

namespace {

std::string pdf_date(long long epoch) {
    std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return fmt::format("D:{:04}{:02}{:02}{:02}{:02}{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                       tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void repair_to_unicode(QPDF& q) {
    const std::string cmap = identity_to_unicode_cmap();
    for (QPDFObjectHandle& obj : q.getAllObjects()) {
        if (!obj.isDictionary() || !obj.getKey("/Subtype").isNameAndEquals("/Type0")) continue;
        QPDFObjectHandle tu = obj.getKey("/ToUnicode");
        if (tu.isStream())
            tu.replaceStreamData(cmap, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
    }
}

void set_info(QPDF& q, const doc::DocumentInfo& info) {
    auto dict = QPDFObjectHandle::newDictionary();
    auto put = [&](const char* key, const std::string& value) {
        if (!value.empty()) dict.replaceKey(key, QPDFObjectHandle::newUnicodeString(value));
    };
    put("/Title", info.title);
    put("/Author", info.author);
    put("/Subject", info.subject);
    put("/Keywords", info.keywords);
    const std::string creator = std::string("zelfscan ") + ZELFSCAN_VERSION;
    const std::string producer = creator + " (libharu, qpdf)";
    put("/Creator", creator);
    put("/Producer", producer);
    put("/ZelfscanInstrument", info.instrument_id);
    put("/ZelfscanInstrumentVersion", info.instrument_version);
    std::string date = pdf_date(build_epoch());
    dict.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
    dict.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
    q.getTrailer().replaceKey("/Info", q.makeIndirectObject(dict));
    add_xmp(q, info, build_epoch(), creator, producer);

    QPDFObjectHandle root = q.getRoot();
    if (!info.lang.empty()) root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(info.lang));
    auto prefs = QPDFObjectHandle::newDictionary();
    prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    root.replaceKey("/ViewerPreferences", prefs);
}

QPDFObjectHandle xyz_destination(const QPDFObjectHandle& page, double top) {
    auto dest = QPDFObjectHandle::newArray();
    dest.appendItem(page);
    dest.appendItem(QPDFObjectHandle::newName("/XYZ"));
    dest.appendItem(QPDFObjectHandle::newNull());
    dest.appendItem(QPDFObjectHandle::newReal(top, 2));
    dest.appendItem(QPDFObjectHandle::newNull());
    return dest;
}

// Bookmarks from headings, nested by level.
void add_outline(QPDF& q, const layout::LayoutResult& layout) {
    const std::vector<QPDFObjectHandle>& pages = q.getAllPages();
    struct Node {
        QPDFObjectHandle obj;
        int level;
        std::vector<std::size_t> kids;
    };
    std::vector<Node> nodes;
    nodes.push_back({q.makeIndirectObject(QPDFObjectHandle::newDictionary()), 0, {}});
    std::vector<std::size_t> stack{0};
    for (const auto& e : layout.outline) {
        if (!e.bookmark || e.page < 0 || static_cast<std::size_t>(e.page) >= pages.size()) continue;
        while (nodes[stack.back()].level >= e.level) stack.pop_back();
        auto d = QPDFObjectHandle::newDictionary();
        d.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(e.title));
        d.replaceKey("/Dest", xyz_destination(pages[static_cast<std::size_t>(e.page)], e.y + 6));
        nodes.push_back({q.makeIndirectObject(d), e.level, {}});
        nodes[stack.back()].kids.push_back(nodes.size() - 1);
        stack.push_back(nodes.size() - 1);
    }
    if (nodes.size() == 1) return;
    // Link each node to its parent and siblings; top-level entries open.
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        Node& n = nodes[i];
        if (n.kids.empty()) continue;
        n.obj.replaceKey("/First", nodes[n.kids.front()].obj);
        n.obj.replaceKey("/Last", nodes[n.kids.back()].obj);
        n.obj.replaceKey("/Count", QPDFObjectHandle::newInteger(static_cast<long long>(n.kids.size())));
        for (std::size_t k = 0; k < n.kids.size(); ++k) {
            QPDFObjectHandle kid = nodes[n.kids[k]].obj;
            kid.replaceKey("/Parent", n.obj);
            if (k > 0) kid.replaceKey("/Prev", nodes[n.kids[k - 1]].obj);
            if (k + 1 < n.kids.size()) kid.replaceKey("/Next", nodes[n.kids[k + 1]].obj);
        }
    }
    nodes[0].obj.replaceKey("/Type", QPDFObjectHandle::newName("/Outlines"));
    q.getRoot().replaceKey("/Outlines", nodes[0].obj);
    q.getRoot().replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
}

// Links to headings ("#anchor"); a link to an unknown anchor stays text.
void add_internal_links(QPDF& q, const layout::LayoutResult& layout) {
    std::map<std::string, const layout::OutlineEntry*> anchors;
    for (const auto& o : layout.outline)
        if (!o.anchor.empty()) anchors.emplace(o.anchor, &o);
    const std::vector<QPDFObjectHandle>& pages = q.getAllPages();
    for (std::size_t p = 0; p < layout.pages.size() && p < pages.size(); ++p) {
        for (const auto& item : layout.pages[p].items) {
            const auto* link = std::get_if<layout::LinkItem>(&item);
            if (!link || link->target.size() < 2 || link->target[0] != '#') continue;
            auto at = anchors.find(link->target.substr(1));
            if (at == anchors.end()) continue;
            auto annot = QPDFObjectHandle::newDictionary();
            annot.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
            annot.replaceKey("/Subtype", QPDFObjectHandle::newName("/Link"));
            annot.replaceKey("/Rect", QPDFObjectHandle::newArray(std::vector<QPDFObjectHandle>{
                                          QPDFObjectHandle::newReal(link->x, 2),
                                          QPDFObjectHandle::newReal(link->y, 2),
                                          QPDFObjectHandle::newReal(link->x + link->w, 2),
                                          QPDFObjectHandle::newReal(link->y + link->h, 2)}));
            annot.replaceKey("/Border", QPDFObjectHandle::parse("[0 0 0]"));
            const auto& target = *at->second;
            annot.replaceKey("/Dest", xyz_destination(pages[static_cast<std::size_t>(target.page)],
                                                      target.y + 6));
            QPDFObjectHandle page = pages[p];
            if (!page.getKey("/Annots").isArray())
                page.replaceKey("/Annots", QPDFObjectHandle::newArray());
            page.getKey("/Annots").appendItem(q.makeIndirectObject(annot));
        }
    }
}

// Flate-compresses every unfiltered stream of some size on all cores
// before qpdf writes the file (qpdf compresses one stream after another,
// and keeps streams that are already compressed as they are). zlib at its
// default level gives the same bytes for the same input, so output stays
// deterministic.
void compress_streams(QPDF& q) {
    struct Job {
        QPDFObjectHandle stream;
        std::shared_ptr<Buffer> data;
        std::string packed;
    };
    std::vector<Job> jobs;
    for (auto& obj : q.getAllObjects()) {
        if (!obj.isStream()) continue;
        auto dict = obj.getDict();
        // XMP stays plain text, as PDF/A and PDF/UA readers expect.
        if (dict.getKey("/Type").isNameAndEquals("/Metadata")) continue;
        if (dict.hasKey("/Filter") || dict.hasKey("/DecodeParms")) continue;
        if (dict.getKey("/Length").isInteger() && dict.getKey("/Length").getIntValue() < 512) continue;
        jobs.push_back({obj, obj.getRawStreamData(), {}});
    }
    parallel_for(jobs.size(), [&](std::size_t i) {
        const Buffer& in = *jobs[i].data;
        uLongf size = compressBound(static_cast<uLong>(in.getSize()));
        jobs[i].packed.resize(size);
        if (compress2(reinterpret_cast<Bytef*>(jobs[i].packed.data()), &size, in.getBuffer(),
                      static_cast<uLong>(in.getSize()), Z_DEFAULT_COMPRESSION) != Z_OK) {
            jobs[i].packed.clear(); // left for qpdf to compress
            return;
        }
        jobs[i].packed.resize(size);
    });
    for (auto& job : jobs) {
        if (job.packed.empty() || job.packed.size() >= job.data->getSize()) continue;
        job.stream.replaceStreamData(job.packed, QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
    }
}

} // namespace

std::string finish_pdf(std::string_view raw, const doc::DocumentInfo& info,
                       const layout::LayoutResult& layout, const std::vector<FinishStep>& steps,
                       Diagnostics& diags) {
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("zelfscan output", raw.data(), raw.size());
        repair_to_unicode(q);
        set_info(q, info);
        add_outline(q, layout);
        add_internal_links(q, layout);
        for (const auto& step : steps) step(q, layout, diags);
        if (diags.has_errors()) return {};
        add_structure(q, layout);
        compress_streams(q);

        QPDFWriter w(q);
        w.setOutputMemory();
        w.setDeterministicID(true);
        w.forcePDFVersion("1.7");
        w.setObjectStreamMode(qpdf_o_generate);
        w.setCompressStreams(true);
        w.write();
        auto buffer = w.getBufferSharedPointer();
        return {reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize()};
    } catch (const std::exception& e) {
        diags.error({}, msg("cannot finish the PDF: {}", e.what()));
        return {};
    }
}

} // namespace zs::pdf
