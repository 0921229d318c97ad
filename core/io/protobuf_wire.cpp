#include "io/protobuf_wire.h"

#include <cstring>

namespace lrscope::wire {

const char* wireTypeName(WireType type) {
  switch (type) {
    case WireType::Varint:
      return "varint";
    case WireType::Fixed64:
      return "64-bit";
    case WireType::LengthDelimited:
      return "length-delimited";
    case WireType::StartGroup:
      return "group start";
    case WireType::EndGroup:
      return "group end";
    case WireType::Fixed32:
      return "32-bit";
  }
  return "unknown";
}

double Field::asDouble() const {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

float Field::asFloat() const {
  const auto b = std::uint32_t(bits);
  float f;
  std::memcpy(&f, &b, sizeof f);
  return f;
}

bool Reader::fail(const char* message) {
  error_ = message;
  return false;
}

bool Reader::nextLongVarint(std::uint64_t& value) {
  value = 0;
  if (error_) return false;
  for (int shift = 0; shift < 64; shift += 7) {
    if (p_ == end_) return fail("varint cut off by the end of the message");
    const unsigned char byte = *p_++;
    value |= std::uint64_t(byte & 0x7F) << shift;
    if (!(byte & 0x80)) return true;
  }
  return fail("varint longer than 10 bytes");
}

bool Reader::nextFixed32(std::uint32_t& value) {
  if (error_) return false;
  if (end_ - p_ < 4) return fail("32-bit value cut off by the end of the message");
  value = std::uint32_t(p_[0]) | std::uint32_t(p_[1]) << 8 | std::uint32_t(p_[2]) << 16 |
          std::uint32_t(p_[3]) << 24;
  p_ += 4;
  return true;
}

bool Reader::nextFixed64(std::uint64_t& value) {
  if (error_) return false;
  if (end_ - p_ < 8) return fail("64-bit value cut off by the end of the message");
  value = 0;
  for (int i = 7; i >= 0; --i) value = value << 8 | p_[i];
  p_ += 8;
  return true;
}

bool Reader::next(Field& field) {
  if (error_ || p_ == end_) return false;
  std::uint64_t key = 0;
  if (!nextVarint(key)) return false;
  if ((key >> 3) == 0 || (key >> 3) > 0x1FFFFFFF) return fail("invalid field number");
  field.number = std::uint32_t(key >> 3);
  const auto type = unsigned(key & 7);
  field.type = WireType(type);
  field.data = nullptr;
  field.size = 0;
  switch (type) {
    case 0:
      return nextVarint(field.bits);
    case 1:
      return nextFixed64(field.bits);
    case 5: {
      std::uint32_t v = 0;
      if (!nextFixed32(v)) return false;
      field.bits = v;
      return true;
    }
    case 2: {
      std::uint64_t length = 0;
      if (!nextVarint(length)) return false;
      if (length > std::uint64_t(end_ - p_)) return fail("length runs past the end of the message");
      field.data = p_;
      field.size = std::size_t(length);
      p_ += length;
      return true;
    }
    case 3:
    case 4:
      return fail("groups (wire types 3/4) are not supported");
    default:
      return fail("invalid wire type 6 or 7");
  }
}

}  // namespace lrscope::wire
