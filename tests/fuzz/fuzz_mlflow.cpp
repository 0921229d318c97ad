// libFuzzer harness: the MLflow file-store reader: the input is a metric file, read through its run
// folder.
#include "fuzz_log_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lrscope::fuzz::readAs(
      "mlflow", QStringLiteral("mlruns/0/0123456789abcdef0123456789abcdef/metrics/train/loss"),
      data, size, QStringLiteral("mlruns/0/0123456789abcdef0123456789abcdef"));
}
