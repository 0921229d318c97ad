#pragma once
// The leading decimal digits of a field, eight at a time: one 8-byte load, a mask of the bytes
// that are not digits, and three multiplications turn up to eight digits into their value (the
// SWAR technique of fast_float and simdjson). Integer columns of a CSV (steps, token counts) read
// this way take a third of the time of a float parser's byte-by-byte loop.
#include <fast_float/fast_float.h>
#include <cstdint>
#include <cstring>

namespace lrscope {

namespace detail {

// Eight digit values (0..9 each, the first one in the lowest byte) as one number.
inline std::uint32_t eightDigitsValue(std::uint64_t v) {
  v = v * 10 + (v >> 8);
  return static_cast<std::uint32_t>(
      (((v & 0x000000FF000000FFull) * 0x000F424000000064ull) +
       (((v >> 16) & 0x000000FF000000FFull) * 0x0000271000000001ull)) >>
      32);
}

// How many of the 8 bytes at p are digits before the first that is not (0..8); their value.
inline int leadingDigits(const char* p, std::uint32_t& value) {
  std::uint64_t chunk;
  std::memcpy(&chunk, p, 8);
  const std::uint64_t digits = chunk - 0x3030303030303030ull;
  // High bit of a byte set: below '0' or above '9'. A borrow or carry can only corrupt the bytes
  // after the first such byte, which are not used.
  const std::uint64_t other = (digits | (chunk + 0x4646464646464646ull)) & 0x8080808080808080ull;
  const int n = other ? __builtin_ctzll(other) / 8 : 8;
  value = n == 0 ? 0 : eightDigitsValue(digits << (8 * (8 - n)));
  return n;
}

}  // namespace detail

// Reads the digits '0'..'9' from p on, at most 19, stopping at the first other byte or at `end`
// (never reading at or past it); returns how many, their value in `value` (0 when none).
inline int readDigits(const char* p, const char* end, std::uint64_t& value) {
  static constexpr std::uint64_t kPow10[9] = {1,      10,      100,      1000,     10000,
                                              100000, 1000000, 10000000, 100000000};
  value = 0;
  int count = 0;
  while (count < 16 && end - p >= 8) {
    std::uint32_t part = 0;
    const int n = detail::leadingDigits(p, part);
    value = value * kPow10[n] + part;
    count += n;
    p += n;
    if (n < 8) return count;
  }
  for (; p != end && count < 19 && static_cast<unsigned char>(*p - '0') < 10; ++p, ++count)
    value = value * 10 + static_cast<std::uint64_t>(*p - '0');
  return count;
}

namespace detail {

// Reads digits from q on into m (m = 10 m + digit each; wraps past 19 digits: callers count),
// eight at a time while eight are there. A predictable branch per eight, not readDigits'
// ctz-dependent arithmetic: this is the loop of the row parser's long fractions.
inline const char* scanDigits(const char* q, const char* end, std::uint64_t& m) {
  while (end - q >= 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, q, 8);
    const std::uint64_t digits = chunk - 0x3030303030303030ull;
    if ((digits | (chunk + 0x4646464646464646ull)) & 0x8080808080808080ull) break;
    m = m * 100000000 + eightDigitsValue(digits);
    q += 8;
  }
  while (q != end && static_cast<unsigned char>(*q - '0') < 10)
    m = m * 10 + static_cast<std::uint64_t>(*q++ - '0');
  return q;
}

}  // namespace detail

// A plain decimal "[-]digits[.digits]" with at most 19 significant digits and no exponent (what
// loggers write for losses and learning rates) read from p on: its value, correctly rounded, in
// `value` and p moved past it. False (p unmoved) for anything else ("1e-4", ".5", "nan", 20
// significant digits), which fast_float::from_chars then reads. Leading zeros ("0.000299...")
// do not count. The value: Clinger's exact path (mantissa <= 2^53, at most 22 decimals: one
// division, exact in round-to-nearest, which LRScope never changes), else fast_float's
// Eisel-Lemire step on (mantissa, exponent) -- one scan of the digits, where fast_float's own
// parser scans 20+ digit strings twice.
inline bool readPlainDecimal(const char*& p, const char* end, double& value) {
  static constexpr double kPow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const char* q = p;
  const bool negative = q != end && *q == '-';
  q += negative;
  const char* first = q;
  while (q != end && *q == '0') ++q;  // leading zeros: not significant
  const char* digits = q;
  std::uint64_t mantissa = 0;
  q = detail::scanDigits(q, end, mantissa);
  if (q == first) return false;  // no digit before a '.' (or none at all)
  std::int64_t significant = q - digits, exponent = 0;
  if (q != end && *q == '.') {
    const char* fraction = ++q;
    if (significant == 0)
      while (q != end && *q == '0') ++q;  // 0.000ddd: the zeros only scale
    const char* start = q;
    q = detail::scanDigits(q, end, mantissa);
    significant += q - start;
    exponent = fraction - q;
  }
  if (significant > 19 || (q != end && (*q == 'e' || *q == 'E'))) return false;
  if (mantissa <= (std::uint64_t(1) << 53) && exponent >= -22) {
    value = static_cast<double>(mantissa) / kPow10[-exponent];
  } else {
    using Double = fast_float::binary_format<double>;
    const fast_float::adjusted_mantissa am = fast_float::compute_float<Double>(exponent, mantissa);
    if (am.power2 < 0) return false;  // too close to call from 19 digits: the full parser
    fast_float::to_float(false, am, value);
  }
  if (negative) value = -value;
  p = q;
  return true;
}

}  // namespace lrscope
