#!/usr/bin/env bash
# LRScope quick start.
#   ./run.sh          install what is missing, build, open the app on the bundled demo
#   ./run.sh test     install what is missing, build, run every test headless (CTest)
#   ./run.sh bench    build and run the benchmarks (ctest -L bench)
#   ./run.sh package  build a .deb with CPack
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${LRSCOPE_BUILD_DIR:-build}
JOBS=$(nproc 2>/dev/null || echo 2)

install_deps() {
  if ! packaging/install-deps.sh; then
    echo "run.sh: could not install the build dependencies (see above)." >&2
    exit 1
  fi
}

build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

case "${1:-run}" in
  run)
    install_deps
    build
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "run.sh: built $BUILD_DIR/app/lrscope, but there is no display to open it on." >&2
      echo "run.sh: run it from a desktop session, or headless: xvfb-run $BUILD_DIR/app/lrscope --demo" >&2
      exit 1
    fi
    exec "$BUILD_DIR/app/lrscope" --demo
    ;;
  test)
    install_deps
    build
    export QT_QPA_PLATFORM=offscreen
    ctest --test-dir "$BUILD_DIR" --output-on-failure --label-exclude bench -j "$JOBS"
    tests/fuzz/run_sanitizers.sh  # log readers: io tests under ASan+UBSan, then libFuzzer
    ;;
  bench)
    install_deps
    build
    export QT_QPA_PLATFORM=offscreen
    ctest --test-dir "$BUILD_DIR" --output-on-failure --label-regex bench --verbose
    ;;
  package)
    install_deps
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr
    cmake --build "$BUILD_DIR" -j "$JOBS"
    (cd "$BUILD_DIR" && cpack -G DEB)
    ;;
  *)
    echo "usage: ./run.sh [test|bench|package]" >&2
    exit 2
    ;;
esac
