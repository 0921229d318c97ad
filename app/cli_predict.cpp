// lrscope predict --report report.json --schedule S.json|S.csv [--steps ...] [-o pred.csv]
#include <cmath>

#include "cli.h"
#include "cli_law_input.h"
#include "common/number_format.h"
#include "fit/fit_report.h"
#include "fit/prediction_band.h"

namespace lrscope::cli {

namespace {

const char* kPredictUsage =
    "usage: lrscope predict --report report.json --schedule S.json|S.csv [--steps LIST]\n"
    "                       [--warmup-steps W] [--band observed|curve] [-o pred.csv]\n"
    "  report.json  written by `lrscope fit`, or by hand: {\"law\": \"mpl\", \"convention\":\n"
    "               \"reference\", \"parameters\": {\"L0\": 2.65, \"A\": 0.60, ...}}\n"
    "  S.json       a schedule file (`lrscope schedule make`); S.csv: a log with an lr column\n"
    "  --steps LIST comma-separated steps or FIRST:LAST[:EVERY] ranges (default: every step)\n"
    "  --band       observed (default when the report has a residual scale): the 95% interval\n"
    "               of an observed loss, parameter uncertainty plus the fit's residual scale;\n"
    "               curve: the 95% confidence band of the law's curve alone\n"
    "  output: step,lr,predicted (+ lower,upper when the report has a covariance or a residual\n"
    "          scale; a report written by hand has neither)\n";

// "10,20,100:200:50" -> 10, 20, 100, 150, 200; errors name the bad item.
Result<std::vector<std::int64_t>> parseSteps(const QString& text, std::int64_t size) {
  std::vector<std::int64_t> steps;
  for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    const QStringList parts = item.split(QLatin1Char(':'));
    std::vector<std::int64_t> v;
    for (const QString& p : parts) {
      bool ok = false;
      v.push_back(p.trimmed().toLongLong(&ok));
      if (!ok || v.back() < 0)
        return Error{QStringLiteral("--steps: '%1' is not a step or range").arg(item)};
    }
    if (parts.size() > 3 || (parts.size() == 3 && v[2] == 0) || (parts.size() > 1 && v[1] < v[0]))
      return Error{QStringLiteral("--steps: '%1' is not FIRST:LAST[:EVERY]").arg(item)};
    const std::int64_t last = parts.size() > 1 ? v[1] : v[0], every = parts.size() == 3 ? v[2] : 1;
    for (std::int64_t s = v[0]; s <= last; s += every) {
      if (s >= size)
        return Error{QStringLiteral("--steps: step %1 is past the schedule's last step %2")
                         .arg(s)
                         .arg(size - 1)};
      steps.push_back(s);
    }
  }
  if (steps.empty()) return Error{QStringLiteral("--steps: no step given")};
  return steps;
}

}  // namespace

int runPredict(const QStringList& args) {
  QString reportPath, schedulePath, stepsText, output, bandKind;
  std::int64_t warmup = -1;
  for (qsizetype i = 0; i < args.size(); ++i) {
    const QString& a = args[i];
    const bool hasValue = i + 1 < args.size();
    if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
      out() << kPredictUsage;
      return 0;
    } else if (a == QLatin1String("--report") && hasValue) {
      reportPath = args[++i];
    } else if (a == QLatin1String("--schedule") && hasValue) {
      schedulePath = args[++i];
    } else if (a == QLatin1String("--steps") && hasValue) {
      stepsText = args[++i];
    } else if (a == QLatin1String("--warmup-steps") && hasValue) {
      bool ok = false;
      warmup = args[++i].toLongLong(&ok);
      if (!ok || warmup < 0)
        return fail(QStringLiteral("--warmup-steps: '%1' is not a step count").arg(args[i]), 2);
    } else if (a == QLatin1String("--band") && hasValue) {
      bandKind = args[++i];
      if (bandKind != QLatin1String("observed") && bandKind != QLatin1String("curve"))
        return fail(QStringLiteral("--band: '%1' is not observed or curve").arg(bandKind), 2);
    } else if (a == QLatin1String("-o") && hasValue) {
      output = args[++i];
    } else {
      err() << kPredictUsage;
      return fail(QStringLiteral("predict: unknown or incomplete option '%1'").arg(a), 2);
    }
  }
  if (reportPath.isEmpty() || schedulePath.isEmpty()) {
    err() << kPredictUsage;
    return fail(QStringLiteral("predict: give --report and --schedule"), 2);
  }
  QByteArray json;
  if (!readInput(reportPath, json)) return 1;
  const auto report = parseLawReport(json, reportPath);
  if (!report) return fail(report.error());
  const auto schedule = loadLawSchedule(schedulePath, warmup);
  if (!schedule) return fail(schedule.error());
  const std::int64_t size = schedule->lr->size();
  std::vector<std::int64_t> steps;
  if (stepsText.isEmpty()) {
    for (std::int64_t s = 0; s < size; ++s) steps.push_back(s);
  } else {
    auto parsed = parseSteps(stepsText, size);
    if (!parsed) return fail(parsed.error(), 2);
    steps = std::move(parsed).value();
  }
  const bool hasScale = std::isfinite(report->residualScale);
  if (bandKind == QLatin1String("observed") && !hasScale)
    return fail(QStringLiteral("%1: --band observed needs the fit's residual scale "
                               "(objective.residual_scale), which this report does not have")
                    .arg(reportPath));
  const bool observed = bandKind.isEmpty() ? hasScale : bandKind == QLatin1String("observed");
  const auto band = predictionBand(*report->law, report->values, report->covariance, *schedule,
                                   steps, 1.96, observed ? report->residualScale : 0.0);
  if (!band) return fail(band.error());
  const bool withBand = report->covariance.rows() > 0 || observed;
  if (withBand)
    err() << (observed ? "lrscope: lower,upper: the 95% interval of an observed loss (parameter "
                         "uncertainty and the fit's residual scale)\n"
                       : "lrscope: lower,upper: the 95% confidence band of the law's curve\n");
  QByteArray csv = withBand ? "step,lr,predicted,lower,upper\n" : "step,lr,predicted\n";
  for (std::size_t i = 0; i < steps.size(); ++i) {
    QString line = QString::number(steps[i]) + QLatin1Char(',') +
                   exactNumber((*schedule->lr)[steps[i]]) + QLatin1Char(',') +
                   exactNumber(band->predicted[i]);
    if (withBand)
      line += QLatin1Char(',') + exactNumber(band->lower[i]) + QLatin1Char(',') +
              exactNumber(band->upper[i]);
    csv += (line + QLatin1Char('\n')).toUtf8();
  }
  return writeOutput(output == QLatin1String("-") ? QString() : output, csv) ? 0 : 1;
}

}  // namespace lrscope::cli
