#include "io/tensorboard_event.h"

#include <cmath>
#include <cstring>

#include "io/protobuf_wire.h"

namespace lrscope::tensorboard {
namespace {

using wire::Field;
using wire::WireType;

// tensorflow/core/framework/types.proto
enum DataType {
  kFloat = 1,
  kDouble = 2,
  kInt32 = 3,
  kUint8 = 4,
  kInt16 = 5,
  kInt8 = 6,
  kInt64 = 9,
  kBfloat16 = 14,
  kUint16 = 17,
  kHalf = 19,
  kUint32 = 22,
  kUint64 = 23
};

int elementSize(int dtype) {
  switch (dtype) {
    case kUint8:
    case kInt8:
      return 1;
    case kInt16:
    case kUint16:
    case kBfloat16:
    case kHalf:
      return 2;
    case kFloat:
    case kInt32:
    case kUint32:
      return 4;
    case kDouble:
    case kInt64:
    case kUint64:
      return 8;
    default:
      return 0;  // not a numeric scalar type (string, bool, complex, resource, ...)
  }
}

double halfToDouble(std::uint16_t h) {
  const int exponent = (h >> 10) & 0x1F;
  const int mantissa = h & 0x3FF;
  const double sign = (h & 0x8000) ? -1.0 : 1.0;
  if (exponent == 0) return sign * std::ldexp(mantissa, -24);
  if (exponent == 31) return mantissa ? std::nan("") : sign * INFINITY;
  return sign * std::ldexp(mantissa + 1024, exponent - 25);
}

double bfloat16ToDouble(std::uint16_t b) {
  const std::uint32_t bits = std::uint32_t(b) << 16;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

// Decodes one little-endian element of `dtype` from raw tensor_content bytes.
double fromContent(int dtype, const unsigned char* p) {
  std::uint64_t u = 0;
  for (int i = elementSize(dtype) - 1; i >= 0; --i) u = u << 8 | p[i];
  switch (dtype) {
    case kFloat: {
      const auto b = std::uint32_t(u);
      float f;
      std::memcpy(&f, &b, sizeof f);
      return f;
    }
    case kDouble: {
      double d;
      std::memcpy(&d, &u, sizeof d);
      return d;
    }
    case kInt8:
      return double(std::int8_t(u));
    case kInt16:
      return double(std::int16_t(u));
    case kInt32:
      return double(std::int32_t(u));
    case kInt64:
      return double(std::int64_t(u));
    case kHalf:
      return halfToDouble(std::uint16_t(u));
    case kBfloat16:
      return bfloat16ToDouble(std::uint16_t(u));
    default:
      return double(u);  // unsigned types
  }
}

// One repeated numeric field of a TensorProto: how many elements, and the first one.
struct List {
  std::size_t count = 0;
  std::uint64_t first = 0;  // raw bits (fixed) or varint value
};

class Decoder {
 public:
  explicit Decoder(QString& error) : error_(error) {}

  bool event(const unsigned char* data, std::size_t size, EventRecord& e) {
    wire::Reader r(data, size);
    Field f;
    while (r.next(f)) {
      switch (f.number) {
        case 1:
          if (!expect(f, WireType::Fixed64, "wall_time")) return false;
          e.wallTime = f.asDouble();
          break;
        case 2:
          if (!expect(f, WireType::Varint, "step")) return false;
          e.step = std::int64_t(f.bits);
          break;
        case 3:
          if (!expect(f, WireType::LengthDelimited, "file_version")) return false;
          e.hasFileVersion = true;
          break;
        case 5:
          if (!expect(f, WireType::LengthDelimited, "summary")) return false;
          if (!summary(f, e)) return prefix(QStringLiteral("summary"));
          break;
        default:
          break;  // graph_def, session_log, source_metadata, ...: skipped
      }
    }
    return ok(r, "");
  }

 private:
  bool summary(const Field& s, EventRecord& e) {
    wire::Reader r(s.data, s.size);
    Field f;
    while (r.next(f)) {
      if (f.number != 1) continue;
      if (!expect(f, WireType::LengthDelimited, "value")) return false;
      ValueRecord& v = e.values.emplace_back();
      if (!value(f, v)) return prefix(QStringLiteral("value[%1]").arg(e.values.size() - 1));
    }
    return ok(r, "");
  }

  bool value(const Field& s, ValueRecord& v) {
    wire::Reader r(s.data, s.size);
    Field f;
    std::string_view nodeName;
    while (r.next(f)) {
      switch (f.number) {
        case 1:
          if (!expect(f, WireType::LengthDelimited, "tag")) return false;
          v.tag = f.bytes();
          break;
        case 7:
          if (!expect(f, WireType::LengthDelimited, "node_name")) return false;
          nodeName = f.bytes();
          break;
        case 2:
          if (!expect(f, WireType::Fixed32, "simple_value")) return false;
          v.scalar = double(f.asFloat());
          v.fromTensor = false;
          break;
        case 8:
          if (!expect(f, WireType::LengthDelimited, "tensor")) return false;
          if (!tensor(f, v)) return prefix(QStringLiteral("tensor"));
          v.fromTensor = v.scalar.has_value();
          break;
        case 9:
          if (!expect(f, WireType::LengthDelimited, "metadata")) return false;
          if (!metadata(f, v)) return prefix(QStringLiteral("metadata"));
          break;
        case 3:
        case 4:
        case 5:
        case 6:
          v.scalar.reset();
          break;  // histogram, image, audio: not a scalar
        default:
          break;
      }
    }
    if (v.tag.empty()) v.tag = nodeName;
    return ok(r, "");
  }

  bool metadata(const Field& s, ValueRecord& v) {
    v.hasMetadata = true;
    wire::Reader r(s.data, s.size);
    Field f;
    while (r.next(f)) {
      if (f.number == 1) {
        if (!expect(f, WireType::LengthDelimited, "plugin_data")) return false;
        wire::Reader pr(f.data, f.size);
        Field pf;
        while (pr.next(pf)) {
          if (pf.number != 1) continue;
          if (!expect(pf, WireType::LengthDelimited, "plugin_data.plugin_name")) return false;
          v.pluginName = pf.bytes();
        }
        if (!ok(pr, "plugin_data")) return false;
      } else if (f.number == 4) {
        if (!expect(f, WireType::Varint, "data_class")) return false;
        v.dataClass = int(f.bits & 0xFF);
      }
    }
    return ok(r, "");
  }

  bool tensor(const Field& s, ValueRecord& v) {
    wire::Reader r(s.data, s.size);
    Field f;
    int dtype = 0;
    bool scalarShape = true;
    std::string_view content;
    List floats, doubles, ints, int64s, halves;
    while (r.next(f)) {
      switch (f.number) {
        case 1:
          if (!expect(f, WireType::Varint, "dtype")) return false;
          dtype = int(f.bits & 0x7FFFFFFF);
          break;
        case 2:
          if (!expect(f, WireType::LengthDelimited, "tensor_shape")) return false;
          if (!shapeIsOneElement(f, scalarShape)) return prefix(QStringLiteral("tensor_shape"));
          break;
        case 4:
          if (!expect(f, WireType::LengthDelimited, "tensor_content")) return false;
          content = f.bytes();
          break;
        case 5:
          if (!list(f, WireType::Fixed32, "float_val", floats)) return false;
          break;
        case 6:
          if (!list(f, WireType::Fixed64, "double_val", doubles)) return false;
          break;
        case 7:
          if (!list(f, WireType::Varint, "int_val", ints)) return false;
          break;
        case 10:
          if (!list(f, WireType::Varint, "int64_val", int64s)) return false;
          break;
        case 13:
          if (!list(f, WireType::Varint, "half_val", halves)) return false;
          break;
        default:
          break;
      }
    }
    if (!ok(r, "")) return false;
    v.scalar.reset();
    const int width = elementSize(dtype);
    if (!scalarShape || width == 0) return true;  // not a numeric one-element tensor: skipped
    if (!content.empty()) {
      if (content.size() == std::size_t(width))
        v.scalar = fromContent(dtype, reinterpret_cast<const unsigned char*>(content.data()));
      return true;
    }
    const List* values = nullptr;
    switch (dtype) {
      case kFloat:
        values = &floats;
        break;
      case kDouble:
        values = &doubles;
        break;
      case kInt64:
      case kUint64:
        values = &int64s;
        break;
      case kHalf:
      case kBfloat16:
        values = &halves;
        break;
      default:
        values = &ints;
        break;
    }
    if (values->count == 0) return true;
    unsigned char raw[8];
    for (int i = 0; i < 8; ++i) raw[i] = static_cast<unsigned char>(values->first >> (8 * i));
    v.scalar = fromContent(dtype, raw);
    return true;
  }

  // TensorShapeProto { repeated Dim dim = 2 { int64 size = 1; }; bool unknown_rank = 3; }
  bool shapeIsOneElement(const Field& s, bool& one) {
    wire::Reader r(s.data, s.size);
    Field f;
    while (r.next(f)) {
      if (f.number == 3) {
        if (!expect(f, WireType::Varint, "unknown_rank")) return false;
        if (f.bits) one = false;
      } else if (f.number == 2) {
        if (!expect(f, WireType::LengthDelimited, "dim")) return false;
        wire::Reader dr(f.data, f.size);
        Field df;
        std::int64_t size = 0;  // proto3 default
        while (dr.next(df)) {
          if (df.number != 1) continue;
          if (!expect(df, WireType::Varint, "dim.size")) return false;
          size = std::int64_t(df.bits);
        }
        if (!ok(dr, "dim")) return false;
        if (size != 1) one = false;
      }
    }
    return ok(r, "");
  }

  // A repeated numeric field, packed (length-delimited) or one element per field.
  bool list(const Field& f, WireType element, const char* name, List& out) {
    if (f.type == element) {
      if (out.count++ == 0) out.first = f.bits;
      return true;
    }
    if (!expect(f, WireType::LengthDelimited, name)) return false;
    wire::Reader r(f.data, f.size);
    std::uint64_t bits = 0;
    while (!r.atEnd()) {
      bool read = false;
      if (element == WireType::Varint) {
        read = r.nextVarint(bits);
      } else if (element == WireType::Fixed32) {
        std::uint32_t b = 0;
        read = r.nextFixed32(b);
        bits = b;
      } else {
        read = r.nextFixed64(bits);
      }
      if (!read) return ok(r, name);
      if (out.count++ == 0) out.first = bits;
    }
    return true;
  }

  bool expect(const Field& f, WireType type, const char* name) {
    if (f.type == type) return true;
    error_ = QStringLiteral("%1 (field %2): wire type %3, expected %4")
                 .arg(QLatin1String(name))
                 .arg(f.number)
                 .arg(QLatin1String(wire::wireTypeName(f.type)),
                      QLatin1String(wire::wireTypeName(type)));
    return false;
  }

  // After a reader loop: true if the message ended cleanly, else names the malformation.
  bool ok(const wire::Reader& r, const char* where) {
    if (!r.error()) return true;
    error_ = QStringLiteral("%1: malformed at byte %2: %3")
                 .arg(QLatin1String(where))
                 .arg(r.offset())
                 .arg(QLatin1String(r.error()));
    return false;
  }

  // Prepends the enclosing field's name to a nested error ("tensor" + ".dtype ...").
  bool prefix(const QString& name) {
    error_.prepend(error_.startsWith(u':') ? name : name + u'.');
    return false;
  }

  QString& error_;
};

}  // namespace

bool decodeEvent(const unsigned char* data, std::size_t size, EventRecord& event, QString& error) {
  event.wallTime = 0.0;
  event.step = 0;
  event.hasFileVersion = false;
  event.values.clear();
  Decoder decoder(error);
  if (decoder.event(data, size, event)) return true;
  error.prepend(error.startsWith(u':') ? QStringLiteral("Event") : QStringLiteral("Event."));
  return false;
}

}  // namespace lrscope::tensorboard
