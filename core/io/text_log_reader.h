#pragma once
// TextLogReader: plain-text console logs read through the patterns of io/text_log_patterns.h
// (nanoGPT, Megatron-LM, torchtitan, Hugging Face console dicts). Lines no pattern matches are
// ignored; a last line without a line end (cut off or being written) is skipped with a warning.
// The run is named after the file. Detected when a pattern matches a line among the
// file's first 64 KiB.
#include "io/log_reader.h"

namespace lrscope {

class TextLogReader : public LogReader {
 public:
  QString name() const override { return QStringLiteral("text"); }
  double canRead(const QString& path, const QByteArray& firstBytes) const override;
  Result<std::vector<Run>> read(const QString& path, const Progress& progress) const override;
};

}  // namespace lrscope
