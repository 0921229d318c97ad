#pragma once
// Streaming TFRecord reader. Each record is (all little-endian):
//   uint64 length | uint32 masked_crc32c(length bytes) | data[length] | uint32 masked_crc32c(data)
// The file is read in chunks (1 MiB by default), never whole. A length is trusted only after its
// CRC matches and only up to the bytes left in the file, so a corrupt length cannot make the reader
// allocate more than the file holds.
#include <QIODevice>
#include <QString>
#include <cstdint>
#include <span>
#include <vector>

namespace lrscope {

class TfRecordReader {
 public:
  enum class Status {
    Record,     // `record` holds the next record's data
    End,        // clean end of the file
    Truncated,  // the file ends inside a record (or a length reaches past the end)
    Corrupt,    // a length or data CRC does not match
    IoError
  };

  // `device` must be open for reading; `size` is its length in bytes. Chunks are `chunkSize` bytes,
  // or the file's size when it is smaller (at least 16).
  TfRecordReader(QIODevice& device, qint64 size, std::size_t chunkSize = 1 << 20);

  // Reads the next record. The span stays valid until the next call.
  Status next(std::span<const unsigned char>& record);

  // For Truncated / Corrupt / IoError: "record 3 at byte 120: data CRC mismatch (...)".
  const QString& error() const { return error_; }
  qint64 offset() const { return offset_; }             // bytes consumed so far
  std::size_t recordsRead() const { return records_; }  // complete, checked records so far

 private:
  bool fill(std::size_t bytes);  // makes `bytes` bytes available at pos_; false at end of file
  Status failWith(Status status, const QString& what);
  Status truncated(std::uint64_t length, qint64 left);

  QIODevice& device_;
  qint64 size_;
  std::size_t chunkSize_;
  std::vector<unsigned char> buffer_;
  std::size_t pos_ = 0;  // first unread byte in buffer_
  std::size_t end_ = 0;  // one past the last valid byte in buffer_
  qint64 offset_ = 0;    // file offset of buffer_[pos_]
  std::size_t records_ = 0;
  bool ioFailed_ = false;
  QString error_;
};

}  // namespace lrscope
