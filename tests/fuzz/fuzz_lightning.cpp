// libFuzzer harness: the PyTorch Lightning CSVLogger metrics.csv reader.
#include "fuzz_log_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lrscope::fuzz::readAs("lightning", QStringLiteral("lightning_logs/version_0/metrics.csv"),
                               data, size);
}
