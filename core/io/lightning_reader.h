#pragma once
// LightningReader: PyTorch Lightning's CSVLogger file `<save_dir>/<name>/version_<N>/metrics.csv`.
// One row per log call, sparse (a blank cell: not logged in that call), several rows may share a
// step (they merge). The table rules are the CSV reader's (io/csv_reader.h); the run is named
// "<name>/version_<N>". Keys such as lr-AdamW map to lr, train_loss to loss, val_loss to val/loss.
#include "io/column_roles.h"
#include "io/log_reader.h"

namespace lrscope {

class LightningReader : public LogReader {
 public:
  explicit LightningReader(ColumnRoles roles = {}) : roles_(std::move(roles)) {}
  QString name() const override { return QStringLiteral("lightning"); }
  double canRead(const QString& path, const QByteArray& firstBytes) const override;
  Result<std::vector<Run>> read(const QString& path, const Progress& progress) const override;

 private:
  ColumnRoles roles_;
};

}  // namespace lrscope
