#include "io/tfrecord.h"

#include <algorithm>
#include <cstring>

#include "io/crc32c.h"

namespace lrscope {
namespace {

std::uint32_t le32(const unsigned char* p) {
  return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
         std::uint32_t(p[3]) << 24;
}

std::uint64_t le64(const unsigned char* p) {
  return std::uint64_t(le32(p + 4)) << 32 | le32(p);
}

QString hex32(std::uint32_t v) {
  return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
}

}  // namespace

TfRecordReader::TfRecordReader(QIODevice& device, qint64 size, std::size_t chunkSize)
    : device_(device),
      size_(size),
      chunkSize_(std::max<std::size_t>(
          16, std::min<std::size_t>(chunkSize, std::size_t(std::max<qint64>(size, 0))))) {}

bool TfRecordReader::fill(std::size_t bytes) {
  if (end_ - pos_ >= bytes) return true;
  if (pos_ > 0) {  // keep the unread tail, move it to the front
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  const std::size_t want = bytes > chunkSize_ ? bytes : chunkSize_;
  if (buffer_.size() < want) buffer_.resize(want);
  while (end_ < bytes) {
    const qint64 got =
        device_.read(reinterpret_cast<char*>(buffer_.data() + end_), qint64(buffer_.size() - end_));
    if (got < 0) ioFailed_ = true;
    if (got <= 0) return false;
    end_ += std::size_t(got);
  }
  return true;
}

TfRecordReader::Status TfRecordReader::failWith(Status status, const QString& what) {
  error_ = QStringLiteral("record %1 at byte %2: %3").arg(records_ + 1).arg(offset_).arg(what);
  return status;
}

TfRecordReader::Status TfRecordReader::truncated(std::uint64_t length, qint64 left) {
  return failWith(Status::Truncated,
                  QStringLiteral("the file ends inside this record (its length field says %1 data "
                                 "bytes, %2 are left): truncated, or still being written")
                      .arg(length)
                      .arg(std::max<qint64>(left, 0)));
}

TfRecordReader::Status TfRecordReader::next(std::span<const unsigned char>& record) {
  if (!fill(12)) {
    if (ioFailed_) return failWith(Status::IoError, device_.errorString());
    if (end_ == pos_) return Status::End;
    return failWith(
        Status::Truncated,
        QStringLiteral("the file ends inside this record's 12-byte header (%1 bytes are left): "
                       "truncated, or still being written")
            .arg(end_ - pos_));
  }
  const unsigned char* header = buffer_.data() + pos_;
  const std::uint64_t length = le64(header);
  const std::uint32_t lengthCrc = le32(header + 8);
  const std::uint32_t expectedLengthCrc = maskCrc32c(crc32c(header, 8));
  if (lengthCrc != expectedLengthCrc)
    return failWith(Status::Corrupt, QStringLiteral("length CRC mismatch (stored %1, computed %2)")
                                         .arg(hex32(lengthCrc), hex32(expectedLengthCrc)));
  const qint64 left = std::max<qint64>(size_ - offset_ - 16, 0);
  if (length > std::uint64_t(left)) return truncated(length, left);
  const auto total = std::size_t(length) + 16;
  if (!fill(total)) {  // the file shrank while being read
    if (ioFailed_) return failWith(Status::IoError, device_.errorString());
    return truncated(length, qint64(end_ - pos_) - 16);
  }
  const unsigned char* data = buffer_.data() + pos_ + 12;
  const std::uint32_t dataCrc = le32(data + length);
  const std::uint32_t expectedDataCrc = maskCrc32c(crc32c(data, std::size_t(length)));
  if (dataCrc != expectedDataCrc)
    return failWith(Status::Corrupt,
                    QStringLiteral("data CRC mismatch over %1 bytes (stored %2, computed %3)")
                        .arg(length)
                        .arg(hex32(dataCrc), hex32(expectedDataCrc)));
  record = std::span<const unsigned char>(data, std::size_t(length));
  pos_ += total;
  offset_ += qint64(total);
  ++records_;
  return Status::Record;
}

}  // namespace lrscope
