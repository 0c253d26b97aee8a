#!/usr/bin/env bash
# The message catalogue (src/util/messages.hpp): extracts every msg("..."),
# N_("...") and translate("...") of the source into a template and merges it
# into po/nl.po, so that new messages appear there untranslated (msgstr "")
# and gone ones are dropped. Translate the empty msgstr entries, keep the {}
# in the same order, and run the tests (tests/e2e/messages.sh).
#   bash scripts/messages.sh            update po/nl.po
#   bash scripts/messages.sh --pot F    only write the template to F
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
pot=${2:-}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
[ "${1:-}" = --pot ] || pot=$tmp/zelfscan.pot
find src -name '*.cpp' -o -name '*.hpp' | LC_ALL=C sort >"$tmp/files"
xgettext --language=C++ --from-code=UTF-8 --keyword=msg --keyword=N_ --keyword=translate \
  --sort-output --no-wrap --package-name=zelfscan --files-from="$tmp/files" --output="$pot" 2>"$tmp/warnings" ||
  { cat "$tmp/warnings" >&2; exit 1; }
[ "${1:-}" = --pot ] && exit 0
msgmerge --quiet --no-fuzzy-matching --no-wrap --sort-output --no-location "po/nl.po" "$pot" >"$tmp/nl.po"
msgattrib --no-obsolete --no-wrap "$tmp/nl.po" | grep -v '^"POT-Creation-Date: ' >"po/nl.po"
msgfmt --statistics -o /dev/null po/nl.po
