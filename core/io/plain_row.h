#pragma once
// The fast path of the table readers: one plain row parsed straight from a text buffer.
#include <fast_float/fast_float.h>
#include <charconv>
#include <cstdint>
#include <vector>

#include "io/decimal_digits.h"

namespace lrscope {

// The common row, parsed in one pass without splitting. [p, end) is buffered text from a line
// start on; the row must end in "\n" or "\r\n" before `end`: returns the byte after that, or
// null, which sends the row to the general path (that also reports what is wrong with it).
//   - Exactly `width` fields, each used one empty or a number read whole: steps by
//     std::from_chars, values by readPlainDecimal or else fast_float (no '+', blanks or quotes).
//   - `used`: 0 skip the field, 1 a number, 2 a step (an integer; "100.0" goes to the general
//     path).
//   - `integral`: per column, whether its cells have been plain integers so far (read those
//     eight digits at a time; a column's first other cell sends it to the decimal readers).
inline const char* parsePlainRow(const char* p, const char* end, char delimiter,
                                 const std::vector<char>& used, std::vector<double>& numbers,
                                 std::vector<std::int64_t>& steps, std::vector<char>& present,
                                 std::vector<char>& integral) {
  // The delimiter, or a control byte up to '\r' (a line end; a tab or the like in a field makes
  // the delimiter check after it fail, which sends the row to the general path).
  const auto fieldEnd = [delimiter](char ch) {
    return ch == delimiter || static_cast<unsigned char>(ch) <= '\r';
  };
  const std::size_t width = used.size();
  // Raw pointers: the compiler need not reload the vectors' data after each byte stored.
  const char* const use = used.data();
  char* const has = present.data();
  char* const plainInteger = integral.data();
  double* const number = numbers.data();
  std::int64_t* const step = steps.data();
  for (std::size_t c = 0; c < width; ++c) {
    if (c > 0) {
      if (p == end || *p != delimiter) return nullptr;
      ++p;
    }
    if (p == end || fieldEnd(*p)) {
      has[c] = 0;
      continue;
    }
    if (!use[c]) {  // short fields: a plain loop beats memchr's call
      while (p != end && !fieldEnd(*p)) ++p;
      has[c] = 0;
      continue;
    }
    if (plainInteger[c]) {
      std::uint64_t digits = 0;
      const int n = readDigits(p, end, digits);
      if (p + n == end) return nullptr;  // the row goes on past the buffer
      const bool whole = n > 0 && fieldEnd(p[n]);
      if (whole && n <= (use[c] == 2 ? 18 : 15)) {  // 15 digits: below 2^53, exact as a double
        if (use[c] == 2)
          step[c] = static_cast<std::int64_t>(digits);
        else
          number[c] = static_cast<double>(digits);
        p += n;
        has[c] = 1;
        continue;
      }
      plainInteger[c] = 0;
    }
    if (use[c] == 2) {
      const auto [next, error] = std::from_chars(p, end, step[c]);
      if (error != std::errc()) return nullptr;
      p = next;
    } else if (!readPlainDecimal(p, end, number[c])) {
      const auto [next, error] = fast_float::from_chars(p, end, number[c]);
      if (error != std::errc()) return nullptr;
      p = next;
    }
    has[c] = 1;
  }
  if (p != end && *p == '\n') return p + 1;
  if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') return p + 2;
  return nullptr;
}

}  // namespace lrscope
