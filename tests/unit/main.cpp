// The unit tests read the English messages (the source's own texts);
// messages_test.cpp switches to Dutch where it tests the catalogue.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "util/messages.hpp"

int main(int argc, char** argv) {
    zs::set_message_language(zs::MessageLanguage::en);
    doctest::Context context(argc, argv);
    return context.run();
}
