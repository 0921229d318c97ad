#include "io/delimited_text.h"

#include <QUtf8StringView>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace lrscope {

namespace {

bool isBlank(char c) {
  return c == ' ' || c == '\t';
}

bool isDigit(char c) {
  return static_cast<unsigned char>(c - '0') < 10;
}

// Eight ASCII digits at once (SWAR, as in fast_float): whether p[0..7] are all digits, and their
// value.
bool eightDigits(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return ((v & 0xF0F0F0F0F0F0F0F0) | (((v + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4)) ==
         0x3333333333333333;
}

std::uint32_t eightDigitValue(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  v -= 0x3030303030303030;
  v = (v * 10) + (v >> 8);
  v = (((v & 0x000000FF000000FF) * 0x000F424000000064) +
       (((v >> 16) & 0x000000FF000000FF) * 0x0000271000000001)) >>
      32;
  return static_cast<std::uint32_t>(v);
}

// Appends the digits at p to m (at most 19 in all); false when there are more.
bool readDigits(const char*& p, const char* end, std::uint64_t& m, int& digits, int& exp10,
                bool fraction) {
  while (end - p >= 8 && digits <= 11 && eightDigits(p)) {
    m = m * 100000000 + eightDigitValue(p);
    p += 8;
    digits += 8;
    if (fraction) exp10 -= 8;
  }
  for (; p != end && isDigit(*p); ++p) {
    if (++digits > 19) return false;
    m = m * 10 + static_cast<unsigned>(*p - '0');
    if (fraction) --exp10;
  }
  return true;
}

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

#if (defined(__x86_64__) || defined(__i386__)) && LDBL_MANT_DIG == 64
#define LRSCOPE_X87_EXTENDED 1
constexpr int kMaxExtendedPow10 = 27;  // 10^27 = 2^27 * 5^27 and 5^27 < 2^64: exact
struct ExtendedPowers {
  long double p[kMaxExtendedPow10 + 1];
  constexpr ExtendedPowers() : p() {
    long double x = 1.0L;
    for (int i = 0; i <= kMaxExtendedPow10; ++i, x *= 10.0L) p[i] = x;
  }
};
constexpr ExtendedPowers kPow10Extended;
#endif

}  // namespace

std::vector<std::string_view> sampleLines(const QByteArray& bytes, int maxLines) {
  std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const char eol =
      text.find('\n') == std::string_view::npos && text.find('\r') != std::string_view::npos ? '\r'
                                                                                             : '\n';
  std::vector<std::string_view> lines;
  while (!text.empty() && static_cast<int>(lines.size()) < maxLines) {
    const std::size_t end = text.find(eol);
    std::string_view line = text.substr(0, end);
    if (end == std::string_view::npos && !lines.empty() && bytes.size() >= 65536) break;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!isComment(line)) lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
  return s;
}

bool isComment(std::string_view line) {
  line = trimmed(line);
  return line.empty() || line.front() == '#';
}

bool splitFields(std::string_view line, char delimiter, std::vector<std::string_view>& fields,
                 std::string& scratch) {
  fields.clear();
  if (delimiter == kBlankRuns) {
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && isBlank(line[i])) ++i;
      if (i == line.size()) break;
      const std::size_t start = i;
      while (i < line.size() && !isBlank(line[i])) ++i;
      fields.push_back(line.substr(start, i - start));
    }
    return true;
  }
  if (!std::memchr(line.data(), '"', line.size())) {  // fast path: no quotes
    const char* p = line.data();
    const char* end = p + line.size();
    for (;;) {
      const char* d =
          static_cast<const char*>(std::memchr(p, delimiter, static_cast<std::size_t>(end - p)));
      if (!d) {
        fields.emplace_back(p, static_cast<std::size_t>(end - p));
        return true;
      }
      fields.emplace_back(p, static_cast<std::size_t>(d - p));
      p = d + 1;
    }
  }
  scratch.clear();
  scratch.reserve(line.size());  // views into scratch stay valid: it never reallocates
  std::size_t i = 0;
  for (;;) {
    std::size_t j = i;
    while (j < line.size() && isBlank(line[j])) ++j;
    if (j < line.size() && line[j] == '"') {
      const std::size_t start = scratch.size();
      bool closed = false;
      for (++j; j < line.size(); ++j) {
        if (line[j] != '"') {
          scratch.push_back(line[j]);
        } else if (j + 1 < line.size() && line[j + 1] == '"') {
          scratch.push_back('"');
          ++j;
        } else {
          closed = true;
          ++j;
          break;
        }
      }
      fields.emplace_back(scratch.data() + start, scratch.size() - start);
      if (!closed) return false;
      const std::size_t d = line.find(delimiter, j);  // text after the closing quote is dropped
      if (d == std::string_view::npos) return true;
      i = d + 1;
    } else {
      const std::size_t d = line.find(delimiter, i);
      fields.push_back(
          line.substr(i, d == std::string_view::npos ? std::string_view::npos : d - i));
      if (d == std::string_view::npos) return true;
      i = d + 1;
    }
  }
}

const char* scanDecimal(const char* p, const char* end, double& value) {
  bool negative = false;
  if (p != end && (*p == '-' || *p == '+')) negative = *p++ == '-';
  std::uint64_t m = 0;
  int digits = 0, exp10 = 0;
  const char* start = p;
  while (p != end && *p == '0') ++p;
  if (!readDigits(p, end, m, digits, exp10, false)) return nullptr;
  bool any = p != start;
  if (p != end && *p == '.') {
    const char* fraction = ++p;
    if (digits == 0)
      for (; p != end && *p == '0'; ++p) --exp10;
    if (!readDigits(p, end, m, digits, exp10, true)) return nullptr;
    any = any || p != fraction;
  }
  if (!any) return nullptr;
  if (p != end && (*p == 'e' || *p == 'E')) {
    ++p;
    bool negativeExponent = false;
    if (p != end && (*p == '-' || *p == '+')) negativeExponent = *p++ == '-';
    if (p == end || !isDigit(*p)) return nullptr;
    int e = 0;
    for (; p != end && isDigit(*p); ++p)
      if (e < 100000) e = e * 10 + (*p - '0');
    exp10 += negativeExponent ? -e : e;
  }
  double v = 0.0;
  if (m == 0) {
    v = 0.0;
  } else if (m <= (std::uint64_t(1) << 53) && exp10 >= -22 && exp10 <= 22) {
    v = exp10 < 0 ? static_cast<double>(m) / kPow10[-exp10]
                  : static_cast<double>(m) * kPow10[exp10];
#ifdef LRSCOPE_X87_EXTENDED
  } else if (exp10 >= -kMaxExtendedPow10 && exp10 <= kMaxExtendedPow10) {
    const long double x = exp10 < 0 ? static_cast<long double>(m) / kPow10Extended.p[-exp10]
                                    : static_cast<long double>(m) * kPow10Extended.p[exp10];
    std::uint64_t significand = 0;
    std::memcpy(&significand, &x, sizeof significand);
    if ((significand & 0x7FF) == 0x400) return nullptr;  // on a double midpoint: could double-round
    v = static_cast<double>(x);
#endif
  } else {
    return nullptr;
  }
  value = negative ? -v : v;
  return p;
}

bool parseNumber(std::string_view field, double& value) {
  std::string_view s = trimmed(field);
  if (s.empty()) return false;
  const char* end = s.data() + s.size();
  if (scanDecimal(s.data(), end, value) == end) return true;
  if (s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  const auto [ptr, ec] = std::from_chars(s.data(), end, value);
  if (ptr != end) return false;
  if (ec == std::errc::result_out_of_range) {  // 1e999 -> inf, 1e-999 -> 0, as strtod does
    value = std::strtod(std::string(s).c_str(), nullptr);
    return true;
  }
  return ec == std::errc();
}

bool parseStep(std::string_view field, std::int64_t& step) {
  std::string_view s = trimmed(field);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  const char* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, step);
  if (ec == std::errc() && ptr == end) return true;
  double x = 0.0;
  if (!parseNumber(s, x) || !std::isfinite(x) || x != std::floor(x) || std::abs(x) > 9.0e15)
    return false;
  step = static_cast<std::int64_t>(x);
  return true;
}

QString fieldText(std::string_view field) {
  QString text = QString::fromUtf8(field.data(), static_cast<qsizetype>(field.size()));
  if (text.size() > 40) text = text.left(37) + QStringLiteral("...");
  return text;
}

QStringList decodeNames(const std::vector<std::string_view>& fields, bool* latin1) {
  bool valid = true;
  for (std::string_view f : fields)
    valid = valid && QUtf8StringView(f.data(), static_cast<qsizetype>(f.size())).isValidUtf8();
  if (latin1) *latin1 = !valid;
  QStringList names;
  for (std::string_view f : fields) {
    f = trimmed(f);
    const auto n = static_cast<qsizetype>(f.size());
    names << (valid ? QString::fromUtf8(f.data(), n) : QString::fromLatin1(f.data(), n));
  }
  return names;
}

bool sniffDialect(const QByteArray& firstBytes, TextDialect& dialect) {
  const std::vector<std::string_view> lines = sampleLines(firstBytes, 20);
  if (lines.empty()) return false;
  std::vector<std::string_view> fields;
  std::string scratch;
  int bestFields = 1;
  char best = ',';
  for (const char d : {'\t', ',', ';', '|', kBlankRuns}) {
    // Every line splits like the first; the last may have fewer fields (a cut-off line).
    splitFields(lines.front(), d, fields, scratch);
    const int count = static_cast<int>(fields.size());
    bool consistent = true;
    for (std::size_t i = 1; i < lines.size() && consistent; ++i) {
      splitFields(lines[i], d, fields, scratch);
      const int n = static_cast<int>(fields.size());
      consistent = i + 1 == lines.size() ? n <= count : n == count;
    }
    if (consistent && count > bestFields) {
      bestFields = count;
      best = d;
    }
    if (d == '|' && bestFields > 1) break;  // blank runs only when no delimiter splits the lines
  }
  dialect.delimiter = best;
  splitFields(lines.front(), best, fields, scratch);
  dialect.columns = static_cast<int>(fields.size());
  dialect.header = false;
  double x = 0.0;
  for (std::string_view f : fields)
    if (!trimmed(f).empty() && !parseNumber(f, x)) dialect.header = true;
  return true;
}

}  // namespace lrscope
