#include "io/line_reader.h"

#include <QStringDecoder>
#include <QUtf8StringView>
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace lrscope {

namespace {

constexpr std::size_t kChunk = std::size_t(1) << 20;
constexpr qint64 kMaxDecodedBytes = qint64(512) << 20;
const QString kBinaryLines = QStringLiteral("lines with NUL bytes skipped");
const QString kLongLines = QStringLiteral("over-long lines skipped");

bool startsWith(const char* data, std::size_t size, std::string_view prefix) {
  return size >= prefix.size() && std::memcmp(data, prefix.data(), prefix.size()) == 0;
}

// A control character that text files do not hold (NUL counts; tab, line ends, form feed and the
// escape of terminal colour codes do not).
bool isControlByte(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B;
}

// 0: not UTF-16; 1: little-endian; 2: big-endian. Mostly-ASCII text in UTF-16 without a BOM has
// a zero in (nearly) every pair, always in the same lane.
int utf16Pattern(const char* data, std::size_t size) {
  const std::size_t pairs = std::min<std::size_t>(size, 4096) / 2;
  if (pairs < 4) return 0;
  std::size_t evenZeros = 0, oddZeros = 0;
  for (std::size_t i = 0; i < pairs; ++i) {
    evenZeros += data[2 * i] == 0;
    oddZeros += data[2 * i + 1] == 0;
  }
  if (oddZeros * 10 >= pairs * 7 && evenZeros * 50 <= pairs) return 1;
  if (evenZeros * 10 >= pairs * 7 && oddZeros * 50 <= pairs) return 2;
  return 0;
}

}  // namespace

LineReader::LineReader(qint64 maxLineBytes) : maxLine_(maxLineBytes) {}

bool LineReader::open(const QString& path) {
  path_ = path;
  warnings_ = WarningList(path);
  file_.setFileName(path);
  if (!file_.open(QIODevice::ReadOnly)) {
    error_ = QStringLiteral("%1: cannot open (%2)").arg(path, file_.errorString());
    return false;
  }
  size_ = file_.size();
  fill();
  if (!error_.isEmpty()) return false;
  const char* data = buffer_.data();
  if (startsWith(data, end_, std::string_view("\xFF\xFE\0\0", 4)) ||
      startsWith(data, end_, std::string_view("\0\0\xFE\xFF", 4))) {
    error_ = QStringLiteral("%1: UTF-32 text is not supported; save the file as UTF-8").arg(path);
    return false;
  }
  if (startsWith(data, end_, "\xEF\xBB\xBF"))
    begin_ = textStart_ = 3;
  else if (startsWith(data, end_, "\xFF\xFE"))
    return decodeUtf16(false);
  else if (startsWith(data, end_, "\xFE\xFF"))
    return decodeUtf16(true);
  else if (const int pattern = utf16Pattern(data, end_))
    return decodeUtf16(pattern == 2);
  if (!std::memchr(data, '\n', end_) && std::memchr(data, '\r', end_)) eol_ = '\r';
  return true;
}

bool LineReader::openRange(const QString& path, qint64 begin, qint64 end) {
  if (file_.isOpen()) file_.close();  // a reader used for several ranges keeps its buffer
  path_ = path;
  warnings_ = WarningList(path);
  begin_ = end_ = textStart_ = 0;
  eof_ = memory_ = unterminated_ = false;
  hasNul_ = true;
  lineNumber_ = 0;
  error_.clear();
  file_.setFileName(path);
  if (!file_.open(QIODevice::ReadOnly) || !file_.seek(begin)) {
    error_ = QStringLiteral("%1: cannot open (%2)").arg(path, file_.errorString());
    return false;
  }
  size_ = end;
  consumed_ = begin;
  endLimit_ = end;
  return true;
}

bool LineReader::decodeUtf16(bool bigEndian) {
  if (size_ > kMaxDecodedBytes) {
    error_ = QStringLiteral("%1: UTF-16 text over 512 MiB is not supported; save it as UTF-8")
                 .arg(path_);
    return false;
  }
  QByteArray raw(buffer_.data(), static_cast<qsizetype>(end_));
  raw += file_.readAll();
  const bool bom = raw.startsWith(bigEndian ? "\xFE\xFF" : "\xFF\xFE");
  QStringDecoder decoder(bigEndian ? QStringDecoder::Utf16BE : QStringDecoder::Utf16LE,
                         QStringDecoder::Flag::Stateless);
  const QByteArray utf8 = QString(decoder(QByteArrayView(raw).sliced(bom ? 2 : 0))).toUtf8();
  buffer_.assign(utf8.begin(), utf8.end());
  begin_ = 0;
  end_ = buffer_.size();
  memory_ = eof_ = true;
  hasNul_ = std::memchr(buffer_.data(), '\0', end_) != nullptr;
  encoding_ = bigEndian ? QStringLiteral("UTF-16BE") : QStringLiteral("UTF-16LE");
  warnings_.add(QStringLiteral("encoding notes"), 0,
                QStringLiteral("decoded from %1").arg(encoding_));
  if (!std::memchr(buffer_.data(), '\n', end_) && std::memchr(buffer_.data(), '\r', end_))
    eol_ = '\r';
  return true;
}

bool LineReader::fill() {
  if (eof_) return false;
  const std::size_t pending = end_ - begin_;
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, pending);
    consumed_ += static_cast<qint64>(begin_);
    begin_ = 0;
    end_ = pending;
  }
  if (buffer_.size() < end_ + kChunk) buffer_.resize(end_ + kChunk);
  qint64 want = static_cast<qint64>(kChunk);
  if (endLimit_ >= 0) want = std::min(want, endLimit_ - consumed_ - static_cast<qint64>(end_));
  const qint64 n = want > 0 ? file_.read(buffer_.data() + end_, want) : 0;
  if (n < 0) {
    error_ = QStringLiteral("%1: read error (%2)").arg(path_, file_.errorString());
    eof_ = true;
    return false;
  }
  if (n == 0) {
    eof_ = true;
    return false;
  }
  end_ += static_cast<std::size_t>(n);
  hasNul_ = std::memchr(buffer_.data(), '\0', end_) != nullptr;
  return true;
}

bool LineReader::next(std::string_view& line) {
  unterminated_ = false;
  bool skipping = false;  // inside an over-long line, already counted and reported
  for (;;) {
    char* start = buffer_.data() + begin_;
    const std::size_t pending = end_ - begin_;
    const char* hit =
        pending ? static_cast<const char*>(std::memchr(start, eol_, pending)) : nullptr;
    std::size_t length = hit ? static_cast<std::size_t>(hit - start) : pending;
    if (!hit) {
      if (skipping) {
        begin_ = end_;
        if (fill()) continue;
        return false;
      }
      if (static_cast<qint64>(pending) > maxLine_) {
        ++lineNumber_;
        warnings_.add(kLongLines, lineNumber_,
                      QStringLiteral("longer than %1 MiB; skipped").arg(maxLine_ >> 20));
        skipping = true;
        begin_ = end_;
        continue;
      }
      if (fill()) continue;
      if (!error_.isEmpty() || pending == 0) return false;
      start = buffer_.data() + begin_;  // fill() moved the pending bytes to the front
      unterminated_ = true;
    }
    begin_ += length + (hit ? 1 : 0);
    if (skipping) {
      skipping = false;
      continue;
    }
    ++lineNumber_;
    if (eol_ == '\n' && length > 0 && start[length - 1] == '\r') --length;
    if (hasNul_ && std::memchr(start, '\0', length)) {
      warnings_.add(kBinaryLines, lineNumber_,
                    QStringLiteral("holds NUL bytes (binary data); skipped"));
      if (unterminated_) return false;
      continue;
    }
    line = std::string_view(start, length);
    return true;
  }
}

QByteArray LineReader::head() const {
  const std::size_t size = std::min(end_, kChunk) - std::min(end_, textStart_);
  return QByteArray(buffer_.data() + textStart_, static_cast<qsizetype>(size));
}

qint64 LineReader::estimatedLines() const {
  const std::size_t size = std::min(end_, kChunk);
  if (memory_ || size == 0) return 0;
  const auto lines = std::count(buffer_.data(), buffer_.data() + size, eol_);
  if (lines == 0) return 0;
  const double perLine = static_cast<double>(size) / static_cast<double>(lines);
  return static_cast<qint64>(1.02 * static_cast<double>(size_) / perLine) + 16;
}

QByteArray textHead(const QByteArray& firstBytes) {
  const char* data = firstBytes.constData();
  const auto size = static_cast<std::size_t>(firstBytes.size());
  if (startsWith(data, size, "\xEF\xBB\xBF")) return firstBytes.mid(3);
  int pattern = utf16Pattern(data, size);
  if (startsWith(data, size, "\xFF\xFE")) pattern = 1;
  if (startsWith(data, size, "\xFE\xFF")) pattern = 2;
  if (pattern == 0) return firstBytes;
  const bool bom = startsWith(data, size, pattern == 1 ? "\xFF\xFE" : "\xFE\xFF");
  QStringDecoder decoder(pattern == 2 ? QStringDecoder::Utf16BE : QStringDecoder::Utf16LE,
                         QStringDecoder::Flag::Stateless);
  return QString(decoder(QByteArrayView(firstBytes).sliced(bom ? 2 : 0))).toUtf8();
}

double LineReader::fraction() const {
  if (memory_) return end_ ? static_cast<double>(begin_) / static_cast<double>(end_) : 1.0;
  if (size_ <= 0) return 1.0;
  return std::min(1.0, static_cast<double>(consumed_ + static_cast<qint64>(begin_)) /
                           static_cast<double>(size_));
}

bool looksBinary(const QByteArray& bytes, qint64* where) {
  const char* data = bytes.constData();
  auto size = static_cast<std::size_t>(bytes.size());
  while (size > 0 && data[size - 1] == '\0') --size;  // a crashed writer's zero padding
  if (startsWith(data, size, "\xFF\xFE") || startsWith(data, size, "\xFE\xFF") ||
      utf16Pattern(data, size))
    return false;
  if (const void* nul = std::memchr(data, '\0', size)) {
    if (where) *where = static_cast<const char*>(nul) - data;
    return true;
  }
  // One table lookup and add per byte counts both (this runs on the first MiB of every file):
  // control characters in the low 32 bits, bytes >= 0x80 in the high ones (heads are < 4 GiB).
  static const auto kClass = [] {
    std::array<std::uint64_t, 256> table{};
    for (int c = 0; c < 256; ++c)
      table[c] = (isControlByte(static_cast<unsigned char>(c)) ? 1u : 0u) |
                 (c >= 0x80 ? std::uint64_t(1) << 32 : 0u);
    return table;
  }();
  const auto* text = reinterpret_cast<const unsigned char*>(data);
  std::uint64_t counts = 0;
  for (std::size_t i = 0; i < size; ++i) counts += kClass[text[i]];
  const std::size_t controls = counts & 0xFFFFFFFFu, high = counts >> 32;
  if (where) *where = controls == 0 ? -1 : std::find_if(text, text + size, isControlByte) - text;
  if (controls * 100 > size) return true;
  // Mostly non-ASCII bytes that are not UTF-8 (a cut-off character at the end is allowed).
  const std::size_t checked = size > 3 ? size - 3 : size;
  return high * 10 > size * 3 &&
         !QUtf8StringView(data, static_cast<qsizetype>(checked)).isValidUtf8();
}

}  // namespace lrscope
