// libFuzzer harness: the TensorBoard event-file reader (TFRecord framing, CRC, Event protobuf).
#include "fuzz_log_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return lrscope::fuzz::readAs("tensorboard", QStringLiteral("events.out.tfevents.1.fuzz"), data,
                               size);
}
