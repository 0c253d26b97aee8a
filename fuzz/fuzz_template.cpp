// The Markdown front and the report template engine (mustache sections,
// placeholders, directive lines), as an adviser's template reaches them.
#include "document/markdown.hpp"
#include "harness.hpp"
#include "report/template.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto text = zs::fuzz::bytes(data, size);
    zs::Diagnostics diags;
    zs::doc::MarkdownOptions mo;
    mo.file = "fuzz.md";
    (void)zs::doc::parse_markdown(text, mo, diags);
    (void)zs::doc::validate_markdown(text);

    zs::report::TemplateSpec spec;
    spec.path = "fuzz.md";
    spec.text = std::string(text);
    spec.directives = {"chart:domain-risk", "table:domains", "plan"};
    spec.keys = {"title", "organisation", "domains", "name", "risk"};
    zs::report::Data d;
    d.set("title", "Titel");
    d.set("organisation", "Gemeente <Voorbeeld> *vet*");
    zs::report::Data list{zs::report::Data::type::list};
    for (int i = 0; i < 3; ++i) {
        zs::report::Data item;
        item.set("name", "Domein " + std::to_string(i));
        item.set("risk", "hoog");
        list.push_back(item);
    }
    d.set("domains", list);
    auto handler = [](const zs::report::Directive&, zs::doc::Blocks&) { return true; };
    zs::Diagnostics tdiags;
    (void)zs::report::render_template(spec, d, handler, tdiags);
    (void)zs::format(tdiags);
    return 0;
}
