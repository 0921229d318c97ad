#include "sim/demo_runs.h"

#include <QJsonArray>

#include "law/law_registry.h"
#include "sim/synthetic_run.h"

namespace lrscope {

namespace {

constexpr int kTotal = 24000;
constexpr int kWarmup = 2160;

QJsonObject warmedUp(const QString& family) {
  return {{QStringLiteral("family"), family},
          {QStringLiteral("total_steps"), kTotal},
          {QStringLiteral("peak_lr"), 3e-4},
          {QStringLiteral("warmup_steps"), kWarmup},
          {QStringLiteral("warmup_convention"), QStringLiteral("linspace")}};
}

QJsonObject twoStage() {
  QJsonObject first = warmedUp(QStringLiteral("constant"));
  first.insert(QStringLiteral("total_steps"), 8000);
  const QJsonObject second{{QStringLiteral("family"), QStringLiteral("constant")},
                           {QStringLiteral("total_steps"), kTotal - 8000},
                           {QStringLiteral("peak_lr"), 9e-5}};
  return {{QStringLiteral("family"), QStringLiteral("sequence")},
          {QStringLiteral("phases"), QJsonArray{first, second}}};
}

}  // namespace

std::vector<DemoRun> demoRuns() {
  QJsonObject cosine = warmedUp(QStringLiteral("cosine"));
  cosine.insert(QStringLiteral("min_lr"), 3e-5);
  QJsonObject wsd = warmedUp(QStringLiteral("wsd"));
  wsd.insert(QStringLiteral("min_lr"), 3e-5);
  wsd.insert(QStringLiteral("decay_steps"), 4000);
  const std::pair<const char*, QJsonObject> specs[] = {
      {"demo cosine", cosine},
      {"demo constant", warmedUp(QStringLiteral("constant"))},
      {"demo wsd", wsd},
      {"demo two-stage", twoStage()}};
  const auto law = createLossLaw(QStringLiteral("mpl"),
                                 {{QStringLiteral("convention"), QStringLiteral("reference")}});
  std::vector<DemoRun> runs;
  if (!law) return runs;
  std::uint64_t seed = 2025;
  for (const auto& [name, json] : specs) {
    Result<Schedule> schedule = Schedule::fromJson(json);
    if (!schedule) continue;
    SyntheticRunSpec spec{
        QString::fromLatin1(name),
        *schedule,
        *law,
        {2.37474466, 0.65421216, 0.42878731, 523.42464371, 2.02462735, 0.59350493, 0.63472457},
        kWarmup,
        128,
        kWarmup,
        0.002,
        seed++};
    Result<Run> run = makeSyntheticRun(spec);
    if (run) runs.push_back({std::move(run).value(), *schedule});
  }
  return runs;
}

}  // namespace lrscope
