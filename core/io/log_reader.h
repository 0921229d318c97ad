#pragma once
// LogReader: one training-log format (CSV, TensorBoard, MLflow, ...). The registry
// (io/log_registry.h) asks every reader how sure it is that it can read a path and hands the path
// to the most confident one.
//   canRead(path, firstBytes): confidence in [0, 1]; 0 = not this format. `path` may be a folder
//     (then `firstBytes` is empty): a reader that reads whole folders (an mlruns tree, a
//     TensorBoard run folder, a Hugging Face output folder) claims it here. Must be cheap: name
//     checks and a look at `firstBytes` (the first kSniffBytes of a file) only.
//   read(path, progress): every run the path holds (a long-format CSV or a W&B export holds
//     several). Errors name the file, the line or record and the field. Readers poll
//     progress.cancelled() at least once per chunk and then fail with kCancelledMessage.
#include <QByteArray>
#include <QString>
#include <vector>

#include "common/progress.h"
#include "common/result.h"
#include "io/run.h"

namespace lrscope {

inline constexpr qint64 kSniffBytes = 64 * 1024;
inline const QString kCancelledMessage = QStringLiteral("cancelled");

class LogReader {
 public:
  virtual ~LogReader() = default;
  virtual QString name() const = 0;  // "csv", "tensorboard", ... (Run::format)
  virtual double canRead(const QString& path, const QByteArray& firstBytes) const = 0;
  virtual Result<std::vector<Run>> read(const QString& path, const Progress& progress) const = 0;
};

}  // namespace lrscope
