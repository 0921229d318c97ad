#!/usr/bin/env bash
# Sanitizer and fuzzing pass over the log readers (a log file is untrusted input: they are the
# application's attack surface). `./run.sh test` runs it after the main tests.
#   1. Builds the core io tests (tests/core/io/test_*.cpp) in $LRSCOPE_ASAN_BUILD_DIR (default
#      build-asan) with -DLRSCOPE_SANITIZE=ON (AddressSanitizer + UndefinedBehaviorSanitizer) and
#      runs them there with ctest (label core); any sanitizer report fails the test.
#   2. Builds the libFuzzer harnesses (tests/fuzz, a small clang project of its own) in
#      $LRSCOPE_FUZZ_BUILD_DIR (default build-fuzz) and runs every fuzz_<parser> for
#      $LRSCOPE_FUZZ_SECONDS seconds (default 20; 0 skips fuzzing), two at a time, seeded from the
#      fixtures in tests/data/io. A crash, sanitizer report, leak, input taking > 10 s or an
#      allocation > 2 GB fails loudly, naming the reproducer.
# LRSCOPE_SKIP_SANITIZERS=1 skips the whole pass (local quick runs only; CI never sets it).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "${LRSCOPE_SKIP_SANITIZERS:-0}" = 1 ]; then
  echo "sanitizers: skipped (LRSCOPE_SKIP_SANITIZERS=1)"
  exit 0
fi
ASAN_BUILD=${LRSCOPE_ASAN_BUILD_DIR:-build-asan}
FUZZ_BUILD=${LRSCOPE_FUZZ_BUILD_DIR:-build-fuzz}
FUZZ_SECONDS=${LRSCOPE_FUZZ_SECONDS:-20}
JOBS=$(nproc 2>/dev/null || echo 2)
for tool in clang clang++; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "sanitizers: $tool not found (packaging/install-deps.sh installs clang)" >&2
    exit 1
  fi
done

# 1. io tests under ASan + UBSan (the project's compiler)
cmake -S . -B "$ASAN_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1 -g1" \
  -DLRSCOPE_SANITIZE=ON >/dev/null
tests=()
for source in tests/core/io/test_*.cpp; do
  if [ -e "$source" ]; then tests+=("core_$(basename "$source" .cpp)"); fi
done
echo "sanitizers: building ${#tests[@]} io test executables with ASan+UBSan in $ASAN_BUILD"
start=$SECONDS
cmake --build "$ASAN_BUILD" -j "$JOBS" --target "${tests[@]}"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_QPA_PLATFORM=offscreen
regex="^($(IFS='|'; echo "${tests[*]}"))\$"
ctest --test-dir "$ASAN_BUILD" --output-on-failure --label-regex core --tests-regex "$regex" -j "$JOBS"
echo "sanitizers: io tests built and passed under ASan+UBSan ($((SECONDS - start)) s)"

# 2. fuzzing (clang, libFuzzer)
[ "$FUZZ_SECONDS" -gt 0 ] || { echo "sanitizers: fuzzing skipped (LRSCOPE_FUZZ_SECONDS=0)"; exit 0; }
start=$SECONDS
CC=clang CXX=clang++ cmake -S tests/fuzz -B "$FUZZ_BUILD" -G Ninja >/dev/null
cmake --build "$FUZZ_BUILD" -j "$JOBS"
work="$FUZZ_BUILD/run"
rm -rf "$work"
mkdir -p "$work"
# the harnesses write each input to a file under $TMPDIR: memory-backed when possible, and removed
# afterwards even when a fuzzer crashed before cleaning up
TMPDIR=$(mktemp -d /dev/shm/lrscope-fuzz.XXXXXX 2>/dev/null || mktemp -d "$work/tmp.XXXXXX")
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
run_one() {  # fuzzer executable -> $work/<name>.log and $work/<name>.status
  local exe=$1 name
  name=$(basename "$exe")
  mkdir -p "$work/$name.corpus" "$work/$name.artifacts"
  set +e
  "$exe" "$work/$name.corpus" tests/data/io -max_total_time="$FUZZ_SECONDS" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$work/$name.artifacts/" >"$work/$name.log" 2>&1
  echo $? >"$work/$name.status"
}
fuzzers=()
for exe in "$FUZZ_BUILD"/fuzz_*; do
  if [ -f "$exe" ] && [ -x "$exe" ]; then fuzzers+=("$exe"); fi
done
echo "sanitizers: ${#fuzzers[@]} fuzzers built ($((SECONDS - start)) s); ${FUZZ_SECONDS} s each, $JOBS at a time"
for exe in "${fuzzers[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n || true; done
  run_one "$exe" &
done
wait

failed=0
for exe in "${fuzzers[@]}"; do
  name=$(basename "$exe")
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name.log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$work/$name.log" | tail -1 || true)
  corpus=$(find "$work/$name.corpus" -type f | wc -l)
  if [ "$(cat "$work/$name.status")" = 0 ]; then
    echo "sanitizers: $name ok: ${runs:-?} inputs, ${cov:-cov: ?}, $corpus new corpus files"
  else
    failed=1
    echo "sanitizers: $name FAILED (exit $(cat "$work/$name.status")); its log ends:" >&2
    tail -60 "$work/$name.log" >&2
    for artifact in "$work/$name.artifacts"/*; do
      if [ -e "$artifact" ]; then echo "sanitizers: reproduce with: $exe $artifact" >&2; fi
    done
  fi
done
if [ "$failed" != 0 ]; then
  echo "sanitizers: FUZZING FOUND A CRASH (see above)" >&2
  exit 1
fi
echo "sanitizers: all io tests and fuzzers passed ($SECONDS s in all)"
