#!/usr/bin/env bash
# Installs every Debian 12 package zelfscan needs to build, test and run.
# Idempotent: packages already present are left alone. Runs apt-get as root,
# or through sudo when started as another user.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config git
  # libraries
  libtomlplusplus-dev libhpdf-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libfmt-dev doctest-dev libqpdf-dev libcli11-dev libkainjow-mustache-dev
  libhyphen-dev libqrencode-dev libpng-dev zlib1g-dev
  # hyphenation dictionaries (Dutch, English)
  hyphen-nl hyphen-en-us
  # fonts (TrueType; libharu cannot load CFF/OTF)
  fonts-lato fonts-dejavu-core fonts-liberation2
  # tools the tests and benchmarks use to check PDFs
  poppler-utils qpdf pdftk-java time bc
  # the method test (tests/e2e/report_method.py): Python 3.11 for tomllib
  python3
)

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
