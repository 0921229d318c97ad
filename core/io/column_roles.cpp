#include "io/column_roles.h"

#include <QRegularExpression>

namespace lrscope {

namespace {

bool isOneOf(const QString& lower, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (lower == QLatin1String(n)) return true;
  return false;
}

}  // namespace

QString canonicalSeriesName(const QString& key) {
  const QString k = key.trimmed().toLower();
  static const QRegularExpression lr(QStringLiteral(
      R"(^((train|training|optim|optimizer)[/_.])?(lr|learning[_ ]?rate)$|^lr-[\w.-]+$)"));
  if (lr.match(k).hasMatch()) return QStringLiteral("lr");
  if (isOneOf(k, {"loss", "train_loss", "train/loss", "train.loss", "training_loss", "train loss",
                  "lm loss", "lm_loss", "loss/train", "train/lm_loss", "trainer/loss"}))
    return QStringLiteral("loss");
  if (isOneOf(k, {"val_loss", "val/loss", "val.loss", "valid_loss", "valid/loss", "validation_loss",
                  "validation/loss", "validation loss", "eval_loss", "eval/loss", "eval.loss",
                  "loss/val", "loss/valid", "loss/validation", "val loss", "eval loss",
                  "val/lm_loss", "lm loss validation"}))
    return QStringLiteral("val/loss");
  if (isOneOf(k, {"grad_norm", "grad norm", "gradnorm", "train/grad_norm", "gradient_norm",
                  "grad-norm", "train/gradient_norm"}))
    return QStringLiteral("grad_norm");
  return key.trimmed();
}

ColumnAssignment assignColumn(const QString& key) {
  const QString k = key.trimmed().toLower();
  if (isOneOf(k, {"step", "steps", "_step", "iter", "iters", "iteration", "iterations", "it",
                  "global_step", "globalstep", "global step", "trainer/global_step",
                  "train/global_step", "train/step", "num_steps", "num_updates"}))
    return {ColumnRole::Step, {}};
  if (isOneOf(k, {"wall_time", "walltime", "timestamp", "_timestamp", "unix_time"}))
    return {ColumnRole::WallTime, {}};
  if (isOneOf(k, {"run", "run_name", "run_id", "runid", "run name"})) return {ColumnRole::Run, {}};
  return {ColumnRole::Series, canonicalSeriesName(key)};
}

ColumnAssignment assignColumn(const QString& key, const ColumnRoles& overrides) {
  auto it = overrides.constFind(key);
  if (it == overrides.cend()) {
    for (it = overrides.cbegin(); it != overrides.cend(); ++it)
      if (it.key().compare(key.trimmed(), Qt::CaseInsensitive) == 0) break;
  }
  if (it == overrides.cend()) return assignColumn(key);
  const QString role = it.value().trimmed();
  if (role == QLatin1String("step")) return {ColumnRole::Step, {}};
  if (role == QLatin1String("wall_time")) return {ColumnRole::WallTime, {}};
  if (role == QLatin1String("run")) return {ColumnRole::Run, {}};
  if (role == QLatin1String("ignore")) return {ColumnRole::Ignore, {}};
  return {ColumnRole::Series, role};
}

bool parseColumnRoles(const QStringList& texts, ColumnRoles& roles, QString& error) {
  for (const QString& text : texts) {
    const qsizetype eq = text.lastIndexOf(QLatin1Char('='));
    if (eq <= 0 || eq == text.size() - 1) {
      error = QStringLiteral(
                  "'%1': expected COLUMN=ROLE (ROLE: step, wall_time, run, ignore or a "
                  "series name)")
                  .arg(text);
      return false;
    }
    roles.insert(text.left(eq), text.mid(eq + 1));
  }
  return true;
}

}  // namespace lrscope
