// libFuzzer harness: the TensorBoard Event / Summary / TensorProto protobuf decoding. Random bytes
// rarely pass the TFRecord CRCs, so fuzz_tensorboard seldom reaches the decoder; here the input is
// one Event record's data, framed with correct CRCs (after a file_version record, and twice, so
// the tag and repeated-step paths run too), then read through the reader like any event file.
#include "../core/io/tfevents_encoder.h"
#include "fuzz_log_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace tfe = lrscope::test::tfevents;
  const QByteArray event(reinterpret_cast<const char*>(data), qsizetype(size));
  const QByteArray file =
      tfe::record(tfe::fileVersionEvent(1.7e9)) + tfe::record(event) + tfe::record(event);
  return lrscope::fuzz::readAs("tensorboard", QStringLiteral("events.out.tfevents.1.fuzz"),
                               reinterpret_cast<const std::uint8_t*>(file.constData()),
                               std::size_t(file.size()));
}
