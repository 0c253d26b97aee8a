// The program's own messages (diagnostics, hints, status lines) in Dutch or
// English, from one catalogue. The source holds the English text; po/nl.po
// holds the Dutch (GNU gettext's format, so translators' tools work on it),
// checked by msgfmt and compiled into the binary at build time: nothing to
// find at run time, and no dependence on the machine's installed locales
// (gettext's own lookup gives English under LANG=C, the usual default).
//
// A diagnostic takes a Message, and a Message is made only by msg() (a text
// of ours, translated) or verbatim() (a text that is not ours: a library's
// error, a file name), so an untranslated text cannot reach the user
// unnoticed: tests/e2e/messages.sh extracts every msg("...") with xgettext
// and fails when po/nl.po lacks one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace zs {

enum class MessageLanguage { nl, en };

// Set once by the command layer before anything is said; Dutch by default.
void set_message_language(MessageLanguage lang);
MessageLanguage message_language();

// The message language from --lang when it is "nl" or "en", else from the
// first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set: English when it
// starts with "en", Dutch otherwise (also for C and POSIX).
MessageLanguage choose_message_language(std::string_view lang_option);

// Says messages in another language for as long as it lives (a document
// written in English while the program talks Dutch, say); single-threaded
// use only, like set_message_language.
class MessageLanguageScope {
  public:
    explicit MessageLanguageScope(MessageLanguage lang) : saved_(message_language()) { set_message_language(lang); }
    ~MessageLanguageScope() { set_message_language(saved_); }
    MessageLanguageScope(const MessageLanguageScope&) = delete;
    MessageLanguageScope& operator=(const MessageLanguageScope&) = delete;

  private:
    MessageLanguage saved_;
};

// The Dutch text of an English message when the language is Dutch and the
// catalogue has it; the English otherwise.
std::string_view translate(std::string_view english);

// Every entry of the compiled catalogue, for the test that checks that the
// placeholders of each translation match its original.
struct CatalogueEntry {
    std::string_view english, dutch;
};
std::size_t catalogue_size();
CatalogueEntry catalogue_entry(std::size_t i);

class Message {
  public:
    Message() = default;
    explicit Message(std::string text) : text_(std::move(text)) {}

    [[nodiscard]] const std::string& str() const { return text_; }
    [[nodiscard]] bool empty() const { return text_.empty(); }
    operator const std::string&() const { return text_; } // NOLINT: a message is its text

  private:
    std::string text_;
};

// A message of ours: `english` is checked against the arguments at compile
// time, then looked up and formatted (the translation keeps the same
// placeholders; the catalogue test sees to that).
template <typename... Args>
Message msg(fmt::format_string<Args...> english, Args&&... args) {
    fmt::string_view text = english; // fmt 9 has no get()
    std::string_view id(text.data(), text.size());
    std::string_view said = translate(id);
    if (said.data() != id.data()) {
        try {
            return Message(fmt::vformat(fmt::string_view(said.data(), said.size()), fmt::make_format_args(args...)));
        } catch (const fmt::format_error&) {
            // A translation whose placeholders do not fit (the catalogue
            // test prevents it): the English, rather than no message.
        }
    }
    return Message(fmt::vformat(text, fmt::make_format_args(args...)));
}

// A text that is not ours to translate (a library's message, an answer).
inline Message verbatim(std::string text) { return Message(std::move(text)); }

// Marks an English text for the catalogue where it is stored before it is
// said (a table of texts); translate() it when it is used.
constexpr const char* N_(const char* english) { return english; }

} // namespace zs

template <>
struct fmt::formatter<zs::Message> : fmt::formatter<std::string_view> {
    template <typename Context>
    auto format(const zs::Message& m, Context& ctx) const {
        return fmt::formatter<std::string_view>::format(std::string_view(m.str()), ctx);
    }
};
