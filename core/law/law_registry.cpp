#include "law/law_registry.h"

#include <cmath>

#include "law/convex_bound_law.h"
#include "law/cpt_law.h"
#include "law/momentum_law.h"
#include "law/multi_power_law.h"
#include "law/power_law_area.h"
#include "law/power_law_steps.h"

namespace lrscope {

namespace {

// Reads a string option restricted to `choices` (the first is the default).
Result<QString> choice(const QJsonObject& options, const QString& key, const QStringList& choices) {
  const QJsonValue v = options.value(key);
  if (v.isUndefined() || v.isNull()) return choices.first();
  if (!v.isString() || !choices.contains(v.toString()))
    return Error{QStringLiteral("option '%1' must be one of %2")
                     .arg(key, choices.join(QStringLiteral(", ")))};
  return v.toString();
}

Result<bool> onlyKeys(const QString& law, const QJsonObject& options, const QStringList& keys) {
  for (auto it = options.begin(); it != options.end(); ++it)
    if (!keys.contains(it.key()))
      return Error{
          QStringLiteral("law '%1' has no option '%2'%3")
              .arg(law, it.key(),
                   keys.isEmpty()
                       ? QString()
                       : QStringLiteral(" (options: %1)").arg(keys.join(QStringLiteral(", "))))};
  return true;
}

}  // namespace

QStringList lossLawNames() {
  return {QStringLiteral("mpl"),          QStringLiteral("momentum"),
          QStringLiteral("power-area"),   QStringLiteral("power-steps"),
          QStringLiteral("convex-bound"), QStringLiteral("cpt")};
}

Result<std::shared_ptr<const LossLaw>> createLossLaw(const QString& name,
                                                     const QJsonObject& options) {
  const QString convention = QStringLiteral("convention");
  if (name == QLatin1String("mpl")) {
    if (auto ok = onlyKeys(name, options, {convention}); !ok) return Error{ok.error()};
    const auto c =
        choice(options, convention, {QStringLiteral("paper"), QStringLiteral("reference")});
    if (!c) return Error{c.error()};
    return std::shared_ptr<const LossLaw>(std::make_shared<MultiPowerLaw>(
        *c == QLatin1String("paper") ? MultiPowerLaw::Convention::Paper
                                     : MultiPowerLaw::Convention::Reference));
  }
  if (name == QLatin1String("momentum") || name == QLatin1String("cpt")) {
    const bool cpt = name == QLatin1String("cpt");
    QStringList keys = {convention};
    if (cpt) keys << QStringLiteral("cpt_start") << QStringLiteral("shift");
    if (auto ok = onlyKeys(name, options, keys); !ok) return Error{ok.error()};
    const auto c =
        choice(options, convention, {QStringLiteral("reference"), QStringLiteral("actual")});
    if (!c) return Error{c.error()};
    const auto warmup = *c == QLatin1String("reference") ? AnnealingAreas::Warmup::Reference
                                                         : AnnealingAreas::Warmup::Actual;
    if (!cpt) return std::shared_ptr<const LossLaw>(std::make_shared<MomentumLaw>(warmup));
    const QJsonValue start = options.value(QStringLiteral("cpt_start"));
    double cptStart = 0;
    if (!start.isUndefined()) {
      cptStart = start.toDouble(-1);
      if (!start.isDouble() || cptStart < 0 || cptStart > 1e15 || std::floor(cptStart) != cptStart)
        return Error{QStringLiteral("option 'cpt_start' must be a step number >= 0")};
    }
    const auto shift = choice(options, QStringLiteral("shift"),
                              {QStringLiteral("power"), QStringLiteral("stretched-exponential")});
    if (!shift) return Error{shift.error()};
    return std::shared_ptr<const LossLaw>(std::make_shared<CptLaw>(
        static_cast<std::int64_t>(cptStart),
        *shift == QLatin1String("power") ? CptLaw::Shift::Power
                                         : CptLaw::Shift::StretchedExponential,
        warmup));
  }
  std::shared_ptr<const LossLaw> law;
  if (name == QLatin1String("power-area")) law = std::make_shared<PowerLawArea>();
  if (name == QLatin1String("power-steps")) law = std::make_shared<PowerLawSteps>();
  if (name == QLatin1String("convex-bound")) law = std::make_shared<ConvexBoundLaw>();
  if (!law)
    return Error{QStringLiteral("unknown law '%1' (laws: %2)")
                     .arg(name, lossLawNames().join(QStringLiteral(", ")))};
  if (auto ok = onlyKeys(name, options, {}); !ok) return Error{ok.error()};
  return law;
}

}  // namespace lrscope
