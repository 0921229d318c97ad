#include <algorithm>
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
    // Per cycle: start, (re)warmup length, decay start and length, LR the ramp starts from.
    std::vector<double> starts, decayStarts, decayLengths, rampFrom;
    std::int64_t start = 0;
    double previousEnd = peak * p.real(QStringLiteral("warmup_start_factor"));
    for (std::size_t j = 0; j < ends.size(); ++j) {
      const std::int64_t length = ends[j] - start;
      const std::int64_t w =
          p.integer(j == 0 ? QStringLiteral("warmup_steps") : QStringLiteral("rewarmup_steps"));
      const std::int64_t d = decayLength(p, length, 0.1);
      if (!p.errors().isEmpty()) return BuiltSchedule{Expr(0.0), total};
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
      starts.push_back(static_cast<double>(start));
      decayStarts.push_back(static_cast<double>(ends[j] - d));
      decayLengths.push_back(static_cast<double>(std::max<std::int64_t>(d, 1)));  // d = 0: unused
      rampFrom.push_back(previousEnd);
      previousEnd = d > 0 ? floor : peak;
      start = ends[j];
    }
    // Cycles [first, last) as one formula: their numbers come from tables looked up by the
    // cycle start (previous-value lookup), so any number of cycles stays one flat formula.
    const Expr n = Expr::step();
    auto cycleLr = [&](std::size_t first, std::size_t last, std::int64_t warmup) {
      auto perCycle = [&](const std::vector<double>& values) -> Expr {
        const std::vector<double> ys(values.begin() + first, values.begin() + last);
        if (std::all_of(ys.begin(), ys.end(), [&](double v) { return v == ys.front(); }))
          return ys.front();
        return previous(n, std::vector<double>(starts.begin() + first, starts.begin() + last), ys);
      };
      const Expr decayStart = perCycle(decayStarts);
      const Expr decay = decayShape(p, p.choice(QStringLiteral("decay_shape")),
                                    (n - decayStart) / perCycle(decayLengths), peak, floor,
                                    QStringLiteral("min_lr"));
      Expr lr = where(n < decayStart, Expr(peak), decay);
      if (warmup > 0) {
        const Expr local = n - perCycle(starts);
        lr = where(local < static_cast<double>(warmup),
                   warmupRamp(p, local, warmup, perCycle(rampFrom), peak), lr);
      }
      return lr;
    };
    Expr lr = cycleLr(0, 1, p.integer(QStringLiteral("warmup_steps")));
    if (!p.errors().isEmpty()) return BuiltSchedule{Expr(0.0), total};
    if (ends.size() > 1)
      lr = where(n < static_cast<double>(ends[0]), lr,
                 cycleLr(1, ends.size(), p.integer(QStringLiteral("rewarmup_steps"))));
    return BuiltSchedule{lr, total};
  };
  return f;
}

}  // namespace lrscope::families
