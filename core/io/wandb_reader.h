#pragma once
// Weights & Biases exports.
// WandbCsvReader: a chart panel's "Export -> CSV": header "Step","<run> - <key>",
//   "<run> - <key>__MIN","<run> - <key>__MAX", ...; grouped runs read "Group: <name> - <key>".
//   The first column is the x value (the step). Every other header splits at its last " - " into
//   run and key; a __MIN/__MAX suffix gives the band series "<key>__MIN"/"<key>__MAX"; a
//   "<run> - _step" column, when present, is that run's own step. Blank cells: no point of that
//   run at that step. Keys map to canonical names (train/loss -> loss). Exports are sampled by
//   W&B (not the full history): export with run.scan_history() for every point.
// WandbJsonlReader: one JSON object per line (wandb-history.jsonl or a user's scan_history dump):
//   `_step` is the step (else the line's index, warned), `_timestamp` the wall time; every other
//   numeric key is a series ('.'-joined for nested objects); system keys (`_runtime`, ...), media
//   objects (with `_type`), strings and nulls are left out. NaN/Infinity are kept as values.
#include "io/column_roles.h"
#include "io/log_reader.h"

namespace lrscope {

class WandbCsvReader : public LogReader {
 public:
  QString name() const override { return QStringLiteral("wandb-csv"); }
  double canRead(const QString& path, const QByteArray& firstBytes) const override;
  Result<std::vector<Run>> read(const QString& path, const Progress& progress) const override;
};

class WandbJsonlReader : public LogReader {
 public:
  QString name() const override { return QStringLiteral("wandb-jsonl"); }
  double canRead(const QString& path, const QByteArray& firstBytes) const override;
  Result<std::vector<Run>> read(const QString& path, const Progress& progress) const override;
};

}  // namespace lrscope
