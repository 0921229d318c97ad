#include <numbers>

#include "schedule/families/common_parameters.h"
#include "schedule/families/families.h"

namespace lrscope::families {

namespace {

struct Phase {
  double endStep;  // last step of the phase (PyTorch's end_step; may be fractional)
  double startLr;
  double endLr;
};

// PyTorch's _annealing_cos / _annealing_linear from startLr (pct 0) to endLr (pct 1).
Expr anneal(bool cosine, const Phase& phase, const Expr& pct) {
  if (cosine)
    return phase.endLr + (phase.startLr - phase.endLr) / 2.0 * (cos(std::numbers::pi * pct) + 1.0);
  return (phase.endLr - phase.startLr) * pct + phase.startLr;
}

}  // namespace

ScheduleFamily oneCycleFamily() {
  using Kind = ParameterSpec::Kind;
  ScheduleFamily f;
  f.name = QStringLiteral("one_cycle");
  f.summary = QStringLiteral(
      "the 1cycle policy (Smith & Topin 2018), exactly as PyTorch OneCycleLR computes it");
  f.formula = QStringLiteral(
      "max_lr/div_factor -> max_lr over steps 0 .. pct_start N - 1, then -> "
      "max_lr/(div_factor final_div_factor) at N - 1 (three_phase: back to the initial LR at "
      "2 pct_start N - 2 first)");
  f.parameters = {
      totalStepsParameter(),
      {QStringLiteral("max_lr"), Kind::Real, 3e-4, QStringLiteral("peak learning rate"), {}, 0.0},
      {QStringLiteral("pct_start"),
       Kind::Real,
       0.3,
       QStringLiteral("fraction of the updates spent increasing the LR"),
       {},
       0.0,
       1.0},
      {QStringLiteral("anneal_strategy"),
       Kind::Choice,
       QStringLiteral("cos"),
       QStringLiteral("interpolation between phase ends: cos or linear"),
       {QStringLiteral("cos"), QStringLiteral("linear")}},
      {QStringLiteral("div_factor"),
       Kind::Real,
       25.0,
       QStringLiteral("initial LR = max_lr / div_factor"),
       {},
       0.0},
      {QStringLiteral("final_div_factor"),
       Kind::Real,
       1e4,
       QStringLiteral("final LR = initial LR / final_div_factor"),
       {},
       0.0},
      {QStringLiteral("three_phase"),
       Kind::Boolean,
       false,
       QStringLiteral("return to the initial LR before annealing to the final LR (fastai-style)"),
       {}},
  };
  f.build = [](ScheduleParameters& p) {
    const std::int64_t total = p.integer(QStringLiteral("total_steps"));
    const double steps = static_cast<double>(total);
    const double top = p.real(QStringLiteral("max_lr"));
    const double pct = p.real(QStringLiteral("pct_start"));
    const double div = p.real(QStringLiteral("div_factor"));
    const double finalDiv = p.real(QStringLiteral("final_div_factor"));
    p.require(div > 0.0, QStringLiteral("div_factor"), QStringLiteral("must be > 0, got 0"));
    p.require(finalDiv > 0.0, QStringLiteral("final_div_factor"),
              QStringLiteral("must be > 0, got 0"));
    const double initial = top / div;
    const double last = initial / finalDiv;
    std::vector<Phase> phases{{pct * steps - 1.0, initial, top}};
    if (p.boolean(QStringLiteral("three_phase")))
      phases.push_back({2.0 * pct * steps - 2.0, top, initial});
    phases.push_back({steps - 1.0, phases.back().endLr, last});
    double start = 0.0;
    for (std::size_t i = 0; i < phases.size(); ++i) {
      if (!p.require(phases[i].endStep > start, QStringLiteral("pct_start"),
                     QStringLiteral("phase %1 of the cycle would end at step %2, not after its "
                                    "start %3 (pct_start %4 with total_steps %5)")
                         .arg(i + 1)
                         .arg(phases[i].endStep)
                         .arg(start)
                         .arg(pct)
                         .arg(total)))
        return BuiltSchedule{Expr(0.0), total};
      start = phases[i].endStep;
    }
    const bool cosine = p.choice(QStringLiteral("anneal_strategy")) == QLatin1String("cos");
    const Expr n = Expr::step();
    auto phaseLr = [&](std::size_t i) {
      const double begin = i == 0 ? 0.0 : phases[i - 1].endStep;
      return anneal(cosine, phases[i], (n - begin) / (phases[i].endStep - begin));
    };
    Expr lr = phaseLr(phases.size() - 1);
    for (std::size_t i = phases.size() - 1; i-- > 0;)
      lr = where(n <= phases[i].endStep, phaseLr(i), lr);
    return BuiltSchedule{lr, total};
  };
  return f;
}

}  // namespace lrscope::families
