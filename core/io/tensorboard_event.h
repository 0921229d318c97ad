#pragma once
// Decoding of one TensorBoard `Event` record (tensorboard/compat/proto/event.proto) from its
// protobuf wire bytes, keeping what a scalar reader needs:
//   Event { double wall_time = 1; int64 step = 2; string file_version = 3; Summary summary = 5; }
//   Summary { repeated Value value = 1; }
//   Value { string tag = 1; float simple_value = 2; TensorProto tensor = 8;
//           SummaryMetadata metadata = 9; string node_name = 7 (old tag) }
//   SummaryMetadata { PluginData plugin_data = 1 { string plugin_name = 1; }; int data_class = 4; }
// A value is a scalar when it has simple_value (PyTorch, TF1), or a TensorProto with exactly one
// element of a numeric dtype (TF2: tensor_content raw bytes, or float/double/int/int64/half_val,
// packed or not). Other fields (graph_def, histograms, images, ...) are skipped.
#include <QString>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace lrscope::tensorboard {

struct ValueRecord {
  std::string_view tag;          // points into the record bytes
  std::optional<double> scalar;  // the value if it is a scalar
  bool fromTensor = false;       // scalar came from a TensorProto (not simple_value)
  bool hasMetadata = false;
  std::string_view pluginName;  // from metadata, when present
  int dataClass = 0;            // SummaryMetadata.data_class (1 = scalar), 0 when unset
};

struct EventRecord {
  double wallTime = 0.0;
  std::int64_t step = 0;
  bool hasFileVersion = false;
  std::vector<ValueRecord> values;  // cleared and refilled by decodeEvent
};

// Decodes `size` bytes into `event` (its vector's storage is reused). On malformed input returns
// false and sets `error` to the field path and reason, e.g.
// "Event.summary.value[0].tensor.dtype: wire type length-delimited, expected varint".
bool decodeEvent(const unsigned char* data, std::size_t size, EventRecord& event, QString& error);

}  // namespace lrscope::tensorboard
