#!/usr/bin/env bash
# End-to-end: zelfscan as an installed package (issue 17 item 8). Installs
# into a DESTDIR, moves the tree to another prefix and runs that copy from an
# empty folder with no variable pointing anywhere, on the shipped samples:
# it must find its instruments, templates and fonts beside itself, never in
# the source tree. Then the man pages, and the .deb that cpack builds.
set -euo pipefail
zs=$1 src=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
fail() { echo "FAIL: $*" >&2; exit 1; }
build=$(cd "$(dirname "$zs")" && pwd)
unset ZELFSCAN_INSTRUMENTS ZELFSCAN_TEMPLATES ZELFSCAN_FONTS
# The scratch folder lies in the build tree, where a binary may use the source
# tree; the runs below happen outside both.
outside=$(mktemp -d)
trap 'rm -rf "$outside"' EXIT

# ---- cmake --install with DESTDIR ----
DESTDIR=$tmp/dest cmake --install "$build" --prefix /opt/zelfscan >"$tmp/install.log" 2>&1 ||
  fail "cmake --install: $(tail -5 "$tmp/install.log")"
staged=$tmp/dest/opt/zelfscan
for f in bin/zelfscan share/zelfscan/instruments/institutioneel-racisme.toml \
  share/zelfscan/instruments/archive/institutioneel-racisme-1.0.0.toml \
  share/zelfscan/report-templates/rapport.nl.md share/zelfscan/report-templates/report.en.md \
  share/zelfscan/fonts/fonts.toml share/doc/zelfscan/README.md \
  share/doc/zelfscan/samples/werk-en-inkomen/WI-01.toml; do
  [ -e "$staged/$f" ] || fail "not installed: $f"
done
[ -x "$staged/bin/zelfscan" ] || fail "bin/zelfscan is not executable"

# ---- man pages: zelfscan(1) and one per command of --help ----
command -v help2man >/dev/null || fail "help2man is missing, so no man pages were built (bash scripts/install-deps.sh)"
man1=$staged/share/man/man1
[ -f "$man1/zelfscan.1.gz" ] || fail "no zelfscan.1.gz in $man1: $(ls "$man1" 2>&1)"
commands=$("$zs" --help | awk 'toupper($0) ~ /^SUBCOMMANDS:/ { on = 1; next } on && /^[^ ]/ { on = 0 } on && /^  [^ ]/ { print $1 }')
[ "$(printf '%s\n' "$commands" | wc -l)" -ge 10 ] || fail "too few commands in --help: $commands"
for c in $commands; do
  [ -f "$man1/zelfscan-$c.1.gz" ] || fail "no man page zelfscan-$c(1)"
done
if command -v man >/dev/null; then
  MANWIDTH=100 man -l "$man1/zelfscan-report.1.gz" >"$tmp/report.man" 2>"$tmp/man.err" || fail "man -l: $(cat "$tmp/man.err")"
  grep -q "zelfscan-report" "$tmp/report.man" || fail "zelfscan-report(1) has no NAME: $(head -5 "$tmp/report.man")"
  grep -q -- "--output" "$tmp/report.man" || fail "zelfscan-report(1) lacks the options of --help"
  MANWIDTH=100 man -l "$man1/zelfscan.1.gz" >"$tmp/zelfscan.man" 2>/dev/null || fail "man -l zelfscan.1.gz"
  grep -q "ZELFSCAN_INSTRUMENTS" "$tmp/zelfscan.man" || fail "zelfscan(1) does not document ZELFSCAN_INSTRUMENTS"
  # The Dutch pages, from the Dutch --help: the same commands, Dutch words.
  mannl=$staged/share/man/nl/man1
  for c in $commands; do
    [ -f "$mannl/zelfscan-$c.1.gz" ] || fail "no Dutch man page nl/man1/zelfscan-$c(1)"
  done
  MANWIDTH=100 man -l "$mannl/zelfscan-report.1.gz" >"$tmp/report-nl.man" 2>/dev/null || fail "man -l nl/zelfscan-report.1.gz"
  grep -q "Rapport dat gemaakt wordt" "$tmp/report-nl.man" || fail "the Dutch zelfscan-report(1) lacks the Dutch option texts"
  if grep -q "Report to write" "$tmp/report-nl.man"; then fail "the Dutch zelfscan-report(1) has English option texts"; fi
  grep -q "Report to write" "$tmp/report.man" || fail "the English zelfscan-report(1) lacks the English option texts"
fi

# ---- the installed tree, moved to a second prefix, run from an empty folder ----
mv "$staged" "$outside/moved"
rm -rf "$tmp/dest"
izs=$outside/moved/bin/zelfscan
work=$outside/work && mkdir -p "$work/antwoorden"
cp "$outside/moved/share/doc/zelfscan/samples/werk-en-inkomen/"*.toml "$work/antwoorden/"
# Every run as the coordinator would: from $work, with nothing set.
run() { (cd "$work" && env -u ZELFSCAN_INSTRUMENTS -u ZELFSCAN_TEMPLATES -u ZELFSCAN_FONTS "$@"); }
run "$izs" --version | grep -q "^zelfscan " || fail "--version"
run "$izs" check antwoorden >"$tmp/check.out" 2>&1 || fail "check: $(cat "$tmp/check.out")"
grep -q "ok: answers to institutioneel-racisme 3.1.0" "$tmp/check.out" ||
  fail "check did not find the installed instrument: $(head -5 "$tmp/check.out")"
run "$izs" report antwoorden -o rapport.pdf >"$tmp/report.out" 2>&1 || fail "report (instrument by id): $(cat "$tmp/report.out")"
run "$izs" report antwoorden -o report.pdf --lang en >/dev/null 2>&1 || fail "report --lang en"
run "$izs" paper institutioneel-racisme -o scan.pdf >/dev/null 2>&1 || fail "paper by id"
run "$izs" template institutioneel-racisme-quickscan -o leeg.toml >/dev/null 2>&1 || fail "template by id"
for f in rapport.pdf report.pdf scan.pdf; do
  head -c 5 "$work/$f" | grep -q '%PDF-' || fail "$f is not a PDF"
done
pdftotext "$work/rapport.pdf" "$tmp/rapport.txt" && pdftotext "$work/report.pdf" "$tmp/report.txt"
grep -q "Zelfscan institutioneel racisme en discriminatie · versie 3.1.0" "$tmp/rapport.txt" || fail "rapport.pdf lacks the instrument and version in its running head"
grep -q "^Risicorapport" "$tmp/rapport.txt" || fail "rapport.pdf is not the Dutch report"
grep -q "^Risk report" "$tmp/report.txt" || fail "report.pdf is not the English report: $(head -5 "$tmp/report.txt")"
grep -q '^instrument = "institutioneel-racisme-quickscan"' "$work/leeg.toml" || fail "template by id: $(head -3 "$work/leeg.toml")"

# The installed copy never opens the source tree's data (strace, when there).
if command -v strace >/dev/null; then
  run strace -f -qq -e trace=%file -o "$tmp/trace" "$izs" report antwoorden -o trace.pdf >/dev/null 2>&1 || fail "report under strace"
  ! grep -F "\"$src/" "$tmp/trace" || fail "the installed binary opens the source tree (above)"
  grep -q "moved/share/zelfscan/report-templates/rapport.nl.md" "$tmp/trace" || fail "the installed template was not read"
  # The control: the build tree's binary does read the source tree.
  run strace -f -qq -e trace=%file -o "$tmp/trace.build" "$zs" report antwoorden -o trace2.pdf >/dev/null 2>&1
  grep -q "\"$src/report-templates/rapport.nl.md" "$tmp/trace.build" || fail "control: the build tree's binary does not read the source tree"
fi

# A copy that is neither installed nor in a build tree finds nothing by itself,
# names where it looked, and the variables still take precedence.
mkdir -p "$outside/loose" && cp "$zs" "$outside/loose/zelfscan"
set +e; run "$outside/loose/zelfscan" check antwoorden >"$tmp/loose.out" 2>&1; rc=$?; set -e
[ $rc -eq 1 ] || fail "a loose binary: exit $rc: $(cat "$tmp/loose.out")"
grep -q "cannot find instrument 'institutioneel-racisme'" "$tmp/loose.out" || fail "a loose binary: $(cat "$tmp/loose.out")"
(cd "$work" && ZELFSCAN_INSTRUMENTS=$outside/moved/share/zelfscan/instruments \
  ZELFSCAN_TEMPLATES=$outside/moved/share/zelfscan/report-templates "$outside/loose/zelfscan" report antwoorden -o loose.pdf >/dev/null 2>&1) || fail "a loose binary with the variables set"

# ---- the .deb ----
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1 || fail "cpack: $(tail -10 "$tmp/cpack.log")"
version=$(sed -n 's/^project(zelfscan VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
deb=$(ls "$tmp/pkg"/zelfscan_"$version"_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no zelfscan_${version}_*.deb in $tmp/pkg: $(ls "$tmp/pkg")"
dpkg-deb --info "$deb" >"$tmp/info"
grep -q "^ Package: zelfscan$" "$tmp/info" || fail "deb: package name: $(cat "$tmp/info")"
grep -q "^ Version: $version$" "$tmp/info" || fail "deb: version is not $version"
depends=$(sed -n 's/^ Depends: //p' "$tmp/info")
# The libraries through dpkg-shlibdeps (a sample of them), the data packages by name.
for p in libqpdf libhpdf libcmark-gfm libhyphen libqrencode fonts-lato fonts-dejavu-core \
  fonts-liberation2 hyphen-nl hyphen-en-us; do
  grep -q "$p" <<<"$depends" || fail "deb: Depends lacks $p: $depends"
done
dpkg-deb --contents "$deb" >"$tmp/contents"
for f in ./usr/bin/zelfscan ./usr/share/zelfscan/instruments/institutioneel-racisme.toml \
  ./usr/share/zelfscan/instruments/archive/procesevaluatie-1.0.0.toml \
  ./usr/share/zelfscan/report-templates/uitkomsten.nl.md ./usr/share/zelfscan/fonts/fonts.toml \
  ./usr/share/man/man1/zelfscan.1.gz ./usr/share/man/man1/zelfscan-report.1.gz; do
  grep -q " $f$" "$tmp/contents" || fail "deb lacks $f"
done
# The packaged (stripped) binary runs from its unpacked tree too.
dpkg-deb -x "$deb" "$outside/unpacked"
run "$outside/unpacked/usr/bin/zelfscan" paper institutioneel-racisme -o deb-scan.pdf >/dev/null 2>&1 || fail "the packaged binary"
head -c 5 "$work/deb-scan.pdf" | grep -q '%PDF-' || fail "the packaged binary wrote no PDF"
echo "install: ok"
