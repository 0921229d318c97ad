#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

ScheduleFamily wsdFamily() {
  ScheduleFamily f;
  f.name = QStringLiteral("wsd");
  f.summary = QStringLiteral("warmup-stable-decay: hold peak_lr, then decay over the last D steps");
  f.formula =
      QStringLiteral("lr(n) = peak_lr for W <= n < N-D, then decay_shape(p), p = (n - (N-D))/D");
  f.parameters = {totalStepsParameter(), peakLrParameter(), minLrParameter()};
  f.parameters += warmupParameters();
  f.parameters += decayLengthParameters(
      QStringLiteral("decay length as a fraction of N, D = floor(f N); 0.2 when neither is given"));
  f.parameters << decayShapeParameter(QStringLiteral("linear"));
  f.build = [](ScheduleParameters& p) {
    const std::int64_t total = p.integer(QStringLiteral("total_steps"));
    const std::int64_t w = p.integer(QStringLiteral("warmup_steps"));
    const double peak = p.real(QStringLiteral("peak_lr"));
    const double floor = p.real(QStringLiteral("min_lr"));
    requireMinBelowPeak(p, peak, floor);
    const std::int64_t d = decayLength(p, total, 0.2);
    p.require(d <= total - w, QStringLiteral("decay_steps"),
              QStringLiteral("decay (%1 steps) overlaps the warmup (%2 of %3 steps)")
                  .arg(d)
                  .arg(w)
                  .arg(total));
    const double start = static_cast<double>(total - d);
    const Expr n = Expr::step();
    Expr main = Expr(peak);
    if (d > 0) {
      const Expr decay = decayShape(p, p.choice(QStringLiteral("decay_shape")),
                                    progress(n, start, static_cast<double>(d)), peak, floor,
                                    QStringLiteral("min_lr"));
      main = where(n < start, Expr(peak), decay);
    }
    return BuiltSchedule{withWarmup(p, n, main), total};
  };
  return f;
}

}  // namespace lrscope::families
