#pragma once
// LineReader: the lines of a text log, read in 1 MiB chunks (a file is never held whole, except a
// UTF-16 one, which is decoded to UTF-8 in memory first).
//   - Encodings: UTF-8 (a BOM is skipped), ASCII, UTF-16 LE/BE (with a BOM, or recognised by its
//     zero bytes) decoded with a warning; UTF-32 is refused with a message.
//   - Line ends: "\n", "\r\n", and lone "\r" when the file has no "\n" at all.
//   - A line longer than maxLineBytes, or one holding NUL bytes (a crashed writer's padding), is
//     skipped with a warning naming its line number; reading goes on.
#include <QFile>
#include <QString>
#include <QStringList>
#include <string_view>
#include <vector>

#include "io/warning_list.h"

namespace lrscope {

class LineReader {
 public:
  explicit LineReader(qint64 maxLineBytes = qint64(16) << 20);

  // Opens `path`; false (and error()) when it cannot be opened or its encoding is unsupported.
  bool open(const QString& path);
  // Opens the UTF-8 bytes [begin, end) of `path` (begin at a line start); line numbers count from
  // there. For reading one file in parts on several threads; a reader can be opened on one range
  // after another (its buffer is reused).
  bool openRange(const QString& path, qint64 begin, qint64 end);
  // Stops reading at byte `end` of the file (a line start, at or after position()); a later call
  // with a larger `end` reads on from there.
  void setEnd(qint64 end) {
    endLimit_ = end;
    eof_ = memory_;
  }
  qint64 position() const { return consumed_ + static_cast<qint64>(begin_); }  // next byte
  qint64 size() const { return size_; }
  bool inMemory() const { return memory_; }
  // The next line without its line end; valid until the next call. False at the end or on a read
  // error (then error() is set).
  bool next(std::string_view& line);

  // For a caller that parses lines in place (faster than next() for millions of short lines):
  // the buffered bytes from the next line on, when their lines can be read straight from them
  // (every line end "\n" or "\r\n", no NUL byte among them); empty otherwise. Lines that end
  // in it unterminated are not whole: leave them to next(), which reads on.
  std::string_view buffered() const {
    if (hasNul_ || eol_ != '\n') return {};
    return {buffer_.data() + begin_, end_ - begin_};
  }
  // The first `bytes` of buffered(), `count` whole lines with their line ends, have been read.
  void consumeLines(std::size_t bytes, qint64 count) {
    begin_ += bytes;
    lineNumber_ += count;
    unterminated_ = false;
  }

  qint64 lineNumber() const { return lineNumber_; }  // 1-based, of the line last returned
  // The line last returned ran to the end of the file without a line end (a cut-off last line?).
  bool lastLineUnterminated() const { return unterminated_; }
  double fraction() const;  // share of the file consumed, for progress
  // The start of the text (up to 1 MiB, decoded, without a BOM), for sniffing; valid after open().
  QByteArray head() const;
  // Lines in the whole file, estimated from the head's line lengths (0 when unknown).
  qint64 estimatedLines() const;
  const QString& error() const { return error_; }
  QString encoding() const { return encoding_; }
  const WarningList& warnings() const { return warnings_; }

 private:
  bool fill();  // reads the next chunk behind the unconsumed bytes; false at the end
  bool decodeUtf16(bool bigEndian);

  QFile file_;
  QString path_;
  qint64 maxLine_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;  // unconsumed bytes are buffer_[begin_, end_)
  std::size_t end_ = 0;
  std::size_t textStart_ = 0;  // after a BOM
  qint64 consumed_ = 0;        // bytes consumed before buffer_[0]
  qint64 size_ = 0;
  qint64 endLimit_ = -1;  // stop reading here (-1: the end of the file)
  bool eof_ = false;
  bool memory_ = false;  // whole decoded text in buffer_
  bool unterminated_ = false;
  bool hasNul_ = true;  // the buffered bytes may hold a NUL: lines are checked one by one
  char eol_ = '\n';
  qint64 lineNumber_ = 0;
  QString encoding_ = QStringLiteral("UTF-8");
  QString error_;
  WarningList warnings_;
};

// A file's first bytes as UTF-8: UTF-16 (BOM or zero-byte pattern) decoded, a UTF-8 BOM dropped.
QByteArray textHead(const QByteArray& firstBytes);

// True when `bytes` (a file's first bytes) look like binary data rather than text: a NUL byte
// outside a UTF-16 pattern, or many control characters. `where` gets the offset of the first one.
bool looksBinary(const QByteArray& bytes, qint64* where = nullptr);

}  // namespace lrscope
