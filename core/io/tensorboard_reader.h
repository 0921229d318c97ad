#pragma once
// TensorBoard event files (`events.out.tfevents.*`): one file, or a folder tree where every folder
// holding event files is one run (named by its path relative to the folder given, like
// TensorBoard), its files read in name order. Each file is a TFRecord stream (io/tfrecord.h) of
// Event protobufs (io/tensorboard_event.h); every scalar summary value becomes a point
// (step, value, wall_time) of its tag's series.
//   - A truncated or corrupt record (bad length/data CRC) ends that file's reading with a warning
//     naming file, record and byte offset; the records before it are kept.
//   - A record with intact framing but an undecodable Event is skipped with a warning.
//   - Series are named by canonicalSeriesName(tag) ("train/loss" -> "loss", key "train/loss"), or
//     by the tag itself when another tag already took that name. Restarts, repeated steps and
//     NaN/inf are resolved and reported by RunBuilder (io/series_builder.h), TensorBoard's way.
// Fails only when nothing could be read (no event file, no file with a readable record, or no
// scalar while something went wrong) or on cancel (kCancelledMessage). Reads in 1 MiB chunks;
// progress is the fraction of bytes consumed over all files.
#include "io/log_reader.h"

namespace lrscope {

class TensorBoardReader : public LogReader {
 public:
  QString name() const override { return QStringLiteral("tensorboard"); }
  // 1 for a file named *tfevents*, 0.9 for a folder holding such files directly, 0.8 for bytes
  // starting with a TFRecord header whose length CRC matches; else 0.
  double canRead(const QString& path, const QByteArray& firstBytes) const override;
  Result<std::vector<Run>> read(const QString& path, const Progress& progress) const override;
};

}  // namespace lrscope
