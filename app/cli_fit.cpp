// lrscope fit --law NAME --train LOG... [--test LOG...] [--report FILE] [--predictions FILE] ...
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

#include "cli.h"
#include "cli_law_input.h"
#include "common/number_format.h"
#include "fit/fit_report.h"
#include "fit/profile.h"
#include "fit_figure.h"
#include "law/law_registry.h"

namespace lrscope::cli {

namespace {

const char* kFitUsage =
    "usage: lrscope fit --law mpl|momentum|power-area|power-steps|convex-bound|cpt\n"
    "                   --train LOG... [--test LOG...] [--warmup-steps W]\n"
    "                   [--report report.json] [--predictions pred.csv] [--plot fig.png]\n"
    "  LOG: a log file or folder (any format `lrscope inspect` reads), e.g. CSV step,lr,loss\n"
    "  --convention C        mpl: paper (default) | reference; momentum, cpt: reference | actual\n"
    "  --option KEY=VALUE    other law options (cpt: cpt_start=STEP, "
    "shift=power|stretched-exponential)\n"
    "  --warmup-steps W      where every run's warmup ends (default: the LR's first peak); logs\n"
    "                        whose LR starts later get a linear warmup 0 -> lr[W] before it\n"
    "  --schedule LOG=S.json the exact schedule a run used (instead of its logged LR)\n"
    "  --loss NAME           the loss series (default: loss, else val/loss, else one named "
    "*loss*)\n"
    "  --objective huber|least-squares   on log losses (default huber, delta 1e-3)\n"
    "  --method multi-start|reference   mpl: reference = the MPL reference code's procedure\n"
    "                        (AdamW from its reduced fit, no prior): reproduces its fits\n"
    "  --fix NAME=VALUE  --init NAME=VALUE  --fit NAME (a parameter the law holds, e.g. lambda)\n"
    "  --prior K | NAME=K    strength of MPL's prior toward its data-seeded start on B, C,\n"
    "                        beta, gamma (default 8; 0 off); NAME=K sets any one parameter's,\n"
    "                        L0, A, alpha included (repeatable)\n"
    "  --max-points N        bin longer training logs to N points (default 1000)\n"
    "  --single-start        one start (from --init or the law's defaults) instead of the grid\n"
    "  --plot FILE           a figure of observed and predicted loss and the LR per run: .png,\n"
    "                        .svg or .pdf (no display needed)\n"
    "  --plot-size WxH       its size in pixels (default 1200x800)\n"
    "  --profile NAME=FROM:TO:STEP | NAME=V1,V2,...   refit with NAME held at each value: the\n"
    "                        training objective and test metrics along it (how well the runs\n"
    "                        pin NAME down, how much the predictions depend on it)\n";

bool parseAssignment(const QString& text, QString& name, double& value) {
  const qsizetype eq = text.indexOf(QLatin1Char('='));
  bool ok = false;
  if (eq > 0) value = text.mid(eq + 1).toDouble(&ok);
  name = text.left(eq);
  return ok;
}

// WxH with both within 200..10000 pixels.
bool parseSize(const QString& text, QSize& size) {
  const QStringList parts = text.split(QLatin1Char('x'));
  bool w = false, h = false;
  if (parts.size() == 2) size = QSize(parts[0].toInt(&w), parts[1].toInt(&h));
  return w && h && std::min(size.width(), size.height()) >= 200 &&
         std::max(size.width(), size.height()) <= 10000;
}

// Why `path` cannot take the figure, checked before fitting; empty when it can.
QString plotPathProblem(const QString& path) {
  if (ui::figureFormat(path).isEmpty())
    return QStringLiteral("--plot %1: unknown figure format '%2' (use .png, .svg or .pdf)")
        .arg(path, QFileInfo(path).suffix());
  const QFileInfo file(path);
  if (file.isDir()) return QStringLiteral("--plot %1: is a folder").arg(path);
  if (!file.absoluteDir().exists())
    return QStringLiteral("--plot %1: folder %2 does not exist")
        .arg(path, QDir::toNativeSeparators(file.absolutePath()));
  return {};
}

QString metricsRow(const Metrics& m) {
  return QStringLiteral("%1  %2  %3  %4  %5")
      .arg(m.r2, 8, 'f', 5)
      .arg(m.mae, 8, 'f', 5)
      .arg(m.rmse, 8, 'f', 5)
      .arg(m.prede, 8, 'f', 5)
      .arg(m.worste, 8, 'f', 5);
}

void printResult(const LossLaw& law, const FitResult& fit, const FitOptions& options) {
  out() << "law: " << law.name() << " - " << law.title();
  if (!law.convention().isEmpty()) out() << ", convention " << law.convention();
  out() << "\n  " << law.formula() << "\n";
  out() << "status: " << fitStatusName(fit.status) << " (" << fit.message << "), " << fit.starts
        << " starts, " << fit.iterations << " iterations, "
        << QString::number(fit.elapsedSeconds, 'f', 2) << " s\n";
  out() << "objective: "
        << (options.objective == FitObjective::Huber
                ? QStringLiteral("Huber(delta=%1)").arg(options.huberDelta)
                : QStringLiteral("least squares"))
        << " on log loss = " << QString::number(fit.objective, 'g', 6);
  if (!fit.priorCentre.empty()) {
    QStringList kappas;  // the parameters the prior acts on, with their strengths
    for (std::size_t j = 0; j < fit.priorStrengths.size(); ++j)
      if (fit.priorStrengths[j] > 0)
        kappas << law.parameters()[j].name + QLatin1Char(' ') +
                      QString::number(fit.priorStrengths[j]);
    out() << " (prior strength " << kappas.join(QStringLiteral(", "));
    out() << ", penalty " << QString::number(fit.priorPenalty, 'g', 3) << ")";
  }
  out() << "\nparameters:\n";
  for (const ParameterEstimate& p : fit.parameters) {
    out() << "  " << p.name.leftJustified(7) << " " << exactNumber(p.value).leftJustified(22);
    if (p.fixed)
      out() << "fixed";
    else if (std::isfinite(p.standardError))
      out() << "+- " << QString::number(p.standardError, 'g', 3);
    if (p.atLowerBound || p.atUpperBound)
      out() << "  [at " << (p.atLowerBound ? "lower" : "upper") << " bound]";
    out() << "\n";
  }
  out() << "runs:\n  role   " << QStringLiteral("run").leftJustified(22)
        << "points        R2       MAE      RMSE     PredE    WorstE    noise  in band\n";
  for (const RunFit& run : fit.runs)
    out() << "  " << (run.role == FitRole::Train ? "train  " : "test   ")
          << run.name.leftJustified(22) << QString::number(run.observed.size()).leftJustified(8)
          << metricsRow(run.metrics) << "  " << QString::number(run.noiseStd, 'f', 5) << "  "
          << (std::isnan(run.bandCoverage)
                  ? QStringLiteral("-")  // no covariance: no interval
                  : QString::number(100 * run.bandCoverage, 'f', 0) + QLatin1Char('%'))
          << "\n";
  out() << "average:\n  train  " << QString().leftJustified(30) << metricsRow(fit.train) << "\n";
  if (fit.hasTest)
    out() << "  test   " << QString().leftJustified(30) << metricsRow(fit.test) << "\n";
  out() << "noise: the noise column is each run's noise floor (sd of its loss around a smooth "
           "curve);\n"
           "  an RMSE near it means the law fits as well as the data allow\n"
           "in band: the share of a run's points inside the 95% prediction interval (parameter\n"
           "  uncertainty plus the fit's residual scale); about 95% on training runs, far less\n"
           "  where the law predicts a run worse than its error bars say\n";
  for (const QString& w : fit.warnings) out() << "warning: " << w << "\n";
  out().flush();
}

void printProfile(const QString& name, const std::vector<ProfilePoint>& points) {
  out() << "profile of " << name
        << " (held at each value, the others fitted; objective without the prior):\n  "
        << name.leftJustified(12) << QStringLiteral("status").leftJustified(16)
        << QStringLiteral("%1  %2  %3  %4  %5\n")
               .arg(QStringLiteral("objective"), 9)
               .arg(QStringLiteral("train R2"), 8)
               .arg(QStringLiteral("test R2"), 8)
               .arg(QStringLiteral("test MAE"), 8)
               .arg(QStringLiteral("test RMSE"), 9);
  for (const ProfilePoint& p : points)
    out() << "  " << exactNumber(p.value).leftJustified(12)
          << fitStatusName(p.status).leftJustified(16) << QString::number(p.objective, 'e', 3)
          << QStringLiteral("  %1").arg(p.train.r2, 8, 'f', 5)
          << (p.hasTest ? QStringLiteral("  %1  %2  %3")
                              .arg(p.test.r2, 8, 'f', 5)
                              .arg(p.test.mae, 8, 'f', 5)
                              .arg(p.test.rmse, 9, 'f', 5)
                        : QString())
          << "\n";
  out().flush();
}

// run,step,observed,predicted,lower,upper: lower and upper the 95% prediction interval (empty
// when the fit has none).
QByteArray predictionsCsv(const FitResult& fit) {
  QByteArray csv = "run,step,observed,predicted,lower,upper\n";
  for (const RunFit& run : fit.runs) {
    QString name = run.name;
    if (name.contains(QLatin1Char(',')) || name.contains(QLatin1Char('"')))
      name = QLatin1Char('"') + name.replace(QLatin1String("\""), QLatin1String("\"\"")) +
             QLatin1Char('"');
    const bool band = run.lower.size() == run.steps.size();
    for (std::size_t i = 0; i < run.steps.size(); ++i)
      csv += (name + QLatin1Char(',') + QString::number(run.steps[i]) + QLatin1Char(',') +
              exactNumber(run.observed[i]) + QLatin1Char(',') + exactNumber(run.predicted[i]) +
              QLatin1Char(',') + (band ? exactNumber(run.lower[i]) : QString()) + QLatin1Char(',') +
              (band ? exactNumber(run.upper[i]) : QString()) + QLatin1Char('\n'))
                 .toUtf8();
  }
  return csv;
}

}  // namespace

int runFit(const QStringList& args) {
  QString lawName, reportPath, predictionsPath, plotPath;
  QSize plotSize = ui::kDefaultFigureSize;
  std::pair<QString, std::vector<double>> profile;  // --profile: parameter and values
  QStringList train, test;
  QJsonObject lawOptions;
  LawInputOptions input;
  FitOptions options;
  QStringList* target = nullptr;  // --train / --test take every following non-option argument
  for (qsizetype i = 0; i < args.size(); ++i) {
    const QString& a = args[i];
    const bool hasValue = i + 1 < args.size();
    if (!a.startsWith(QLatin1String("--")) && target) {
      *target << a;
      continue;
    }
    target = nullptr;
    QString name;
    double value = 0;
    if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
      out() << kFitUsage;
      return 0;
    } else if (a == QLatin1String("--train")) {
      target = &train;
    } else if (a == QLatin1String("--test")) {
      target = &test;
    } else if (a == QLatin1String("--law") && hasValue) {
      lawName = args[++i];
    } else if (a == QLatin1String("--convention") && hasValue) {
      lawOptions.insert(QStringLiteral("convention"), args[++i]);
    } else if (a == QLatin1String("--option") && hasValue) {
      const QString text = args[++i];
      const qsizetype eq = text.indexOf(QLatin1Char('='));
      if (eq <= 0)
        return fail(QStringLiteral("--option: expected KEY=VALUE, got '%1'").arg(text), 2);
      bool numeric = false;
      const double v = text.mid(eq + 1).toDouble(&numeric);
      lawOptions.insert(text.left(eq), numeric ? QJsonValue(v) : QJsonValue(text.mid(eq + 1)));
    } else if (a == QLatin1String("--warmup-steps") && hasValue) {
      bool ok = false;
      input.run.warmupSteps = args[++i].toLongLong(&ok);
      if (!ok || input.run.warmupSteps < 0)
        return fail(QStringLiteral("--warmup-steps: '%1' is not a step count").arg(args[i]), 2);
    } else if (a == QLatin1String("--schedule") && hasValue) {
      const QString text = args[++i];
      const qsizetype eq = text.lastIndexOf(QLatin1Char('='));
      const QString log = QFileInfo(text.left(eq)).canonicalFilePath();
      if (eq <= 0 || log.isEmpty())
        return fail(
            QStringLiteral("--schedule: expected LOG=SCHEDULE.json with an existing LOG, got '%1'")
                .arg(text),
            2);
      input.schedules.insert(log, text.mid(eq + 1));
    } else if (a == QLatin1String("--loss") && hasValue) {
      input.run.lossSeries = args[++i];
    } else if (a == QLatin1String("--objective") && hasValue) {
      const QString kind = args[++i];
      if (kind != QLatin1String("huber") && kind != QLatin1String("least-squares"))
        return fail(
            QStringLiteral("--objective: expected huber or least-squares, got '%1'").arg(kind), 2);
      options.objective =
          kind == QLatin1String("huber") ? FitObjective::Huber : FitObjective::LeastSquares;
    } else if (a == QLatin1String("--method") && hasValue) {
      const QString method = args[++i];
      if (method != QLatin1String("multi-start") && method != QLatin1String("reference"))
        return fail(
            QStringLiteral("--method: expected multi-start or reference, got '%1'").arg(method), 2);
      options.method =
          method == QLatin1String("reference") ? FitMethod::ReferenceAdamW : FitMethod::MultiStart;
    } else if ((a == QLatin1String("--fix") || a == QLatin1String("--init")) && hasValue) {
      if (!parseAssignment(args[++i], name, value))
        return fail(QStringLiteral("%1: expected NAME=NUMBER, got '%2'").arg(a, args[i]), 2);
      (a == QLatin1String("--fix") ? options.fixed : options.initial).push_back({name, value});
    } else if (a == QLatin1String("--fit") && hasValue) {
      options.fit << args[++i];
    } else if (a == QLatin1String("--prior") && hasValue) {
      bool ok = false;
      const QString arg = args[++i];
      double kappa = arg.toDouble(&ok);
      if (!ok && parseAssignment(arg, name, kappa)) ok = true;
      if (!ok || !(kappa >= 0) || !std::isfinite(kappa))
        return fail(
            QStringLiteral("--prior: expected K or NAME=K with K a number >= 0, got '%1'").arg(arg),
            2);
      if (arg.contains(QLatin1Char('=')))
        options.priorStrengthFor.push_back({name, kappa});
      else
        options.priorStrength = kappa;
    } else if (a == QLatin1String("--max-points") && hasValue) {
      bool ok = false;
      const long long n = args[++i].toLongLong(&ok);
      if (!ok || n < 10)
        return fail(QStringLiteral("--max-points: '%1' is not a count >= 10").arg(args[i]), 2);
      options.maxPointsPerRun = static_cast<std::size_t>(n);
    } else if (a == QLatin1String("--single-start")) {
      options.multiStart = false;
    } else if (a == QLatin1String("--report") && hasValue) {
      reportPath = args[++i];
    } else if (a == QLatin1String("--predictions") && hasValue) {
      predictionsPath = args[++i];
    } else if (a == QLatin1String("--plot") && hasValue) {
      plotPath = args[++i];
    } else if (a == QLatin1String("--profile") && hasValue) {
      auto spec = parseProfileSpec(args[++i]);
      if (!spec) return fail(spec.error(), 2);
      profile = *spec;
    } else if (a == QLatin1String("--plot-size") && hasValue) {
      if (!parseSize(args[++i], plotSize))
        return fail(
            QStringLiteral("--plot-size: expected WIDTHxHEIGHT in pixels (200 to 10000), got '%1'")
                .arg(args[i]),
            2);
    } else {
      err() << kFitUsage;
      return fail(QStringLiteral("fit: unknown or incomplete option '%1'").arg(a), 2);
    }
  }
  if (lawName.isEmpty() || train.isEmpty()) {
    err() << kFitUsage;
    return fail(QStringLiteral("fit: give --law and at least one --train log"), 2);
  }
  if (!plotPath.isEmpty())
    if (const QString problem = plotPathProblem(plotPath); !problem.isEmpty())
      return fail(problem, 2);
  const auto law = createLossLaw(lawName, lawOptions);
  if (!law) return fail(law.error(), 2);
  if (!profile.first.isEmpty())
    if (const QString problem = profileProblem(**law, options, profile.first); !problem.isEmpty())
      return fail(problem, 2);
  std::vector<FitRun> runs;
  QStringList notes;
  for (const auto& [paths, role] :
       {std::pair{train, FitRole::Train}, std::pair{test, FitRole::Test}})
    if (!paths.isEmpty())
      if (auto ok = loadFitRuns(paths, role, input, runs, notes); !ok) return fail(ok.error());
  for (const QString& note : notes) err() << "lrscope: note: " << note << Qt::endl;
  const FitResult fit = fitLaw(**law, runs, options);
  if (fit.status == FitStatus::Failed && fit.parameters.empty()) return fail(fit.message);
  printResult(**law, fit, options);
  if (fit.status == FitStatus::Failed) fail(QStringLiteral("fit failed: ") + fit.message);
  QJsonObject report = fitReportJson(**law, fit, options);
  if (!profile.first.isEmpty()) {
    auto points = profileParameter(**law, runs, options, profile.first, profile.second);
    if (!points) return fail(points.error(), 2);
    printProfile(profile.first, *points);
    report.insert(QStringLiteral("profile"), profileJson(profile.first, *points));
  }
  if (!reportPath.isEmpty() && !writeOutput(reportPath, QJsonDocument(report).toJson())) return 1;
  if (!predictionsPath.isEmpty() && !writeOutput(predictionsPath, predictionsCsv(fit))) return 1;
  if (!plotPath.isEmpty())
    if (auto ok = ui::saveFitFigure(plotPath, plotSize, **law, fit, runs); !ok)
      return fail(ok.error());
  return fit.status == FitStatus::Failed || fit.status == FitStatus::Cancelled ? 1 : 0;
}

}  // namespace lrscope::cli
