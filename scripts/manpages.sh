#!/usr/bin/env bash
# Man pages from the same text as --help: zelfscan(1) and zelfscan-COMMAND(1)
# for every command `zelfscan --help` lists, made with help2man and gzipped
# as Debian installs them: in English in OUTPUT-FOLDER/man1, in Dutch in
# OUTPUT-FOLDER/nl/man1 (man picks them by the reader's language). Run by
# the build (CMakeLists.txt):
#   bash scripts/manpages.sh BINARY OUTPUT-FOLDER VERSION
set -euo pipefail
zs=$1 root=$2 version=$3
command -v help2man >/dev/null || { echo "manpages: help2man is missing (bash scripts/install-deps.sh)" >&2; exit 1; }
rm -rf "$root"

pages() { # LANGUAGE FOLDER HEADING NAME-LINE
export LANGUAGE=$1
out=$2
mkdir -p "$out/wrap"
# The commands and their descriptions from the commands' section of --help
# (HEADING): a command's line starts with two spaces, a description that
# wraps goes on with more.
commands=$("$zs" --help | awk -v heading="$3" '
  toupper($0) ~ "^" heading ":" { on = 1; next }
  on && /^[^ ]/ { on = 0 }
  on && /^  [^ ]/ { if (line != "") print line; name = $1; sub(/^  [^ ]+ +/, ""); line = name " " $0; next }
  on && NF { sub(/^ +/, ""); line = line " " $0 }
  END { if (line != "") print line }')
[ -n "$commands" ] || { echo "manpages: no commands in '$zs --help' (LANGUAGE=$1)" >&2; exit 1; }
names=$(printf '%s\n' "$commands" | awk '{ print $1 }')

see_also() { # the pages other than $1
  local first=1 p
  for p in zelfscan $(printf '%s\n' "$names" | sed 's/^/zelfscan-/'); do
    [ "$p" = "$1" ] && continue
    [ $first -eq 1 ] || printf ',\n'
    printf '.BR %s (1)' "$p"; first=0
  done
  printf '\n'
}

page() { # program name-line include-file
  help2man --no-info --no-discard-stderr --section=1 --manual="zelfscan" \
    --source="zelfscan $version" --version-string="$version" \
    --name="$2" --include="$3" --output="$out/$(basename "$1").1" "$1"
  gzip -9nf "$out/$(basename "$1").1"
}

{
  cat <<'TXT'
[ENVIRONMENT]
.TP
.B ZELFSCAN_INSTRUMENTS
Mappen met instrumenten (\fIid\fR.toml, oudere versies in archive/), gescheiden door ':'; eerst doorzocht, dan ./instruments, dan de meegeleverde instrumenten.
.br
Folders holding instruments, separated by ':'; searched first, then ./instruments, then the shipped instruments.
.TP
.B ZELFSCAN_TEMPLATES
Mappen met rapportsjablonen, gescheiden door ':'; dan ./report-templates, dan de meegeleverde sjablonen.
.br
Folders holding report templates, separated by ':'; then ./report-templates, then the shipped templates.
.TP
.B ZELFSCAN_FONTS
Lettertype-instellingen (fonts.toml) als \-\-fonts ontbreekt; anders de ingebouwde (gelijk aan share/zelfscan/fonts/fonts.toml).
.br
Font configuration (fonts.toml) when \-\-fonts is not given; else the built-in one (equal to share/zelfscan/fonts/fonts.toml).
.TP
.B SOURCE_DATE_EPOCH
Datum en tijd in gemaakte documenten, voor reproduceerbare uitvoer.
.br
Date and time in generated documents, for reproducible output.
[FILES]
.TP
.I PREFIX/share/zelfscan/
Meegeleverde instrumenten (instruments/, archive/), rapportsjablonen (report-templates/) en lettertype-instellingen (fonts/), gevonden naast het programma (PREFIX/bin/zelfscan).
.br
Shipped instruments, report templates and font configuration, found beside the program.
[EXIT STATUS]
0 gelukt / success, 1 fout in de invoer / bad input, 2 verkeerd gebruik / bad usage.
TXT
  printf '[SEE ALSO]\n'; see_also zelfscan
} >"$out/wrap/zelfscan.h2m"
# help2man runs the program with LC_ALL=C and without LANGUAGE, which
# would choose Dutch: a wrapper sets the language of its --help.
printf '#!/bin/sh\nLANGUAGE=%s exec "%s" "$@"\n' "$1" "$zs" >"$out/wrap/zelfscan"
chmod +x "$out/wrap/zelfscan"
page "$out/wrap/zelfscan" "$4" "$out/wrap/zelfscan.h2m"

while read -r name description; do
  wrapper=$out/wrap/zelfscan-$name
  printf '#!/bin/sh\nLANGUAGE=%s exec "%s" %s "$@"\n' "$1" "$zs" "$name" >"$wrapper"
  chmod +x "$wrapper"
  { printf '[SEE ALSO]\n'; see_also "zelfscan-$name"; } >"$wrapper.h2m"
  page "$wrapper" "$description" "$wrapper.h2m"
done <<<"$commands"
rm -rf "$out/wrap"
}

pages en "$root/man1" SUBCOMMANDS "compiles self-scan instruments into scans, forms and reports"
pages nl "$root/nl/man1" OPDRACHTEN "maakt scans, formulieren en rapporten van zelfscan-instrumenten"
