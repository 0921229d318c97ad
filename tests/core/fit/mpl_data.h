#pragma once
// The MPL paper's real loss curves (../shared/data/mpl-luo2025): the CSV rows and the exact
// per-step schedules of its README (warmup linspace(0, 3e-4, 2160), then the run's shape).
#include <QFile>
#include <QString>
#include <cmath>
#include <numbers>

#include "fit/fitter.h"
#include "lrscope_test.h"

namespace lrscope::test {

inline const QStringList kMplTrain = {"cosine_24000", "constant_24000", "wsdcon_9"};
inline const QStringList kMplTest = {"constant_72000",    "cosine_72000", "wsd_20000_24000",
                                     "wsdld_20000_24000", "wsdcon_3",     "wsdcon_18"};

inline std::vector<double> mplLearningRates(const QString& run) {
  const double peak = 3e-4, floor = 3e-5;
  const std::int64_t w = 2160;
  const std::int64_t total = run.startsWith(QLatin1String("wsdcon"))
                                 ? 16000
                                 : run.section(QLatin1Char('_'), -1).toLongLong();
  std::vector<double> lr(total);
  for (std::int64_t s = 0; s < total; ++s) {
    if (s < w) {
      lr[s] = peak * double(s) / double(w - 1);
      continue;
    }
    const double decay = double(s - 20000) / 4000.0;
    if (run.startsWith(QLatin1String("cosine_")))
      lr[s] = floor + 0.5 * (peak - floor) *
                          (1 + std::cos(std::numbers::pi * double(s - w) / double(total - w)));
    else if (run.startsWith(QLatin1String("wsdcon_")))
      lr[s] = s < 8000 ? peak : run.section(QLatin1Char('_'), 1).toDouble() * 1e-5;
    else if (run.startsWith(QLatin1String("wsd_")))
      lr[s] = s < 20000 ? peak : std::pow(peak, 1 - decay) * std::pow(floor, decay);
    else if (run.startsWith(QLatin1String("wsdld_")))
      lr[s] = s < 20000 ? peak : peak * (1 - decay) + floor * decay;
    else
      lr[s] = peak;
  }
  return lr;
}

// One run of model `size` ("25", "100", "400"); empty steps when the file cannot be read.
inline FitRun mplRun(const QString& size, const QString& run, FitRole role) {
  FitRun fit;
  fit.name = run;
  fit.role = role;
  fit.schedule = {std::make_shared<PerStepLr>(mplLearningRates(run)), 2160};
  QFile file(sharedDataPath(QStringLiteral("mpl-luo2025/csv_%1/%2.csv").arg(size, run)));
  if (!file.open(QIODevice::ReadOnly)) return fit;
  file.readLine();  // header
  while (!file.atEnd()) {
    const QList<QByteArray> cells = file.readLine().trimmed().split(',');
    if (cells.size() != 3) continue;
    const std::int64_t step = cells[0].toLongLong();
    if (step >= fit.schedule.lr->size()) continue;  // the reference drops steps past the horizon
    fit.steps.push_back(step);
    fit.loss.push_back(cells[2].toDouble());
  }
  return fit;
}

inline std::vector<FitRun> mplRuns(const QString& size, bool withTest = true) {
  std::vector<FitRun> runs;
  for (const QString& r : kMplTrain) runs.push_back(mplRun(size, r, FitRole::Train));
  if (withTest)
    for (const QString& r : kMplTest) runs.push_back(mplRun(size, r, FitRole::Test));
  return runs;
}

}  // namespace lrscope::test
