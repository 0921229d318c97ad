// lrscope inspect PATH... : what LRScope reads from training logs, per run.
#include <QJsonArray>
#include <QJsonObject>

#include "cli.h"
#include "common/number_format.h"
#include "io/log_registry.h"
#include "io/schedule_inference.h"
#include "io/series_stats.h"

namespace lrscope::cli {

namespace {

const char* kInspectUsage =
    "usage: lrscope inspect PATH... [--format NAME] [--column COLUMN=ROLE]... [--infer-lr]\n"
    "                       [--total-steps N]\n"
    "  PATH: a log file or a folder (walked; mlruns trees and run folders are read whole)\n"
    "  --format NAME       read every PATH as NAME (csv, lightning, wandb-csv, wandb-jsonl,\n"
    "                      hf-trainer-state, mlflow, tensorboard, text)\n"
    "  --column C=ROLE     column C is the step, wall_time, run, ignore, or feeds series ROLE\n"
    "  --infer-lr          also name the schedule closest to each run's lr series\n"
    "  --total-steps N     the schedule's length, for --infer-lr\n";

QString pad(const QString& text, int width) {
  return text.leftJustified(width);
}

QString valueText(const QJsonValue& v) {
  if (v.isDouble()) return exactNumber(v.toDouble());
  if (!v.isArray()) return v.toString();
  QStringList items;
  for (const QJsonValue& item : v.toArray()) items << valueText(item);
  return items.join(QLatin1Char(','));
}

// The inferred schedule as `lrscope schedule make` takes it: key=value, warmup details left out.
QString parameterText(const Schedule& schedule) {
  static const QStringList kLeftOut = {"family", "num_cycles", "warmup_convention", "warmup_shape",
                                       "warmup_start_factor"};
  QStringList parts;
  const QJsonObject json = schedule.toJson();
  for (auto it = json.begin(); it != json.end(); ++it)
    if (!kLeftOut.contains(it.key())) parts << it.key() + QLatin1Char('=') + valueText(it.value());
  return parts.join(QLatin1Char(' '));
}

void printRun(const Run& run, bool inferLr, std::int64_t totalSteps) {
  out() << "run " << run.name << "  (" << run.format << ": " << run.source << ")\n";
  const QStringList header = {"series", "points", "steps", "interval",
                              "gaps",   "NaN",    "inf",   "restarts"};
  int nameWidth = 6;
  for (const Series& s : run.series)
    nameWidth = std::max(nameWidth, static_cast<int>(s.name.size()));
  out() << "  " << pad(header[0], nameWidth) << "  " << pad(header[1], 8) << pad(header[2], 20)
        << pad(header[3], 10) << pad(header[4], 6) << pad(header[5], 6) << pad(header[6], 6)
        << header[7] << "\n";
  for (const Series& s : run.series) {
    const SeriesStats st = seriesStats(s);
    out() << "  " << pad(s.name, nameWidth) << "  " << pad(QString::number(st.points), 8)
          << pad(QStringLiteral("%1..%2").arg(st.firstStep).arg(st.lastStep), 20)
          << pad(QString::number(st.interval), 10) << pad(QString::number(st.gaps), 6)
          << pad(QString::number(st.nan), 6) << pad(QString::number(st.inf), 6) << st.restarts
          << "\n";
  }
  for (const Series& s : run.series) {
    const SeriesStats st = seriesStats(s);
    if (st.gaps > 0)
      out() << "  gaps in " << s.name << ": " << st.gaps << ", widest " << st.largestGapFrom << ".."
            << st.largestGapTo << "\n";
    if (st.restarts > 0)
      out() << "  restarts in " << s.name << ": " << st.restarts << ", " << st.replacedPoints
            << " points replaced\n";
  }
  if (inferLr) {
    if (const Series* lr = run.find(QStringLiteral("lr"))) {
      const Result<ScheduleFit> fit = inferSchedule(*lr, {totalSteps});
      if (fit.ok())
        out() << "  lr schedule: " << fit->schedule.family() << " " << parameterText(fit->schedule)
              << "  (residual: rms " << QString::number(fit->relativeRms, 'g', 3)
              << " of the peak)\n";
      else
        out() << "  lr schedule: " << fit.error() << "\n";
    } else {
      out() << "  lr schedule: no lr series\n";
    }
  }
  if (!run.warnings.isEmpty()) {
    out() << "  warnings:\n";
    for (const QString& w : run.warnings) out() << "    " << w << "\n";
  }
}

}  // namespace

int runInspect(const QStringList& args) {
  QStringList paths, columns;
  ReadOptions options;
  bool inferLr = false;
  std::int64_t totalSteps = 0;
  for (qsizetype i = 0; i < args.size(); ++i) {
    const QString& a = args[i];
    const bool hasValue = i + 1 < args.size();
    if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
      out() << kInspectUsage;
      return 0;
    } else if (a == QLatin1String("--format") && hasValue) {
      options.format = args[++i];
    } else if (a == QLatin1String("--column") && hasValue) {
      columns << args[++i];
    } else if (a == QLatin1String("--infer-lr")) {
      inferLr = true;
    } else if (a == QLatin1String("--total-steps") && hasValue) {
      bool ok = false;
      totalSteps = args[++i].toLongLong(&ok);
      if (!ok || totalSteps <= 0)
        return fail(QStringLiteral("--total-steps: '%1' is not a positive integer").arg(args[i]),
                    2);
    } else if (a.startsWith(QLatin1String("--"))) {
      err() << kInspectUsage;
      return fail(QStringLiteral("inspect: unknown or incomplete option '%1'").arg(a), 2);
    } else {
      paths << a;
    }
  }
  if (paths.isEmpty()) {
    err() << kInspectUsage;
    return fail(QStringLiteral("inspect: give at least one log file or folder"), 2);
  }
  QString error;
  if (!parseColumnRoles(columns, options.columns, error))
    return fail(QStringLiteral("--column ") + error, 2);

  const LoadedLogs logs = readLogs(paths, {}, options);
  for (std::size_t i = 0; i < logs.runs.size(); ++i) {
    if (i > 0) out() << "\n";
    printRun(logs.runs[i], inferLr, totalSteps);
  }
  if (!logs.skipped.isEmpty()) {
    out() << "\nskipped (format not recognised): " << logs.skipped.size() << "\n";
    for (const QString& s : logs.skipped) out() << "  " << s << "\n";
  }
  out().flush();
  for (const QString& e : logs.errors) err() << "lrscope: " << e << Qt::endl;
  if (!logs.errors.isEmpty()) return 1;
  if (logs.runs.empty()) return fail(QStringLiteral("inspect: no run found"));
  return 0;
}

}  // namespace lrscope::cli
