// libFuzzer harness: the Hugging Face trainer_state.json reader (JSON, log_history).
#include "fuzz_log_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lrscope::fuzz::readAs("hf-trainer-state", QStringLiteral("output/trainer_state.json"),
                               data, size);
}
