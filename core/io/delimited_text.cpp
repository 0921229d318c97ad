#include "io/delimited_text.h"

#include <fast_float/fast_float.h>
#include <QUtf8StringView>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace lrscope {

namespace {

bool isBlank(char c) {
  return c == ' ' || c == '\t';
}

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

bool parseNumber(std::string_view field, double& value) {
  std::string_view s = trimmed(field);
  if (s.empty()) return false;
  if (s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  const char* end = s.data() + s.size();
  // fast_float, like strtod, reads 1e999 as inf and 1e-999 as 0.
  const auto [ptr, ec] = fast_float::from_chars(s.data(), end, value);
  return ec == std::errc() && ptr == end;
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
