#pragma once
// Test-only writer of TensorBoard event bytes (protobuf wire + TFRecord framing), for tests and
// benchmarks that build events in memory. The committed fixtures are written independently by
// tests/data/io/tensorboard/make_fixtures.py; the doc's checked example ties both to the spec.
#include <QByteArray>
#include <QList>
#include <QString>
#include <cstdint>
#include <cstring>

#include "io/crc32c.h"

namespace lrscope::test::tfevents {

inline QByteArray varint(std::uint64_t n) {
  QByteArray out;
  do {
    const auto b = char(n & 0x7F);
    n >>= 7;
    out.append(n ? char(b | 0x80) : b);
  } while (n);
  return out;
}

inline QByteArray key(int field, int wire) {
  return varint(std::uint64_t(field) << 3 | wire);
}

template <typename T>
QByteArray littleEndian(T v) {
  QByteArray out(sizeof v, '\0');
  std::memcpy(out.data(), &v, sizeof v);  // x86-64 and every supported target are little-endian
  return out;
}

inline QByteArray fieldVarint(int field, std::uint64_t n) {
  return key(field, 0) + varint(n);
}
inline QByteArray fieldDouble(int field, double x) {
  return key(field, 1) + littleEndian(x);
}
inline QByteArray fieldFloat(int field, float x) {
  return key(field, 5) + littleEndian(x);
}
inline QByteArray fieldBytes(int field, const QByteArray& data) {
  return key(field, 2) + varint(std::uint64_t(data.size())) + data;
}

// Summary.Value with simple_value.
inline QByteArray simpleValue(const QByteArray& tag, float x) {
  return fieldBytes(1, tag) + fieldFloat(2, x);
}

// Event{wall_time, step, summary{value...}}.
inline QByteArray event(std::int64_t step, double wallTime, const QList<QByteArray>& values) {
  QByteArray summary;
  for (const QByteArray& v : values) summary += fieldBytes(1, v);
  return fieldDouble(1, wallTime) + fieldVarint(2, std::uint64_t(step)) + fieldBytes(5, summary);
}

inline QByteArray fileVersionEvent(double wallTime) {
  return fieldDouble(1, wallTime) + fieldBytes(3, "brain.Event:2");
}

// TFRecord framing: length, masked CRC of the length, data, masked CRC of the data.
inline QByteArray record(const QByteArray& data) {
  const QByteArray length = littleEndian(std::uint64_t(data.size()));
  return length + littleEndian(maskCrc32c(crc32c(length.constData(), 8))) + data +
         littleEndian(maskCrc32c(crc32c(data.constData(), std::size_t(data.size()))));
}

}  // namespace lrscope::test::tfevents
