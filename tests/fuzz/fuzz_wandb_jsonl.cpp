// libFuzzer harness: the W&B JSONL history reader.
#include "fuzz_log_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lrscope::fuzz::readAs("wandb-jsonl", QStringLiteral("wandb-history.jsonl"), data, size);
}
