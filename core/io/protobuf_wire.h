#pragma once
// Protocol-buffer wire format, read by hand (no protobuf dependency). A message is a sequence of
// fields, each a varint key (field_number << 3 | wire_type) followed by its payload:
//   0 varint, 1 fixed 64-bit (little-endian), 2 length-delimited (varint length + bytes),
//   5 fixed 32-bit; 3/4 (groups) are deprecated and rejected. Bounds are checked on every read, so
// malformed input stops with a message instead of reading past the buffer.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace lrscope::wire {

enum class WireType : std::uint8_t {
  Varint = 0,
  Fixed64 = 1,
  LengthDelimited = 2,
  StartGroup = 3,
  EndGroup = 4,
  Fixed32 = 5
};

const char* wireTypeName(WireType type);

struct Field {
  std::uint32_t number = 0;
  WireType type = WireType::Varint;
  std::uint64_t bits = 0;               // Varint value, or the raw bits of Fixed64 / Fixed32
  const unsigned char* data = nullptr;  // LengthDelimited payload
  std::size_t size = 0;

  double asDouble() const;  // Fixed64 as IEEE double
  float asFloat() const;    // Fixed32 as IEEE float
  std::string_view bytes() const { return {reinterpret_cast<const char*>(data), size}; }
};

class Reader {
 public:
  Reader(const unsigned char* data, std::size_t size) : p_(data), end_(data + size), begin_(data) {}

  // Reads the next field; false at the end of the buffer or on malformed input (error() says why).
  bool next(Field& field);
  // Reads one varint (for packed repeated fields); false at the end or on malformed input.
  bool nextVarint(std::uint64_t& value) {
    if (p_ != end_ && *p_ < 0x80 && !error_) {  // the common one-byte case, inline
      value = *p_++;
      return true;
    }
    return nextLongVarint(value);
  }
  // Reads 4 / 8 little-endian bytes (for packed fixed-width fields).
  bool nextFixed32(std::uint32_t& value);
  bool nextFixed64(std::uint64_t& value);

  const char* error() const { return error_; }  // nullptr when the buffer simply ended
  std::size_t offset() const { return std::size_t(p_ - begin_); }  // where it stopped
  bool atEnd() const { return error_ || p_ == end_; }

 private:
  bool fail(const char* message);
  bool nextLongVarint(std::uint64_t& value);

  const unsigned char* p_;
  const unsigned char* end_;
  const unsigned char* begin_;
  const char* error_ = nullptr;
};

}  // namespace lrscope::wire
