// libFuzzer harness: the plain-text console log reader (nanoGPT, Megatron, torchtitan, HF
// patterns).
#include "fuzz_log_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lrscope::fuzz::readAs("text", QStringLiteral("train.log"), data, size);
}
