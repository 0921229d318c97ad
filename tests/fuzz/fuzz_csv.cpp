// libFuzzer harness: the CSV/TSV/whitespace table reader (delimiter and header sniffing, columns).
#include "fuzz_log_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lrscope::fuzz::readAs("csv", QStringLiteral("log.csv"), data, size);
}
