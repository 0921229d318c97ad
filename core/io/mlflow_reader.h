#pragma once
// MlflowReader: MLflow's file store (`mlruns/<experiment>/<run>/metrics/<key>`).
//   - A path may be an mlruns folder (every experiment in it, `.trash` and `models` left out), an
//     experiment folder (meta.yaml + run folders), a run folder (meta.yaml + metrics/), or one
//     metric file inside a run's metrics/ (that metric alone).
//   - Each metric file is one series named by its path under metrics/ (keys with '/' are
//     sub-folders: metrics/train/loss is "train/loss", then mapped to its canonical name, here
//     "loss"). A line is `timestamp value step` (milliseconds since the epoch, Python float repr
//     such as 1e-05, nan or inf, integer step); the legacy `timestamp value` form has step 0;
//     other lines, and a last line without a line end (being written), are skipped with a warning
//     naming file and line.
//   - Runs are named "<experiment name>/<run name>" from meta.yaml (`name:`, `run_name:`), else
//     the folder names; runs whose meta.yaml says `lifecycle_stage: deleted` are left out.
#include "io/log_reader.h"

namespace lrscope {

class MlflowReader : public LogReader {
 public:
  QString name() const override { return QStringLiteral("mlflow"); }
  double canRead(const QString& path, const QByteArray& firstBytes) const override;
  Result<std::vector<Run>> read(const QString& path, const Progress& progress) const override;
};

}  // namespace lrscope
