#pragma once
// What a column (CSV, Lightning, W&B) or a key (JSONL, trainer_state, text logs) holds, recognised
// by name, case-insensitively (docs/log-formats.md lists them):
//   step       step, steps, iter, iteration, global_step, _step, trainer/global_step, ...
//   wall time  wall_time, walltime, timestamp, _timestamp (seconds since the epoch)
//   run        run, run_name, run_id (long-format files: one run per distinct value)
//   series     everything else; well-known keys get one canonical name so runs from different
//              tools overlay: lr (lr, learning_rate, lr-AdamW, train/lr, ...), loss (train_loss,
//              train/loss, lm loss, ...), val/loss (val_loss, eval_loss, eval/loss, ...),
//              grad_norm (grad norm, train/grad_norm, ...).
// ColumnRoles overrides this per column name: "step", "wall_time", "run", "ignore", or the name
// of the series the column feeds ("mylr=lr").
#include <QHash>
#include <QString>
#include <QStringList>

namespace lrscope {

enum class ColumnRole { Series, Step, WallTime, Run, Ignore };

using ColumnRoles = QHash<QString, QString>;

struct ColumnAssignment {
  ColumnRole role = ColumnRole::Series;
  QString series;  // canonical series name for ColumnRole::Series
};

// The role of `key` by its name alone.
ColumnAssignment assignColumn(const QString& key);
// The role of `key`, from `overrides` when it names the key (exactly, else ignoring case).
ColumnAssignment assignColumn(const QString& key, const ColumnRoles& overrides);
// "lr", "loss", "val/loss", "grad_norm" for a well-known key, else the key itself.
QString canonicalSeriesName(const QString& key);

// Parses "column=role" texts (the command line's --column); errors name the bad text.
bool parseColumnRoles(const QStringList& texts, ColumnRoles& roles, QString& error);

}  // namespace lrscope
