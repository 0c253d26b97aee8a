#!/usr/bin/env bash
# Installs every Debian 12 package zelfscan needs to build, test and run.
# Idempotent: packages already present are left alone. Runs apt-get as root,
# or through sudo when started as another user.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config git
  # the fuzz harnesses (scripts/fuzz.sh): clang with libFuzzer and sanitizers
  clang-14 libclang-rt-14-dev
  # libraries
  libtomlplusplus-dev libhpdf-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libfmt-dev doctest-dev libqpdf-dev libcli11-dev libkainjow-mustache-dev
  libhyphen-dev libqrencode-dev libpng-dev zlib1g-dev libxlsxwriter-dev
  # the scan stage: QR codes (zbar), image files (Leptonica), scanned PDFs (poppler)
  libzbar-dev libleptonica-dev libpoppler-cpp-dev
  # hyphenation dictionaries (Dutch, English)
  hyphen-nl hyphen-en-us
  # fonts (TrueType; libharu cannot load CFF/OTF)
  fonts-lato fonts-dejavu-core fonts-liberation2
  # tools the tests and benchmarks use to check PDFs
  poppler-utils qpdf pdftk-java time bc
  # the table test reads .xlsx back through LibreOffice
  libreoffice-calc-nogui
  # the Dutch messages: msgfmt compiles po/nl.po into the binary (build);
  # xgettext and msgcmp check that the catalogue is complete (tests)
  gettext
  # the synthetic scanner (tests/tools/synthetic_scanner.py) and its benchmark
  python3-numpy python3-pil zbar-tools
  # man pages from --help (build); the install test renders one with man
  help2man man-db
  # the method test (tests/e2e/report_method.py): Python 3.11 for tomllib
  python3
  # browser tests (tests/browser): Debian's chromium and firefox-esr, both
  # driven by puppeteer-core (Chromium over CDP, Firefox over WebDriver BiDi)
  chromium firefox-esr
)

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Node.js and npm for the browser tests: Debian's, unless the machine already
# has a node and npm of its own (installing Debian's over those would clash).
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  echo "install-deps: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser tests' npm packages, at the versions in package-lock.json.
root=$(cd "$(dirname "$0")/.." && pwd)
browser=$root/tests/browser
if [ -f "$browser/package-lock.json" ] && ! (cd "$browser" && npm ls --depth=0 >/dev/null 2>&1); then
  echo "install-deps: npm ci in tests/browser"
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error)
fi
