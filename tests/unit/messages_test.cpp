#include <cstdlib>
#include <regex>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "util/diagnostics.hpp"
#include "util/messages.hpp"

using namespace zs;

namespace {

// The language for one test, then English again (as tests/unit/main.cpp).
struct Speak {
    explicit Speak(MessageLanguage l) { set_message_language(l); }
    ~Speak() { set_message_language(MessageLanguage::en); }
};

// Environment variables for one test, restored after.
struct Env {
    std::vector<std::pair<std::string, std::string>> saved;
    Env(std::initializer_list<std::pair<const char*, const char*>> vars) {
        for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
            const char* v = std::getenv(name);
            saved.push_back({name, v ? v : std::string("\x01")});
            ::unsetenv(name);
        }
        for (auto [name, value] : vars) ::setenv(name, value, 1);
    }
    ~Env() {
        for (const auto& [name, value] : saved) {
            if (value == "\x01") ::unsetenv(name.c_str());
            else ::setenv(name.c_str(), value.c_str(), 1);
        }
    }
};

std::vector<std::string> placeholders(std::string_view s) {
    static const std::regex re(R"(\{\{|\}\}|\{[^{}]*\})");
    std::vector<std::string> out;
    std::string text(s);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) out.push_back(it->str());
    return out;
}

} // namespace

TEST_CASE("the catalogue: every translation keeps the placeholders of its original, in order") {
    REQUIRE(catalogue_size() > 400);
    for (std::size_t i = 0; i < catalogue_size(); ++i) {
        auto e = catalogue_entry(i);
        INFO(e.english);
        CHECK(placeholders(e.english) == placeholders(e.dutch));
    }
}

TEST_CASE("a message is said in the chosen language, with its arguments") {
    {
        Speak nl(MessageLanguage::nl);
        CHECK(msg("missing required key '{}'", "id").str() != "missing required key 'id'");
        CHECK(msg("missing required key '{}'", "id").str().find("'id'") != std::string::npos);
        Diagnostics d;
        d.error({"a.toml", 3, 5}, msg("missing required key '{}'", "id"), msg("did you mean '{}'?", "ids"));
        std::string text = format(d);
        CHECK(text.starts_with("a.toml:3:5: fout: "));
        CHECK(text.find("\n  tip: ") != std::string::npos);
    }
    CHECK(msg("missing required key '{}'", "id").str() == "missing required key 'id'");
    Diagnostics d;
    d.warning({}, msg("no answers are given"));
    CHECK(format(d) == "zelfscan: warning: no answers are given\n");
}

TEST_CASE("a language scope says messages in its language, then the one before") {
    Speak nl(MessageLanguage::nl);
    {
        MessageLanguageScope en(MessageLanguage::en);
        CHECK(msg("expected at least {}", 3).str() == "expected at least 3");
        {
            MessageLanguageScope back(MessageLanguage::nl);
            CHECK(msg("expected at least {}", 3).str() == "verwacht: 3 of meer");
        }
        CHECK(message_language() == MessageLanguage::en);
    }
    CHECK(message_language() == MessageLanguage::nl);
    CHECK(msg("expected at most {}", 9).str() == "verwacht: 9 of minder");
}

TEST_CASE("a text that is not in the catalogue is said as it is") {
    Speak nl(MessageLanguage::nl);
    CHECK(translate("a text no message has") == "a text no message has");
    CHECK(verbatim("bibliotheek: kapot").str() == "bibliotheek: kapot");
}

TEST_CASE("the message language: --lang, then LANGUAGE, LC_ALL, LC_MESSAGES, LANG; Dutch by default") {
    {
        Env env({});
        CHECK(choose_message_language("") == MessageLanguage::nl);
        CHECK(choose_message_language("en") == MessageLanguage::en);
    }
    {
        Env env({{"LANG", "en_GB.UTF-8"}});
        CHECK(choose_message_language("") == MessageLanguage::en);
        CHECK(choose_message_language("nl") == MessageLanguage::nl);
        CHECK(choose_message_language("xx") == MessageLanguage::en); // refused later, in English
    }
    {
        Env env({{"LANG", "en_US.UTF-8"}, {"LC_ALL", "nl_NL.UTF-8"}});
        CHECK(choose_message_language("") == MessageLanguage::nl);
    }
    {
        Env env({{"LC_MESSAGES", "en"}, {"LANG", "nl_BE.UTF-8"}});
        CHECK(choose_message_language("") == MessageLanguage::en);
    }
    {
        Env env({{"LANGUAGE", "en"}, {"LC_ALL", "nl_NL.UTF-8"}});
        CHECK(choose_message_language("") == MessageLanguage::en);
    }
    {
        // C and POSIX (a bare server) and other languages: the default.
        Env env({{"LC_ALL", "C.UTF-8"}});
        CHECK(choose_message_language("") == MessageLanguage::nl);
        Env env2({{"LANG", "de_DE.UTF-8"}});
        CHECK(choose_message_language("") == MessageLanguage::nl);
        Env env3({{"LANG", "english"}}); // not a language code
        CHECK(choose_message_language("") == MessageLanguage::nl);
    }
}
