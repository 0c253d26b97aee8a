// TOML reading: comments are dropped before parsing, and that must never
// change what a file means or where its errors are reported.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "model/toml_reader.hpp"
#include "util/files.hpp"

using namespace zs;

TEST_CASE("comments are dropped; strings of every kind keep their #") {
    CHECK(strip_toml_comments("a = 1 # one\n# whole line\nb = 2\n") == "a = 1 \n\nb = 2\n");
    CHECK(strip_toml_comments("a = \"x # y\" # c\n") == "a = \"x # y\" \n");
    CHECK(strip_toml_comments("a = 'x # y' # c\n") == "a = 'x # y' \n");
    CHECK(strip_toml_comments("a = \"q \\\" # still\" # c\n") == "a = \"q \\\" # still\" \n");
    CHECK(strip_toml_comments("a = \"\"\"\nline # kept\n\"\" # kept\n\"\"\" # gone\n") ==
          "a = \"\"\"\nline # kept\n\"\" # kept\n\"\"\" \n");
    CHECK(strip_toml_comments("a = '''x # kept'''' # gone\n") == "a = '''x # kept'''' \n");
    CHECK(strip_toml_comments("a = \"\"\"x\"\"\"\"\" # gone\n") == "a = \"\"\"x\"\"\"\"\" \n");
    CHECK(strip_toml_comments("\"k#ey\" = 1 # c\r\nb = 2\r\n") == "\"k#ey\" = 1 \r\nb = 2\r\n");
    CHECK(strip_toml_comments("a = 1 # no line end") == "a = 1 ");
    CHECK(strip_toml_comments("a = 1\n") == "a = 1\n");
}

TEST_CASE("a comment with a control character is kept, so the parser still reports it") {
    std::string bad = "a = 1 # bell \x07 here\nb = 2\n";
    CHECK(strip_toml_comments(bad) == bad);
    Diagnostics d;
    TomlReader r("x.toml", d);
    CHECK_FALSE(r.parse(bad));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].where.line == 1);
}

TEST_CASE("errors after comments keep their line and column") {
    Diagnostics d;
    TomlReader r("x.toml", d);
    CHECK_FALSE(r.parse("# a comment with \"quotes\" and 'quotes'\na = 1 # fine\nb = = 2\n"));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].where.line == 3);
    CHECK(d.all()[0].where.column == 5);
}

TEST_CASE("every shipped instrument and sample means the same with and without comments") {
    namespace fs = std::filesystem;
    int files = 0;
    for (const char* dir : {"/instruments", "/samples", "/tests/data"}) {
        for (const auto& e : fs::recursive_directory_iterator(std::string(ZELFSCAN_SOURCE_DIR) + dir)) {
            if (e.path().extension() != ".toml") continue;
            auto file = read_file(e.path().string());
            REQUIRE(file.ok());
            toml::table whole, stripped;
            try {
                whole = toml::parse(file.data);
            } catch (const toml::parse_error&) {
                continue; // a deliberately broken test file
            }
            CAPTURE(e.path().string());
            REQUIRE_NOTHROW(stripped = toml::parse(strip_toml_comments(file.data)));
            CHECK(whole == stripped);
            ++files;
        }
    }
    CHECK(files >= 15);
}

TEST_CASE("check_text names the line and column of bad bytes after ASCII and UTF-8") {
    auto p = check_text("ab\ncé\xff");
    REQUIRE(p);
    CHECK(p->line == 2);
    CHECK(p->column == 3);
    p = check_text(std::string_view("éé\n\nxyz\0", 10));
    REQUIRE(p);
    CHECK(p->line == 3);
    CHECK(p->column == 4);
    CHECK_FALSE(check_text("plain ASCII\nand ë, ß, 漢\n"));
    p = check_text("x\xe2\x82");
    REQUIRE(p);
    CHECK(p->column == 2);
}

TEST_CASE("read_file and MappedFile give a file whole, and name what is wrong") {
    auto dir = std::filesystem::temp_directory_path() / "zs_read_file_test";
    std::filesystem::create_directories(dir);
    std::string big(300000, 'x');
    big += "\nend";
    REQUIRE(write_file_atomic((dir / "big.txt").string(), big).empty());
    auto r = read_file((dir / "big.txt").string());
    CHECK(r.ok());
    CHECK(r.data == big);
    REQUIRE(write_file_atomic((dir / "empty.txt").string(), "").empty());
    r = read_file((dir / "empty.txt").string());
    CHECK(r.ok());
    CHECK(r.data.empty());
    CHECK(read_file((dir / "missing.txt").string()).error == "no such file");
    CHECK(read_file(dir.string()).error == "is a directory, expected a file");
    {
        MappedFile m((dir / "big.txt").string());
        CHECK(m.ok());
        CHECK(m.data() == big);
        MappedFile e((dir / "empty.txt").string());
        CHECK(e.ok());
        CHECK(e.data().empty());
        CHECK(MappedFile((dir / "missing.txt").string()).error() == "no such file");
        CHECK(MappedFile(dir.string()).error() == "is a directory, expected a file");
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("nesting: counted without recursion, located at the level past the limit") {
    CHECK_FALSE(check_toml_nesting("[a.b]\nc.d = { e = [1, 2] }\n", 8));
    CHECK(check_toml_nesting("[a.b]\nc.d = { e = [1, 2] }\n", 5)->line == 2);
    // Dots in strings, floats, dates and comments are no levels.
    CHECK_FALSE(check_toml_nesting("\"a.b.c.d\" = 1.5 # x.y.z.w\nd = 1979-05-27T07:32:00.999\n", 2));
    // [[x.y]] is an array of tables: one level more than [x.y].
    CHECK(check_toml_nesting("[[a.b]]\n", 2));
    CHECK_FALSE(check_toml_nesting("[a.b]\n", 2));
    auto deep = check_toml_nesting("x = 1\ny = " + std::string(100000, '[') + std::string(100000, ']') + "\n", 32);
    REQUIRE(deep);
    CHECK(deep->line == 2);
    CHECK(deep->column == 5 + 31);
    std::string dotted = "k";
    for (int i = 0; i < 200000; ++i) dotted += ".k";
    CHECK(check_toml_nesting(dotted + " = 1\n", 32));
    // Multi-line strings and arrays keep the count of lines right.
    auto ml = check_toml_nesting("a = \"\"\"\n[[[[\n\"\"\"\nb = [\n[[[[1]]]]\n]\n", 4);
    REQUIRE(ml);
    CHECK(ml->line == 5);
}

TEST_CASE("nesting: a deep file is a located error, not a stack overflow") {
    Diagnostics d;
    TomlReader r("deep.toml", d);
    std::string text = "x = 1\n";
    for (int i = 0; i < 100000; ++i) text += "{ a = ";
    CHECK_FALSE(r.parse("y = " + text));
    REQUIRE(d.all().size() == 1);
    CHECK(format(d.all()[0]).rfind("deep.toml:2:", 0) == 0);
}

TEST_CASE("numbers: nan and inf are located errors") {
    for (const char* v : {"nan", "+nan", "-nan", "inf", "+inf", "-inf"}) {
        Diagnostics d;
        TomlReader r("n.toml", d);
        auto t = r.parse(std::string("a = 1\nw = ") + v + "\n");
        REQUIRE(t);
        CHECK_FALSE(r.number(*t, "w", true));
        REQUIRE(d.all().size() == 1);
        CHECK(format(d.all()[0]).rfind("n.toml:2:5: error: 'w' must be a finite number", 0) == 0);
    }
    Diagnostics d;
    TomlReader r("n.toml", d);
    auto t = r.parse("w = 2.5\n");
    CHECK(r.number(*t, "w", true) == doctest::Approx(2.5));
}
