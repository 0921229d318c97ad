#pragma once
// CRC-32C (Castagnoli): reflected polynomial 0x82F63B78, init 0xFFFFFFFF, final xor 0xFFFFFFFF.
// Check value: crc32c("123456789") = 0xE3069283. TFRecord stores CRCs masked (TF/leveldb):
//   masked = ((crc >> 15) | (crc << 17)) + 0xa282ead8   (uint32 arithmetic)
#include <cstddef>
#include <cstdint>

namespace lrscope {

// CRC of `size` bytes; pass a previous result as `crc` to continue it over more bytes.
std::uint32_t crc32c(const void* data, std::size_t size, std::uint32_t crc = 0);

inline constexpr std::uint32_t kCrc32cMaskDelta = 0xa282ead8u;

constexpr std::uint32_t maskCrc32c(std::uint32_t crc) {
  return ((crc >> 15) | (crc << 17)) + kCrc32cMaskDelta;
}

constexpr std::uint32_t unmaskCrc32c(std::uint32_t masked) {
  const std::uint32_t rot = masked - kCrc32cMaskDelta;
  return (rot >> 17) | (rot << 15);
}

}  // namespace lrscope
