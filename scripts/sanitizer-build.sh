# Sourced by scripts/fuzz.sh and scripts/sanitize.sh: the one sanitizer
# build (clang, ASan + UBSan, libFuzzer coverage), in $build.
build=${ASAN_BUILD_DIR:-$root/build-asan}
configure_sanitizer_build() {
  local cc cxx flags
  cc=$(command -v clang-14 || command -v clang)
  cxx=$(command -v clang++-14 || command -v clang++)
  flags="-fsanitize=address,undefined -fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DZELFSCAN_FUZZ=ON -DZELFSCAN_WERROR=OFF >/dev/null
}
