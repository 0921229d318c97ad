#include <cmath>

#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

namespace {

// Steps where the cycles end (the decayed checkpoints), the last one being total_steps.
std::vector<std::int64_t> cycleEnds(ScheduleParameters& p, std::int64_t total) {
  const QString count = QStringLiteral("cycles");
  const QString ends = QStringLiteral("cycle_ends");
  std::vector<std::int64_t> out;
  if (p.has(ends)) {
    p.require(!p.has(count), count, QStringLiteral("give cycles or cycle_ends, not both"));
    out = p.integers(ends);
    for (std::int64_t e : out)
      if (!p.require(
              e > 0 && e <= total, ends,
              QStringLiteral("cycle end %1 is outside (0, total_steps = %2]").arg(e).arg(total)))
        return {};
  } else if (p.has(count)) {
    const std::int64_t k = p.integer(count);
    if (!p.require(k <= total, count,
                   QStringLiteral("%1 cycles do not fit in %2 steps").arg(k).arg(total)))
      return {};
    for (std::int64_t i = 1; i < k; ++i)  // Levanter: int(N / cycles * i)
      out.push_back(static_cast<std::int64_t>(std::floor(
          static_cast<double>(total) / static_cast<double>(k) * static_cast<double>(i))));
  } else {
    p.fail(count, QStringLiteral("missing: give cycles (a count) or cycle_ends (steps)"));
    return {};
  }
  if (out.empty() || out.back() != total) out.push_back(total);
  return out;
}

}  // namespace

ScheduleFamily wsdSFamily() {
  using Kind = ParameterSpec::Kind;
  ScheduleFamily f;
  f.name = QStringLiteral("wsd_s");
  f.summary = QStringLiteral(
      "WSD-S (Wen et al. 2024): WSD cycles that each decay, then jump (or re-warm) back to "
      "peak_lr and continue from the decayed model, as Levanter's cycles/rewarmup/decay; the "
      "paper's decay fraction and shape are UNVERIFIED");
  f.formula = QStringLiteral(
      "cycle j over [e_(j-1), e_j): (re)warmup to peak_lr, peak_lr, decay_shape to min_lr over "
      "its last D_j steps");
  f.parameters = {totalStepsParameter(), peakLrParameter(), minLrParameter()};
  f.parameters += warmupParameters();
  f.parameters += QVector<ParameterSpec>{
      {QStringLiteral("cycles"),
       Kind::Integer,
       QJsonValue::Null,
       QStringLiteral("number of equal cycles, ends at floor(N j / cycles) (or give cycle_ends)"),
       {},
       1.0},
      {QStringLiteral("cycle_ends"),
       Kind::IntegerList,
       QJsonValue::Null,
       QStringLiteral("steps where cycles end, increasing; total_steps is appended"),
       {},
       1.0},
      {QStringLiteral("rewarmup_steps"),
       Kind::Integer,
       0,
       QStringLiteral("linear re-warmup from min_lr in cycles after the first (0: jump to "
                      "peak_lr, Levanter's default)"),
       {},
       0.0},
  };
  f.parameters += decayLengthParameters(QStringLiteral(
      "decay length as a fraction of each cycle, D_j = floor(f L_j); 0.1 when neither is given "
      "(UNVERIFIED)"));
  f.parameters << decayShapeParameter(QStringLiteral("cosine"));
  f.build = [](ScheduleParameters& p) {
    const std::int64_t total = p.integer(QStringLiteral("total_steps"));
    const double peak = p.real(QStringLiteral("peak_lr"));
    const double floor = p.real(QStringLiteral("min_lr"));
    requireMinBelowPeak(p, peak, floor);
    const std::vector<std::int64_t> ends = cycleEnds(p, total);
    if (ends.empty()) return BuiltSchedule{Expr(0.0), total};
    const QString shape = p.choice(QStringLiteral("decay_shape"));
    const Expr n = Expr::step();
    std::vector<Expr> cycles;
    std::int64_t start = 0;
    double previousEnd = peak * p.real(QStringLiteral("warmup_start_factor"));
    for (std::size_t j = 0; j < ends.size(); ++j) {
      const std::int64_t length = ends[j] - start;
      const std::int64_t w =
          p.integer(j == 0 ? QStringLiteral("warmup_steps") : QStringLiteral("rewarmup_steps"));
      const std::int64_t d = decayLength(p, length, 0.1);
      if (!p.require(w + d <= length, QStringLiteral("decay_steps"),
                     QStringLiteral("cycle %1 (steps %2 .. %3) is %4 steps long but needs %5 "
                                    "(warm)up + %6 decay steps")
                         .arg(j + 1)
                         .arg(start)
                         .arg(ends[j] - 1)
                         .arg(length)
                         .arg(w)
                         .arg(d)))
        return BuiltSchedule{Expr(0.0), total};
      const double decayStart = static_cast<double>(ends[j] - d);
      Expr lr = peak;
      if (d > 0)
        lr = where(n < decayStart, lr,
                   decayShape(p, shape, progress(n, decayStart, static_cast<double>(d)), peak,
                              floor, QStringLiteral("min_lr")));
      if (w > 0)
        lr = where(n < static_cast<double>(start + w),
                   warmupRamp(p, n - static_cast<double>(start), w, previousEnd, peak), lr);
      if (!p.errors().isEmpty()) return BuiltSchedule{Expr(0.0), total};
      cycles.push_back(lr);
      previousEnd = d > 0 ? floor : peak;
      start = ends[j];
    }
    Expr lr = cycles.back();
    for (std::size_t j = cycles.size() - 1; j-- > 0;)
      lr = where(n < static_cast<double>(ends[j]), cycles[j], lr);
    return BuiltSchedule{lr, total};
  };
  return f;
}

}  // namespace lrscope::families
