// libFuzzer harness: the W&B chart-panel CSV export reader ("<run> - <key>" columns).
#include "fuzz_log_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lrscope::fuzz::readAs("wandb-csv", QStringLiteral("wandb_export.csv"), data, size);
}
