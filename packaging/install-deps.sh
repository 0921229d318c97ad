#!/usr/bin/env bash
# Installs the Debian 12 packages LRScope needs to build, test and run headless.
# Idempotent: packages already present are skipped. Works as root or through sudo.
#   packaging/install-deps.sh          build + test + headless GUI packages
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-svg-dev libqt6svg6 qt6-qpa-plugins
  libqcustomplot-dev libceres-dev libeigen3-dev libfast-float-dev
  libgl-dev fonts-dejavu-core
  xvfb xauth
  python3 python3-numpy python3-pandas
  clang libclang-rt-14-dev llvm
)
# python3 + numpy: the tests execute the exported PyTorch/optax snippets to check their values.
# python3-pandas: the baseline of the CSV-load benchmark (tests/bench/bench_csv_load.cpp).
# clang + libclang-rt-14-dev (libFuzzer, sanitizer runtimes) + llvm (llvm-symbolizer): the log
# readers' fuzzers (tests/fuzz/run_sanitizers.sh, run by ./run.sh test).

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed."
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "install-deps: need root to install: ${missing[*]}" >&2
  echo "install-deps: run as root, or install sudo, or install these packages yourself." >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update
"${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
echo "install-deps: done."
