#pragma once
// Continual pre-training law (Wang et al. 2025, docs §3) -- EXPERIMENTAL: the formula is
// UNVERIFIED (from memory, no primary source), so the distribution-shift term is pluggable.
//   L(s) = L0 + A S1(s)^-alpha - C S2(s) + shift(S1cpt(s))
// S1, S2: the momentum law's areas over the whole PT -> CPT schedule (S2's momentum continues
// across the boundary), S1cpt(s) = lr[cptStart] + ... + lr[s] (0 before the CPT starts), and
//   shift "power" (default):           B [1 - (1 + E S1cpt)^-beta]
//   shift "stretched-exponential":     B [1 - exp(-(E S1cpt)^beta)]
// B > 0 for the pre-training-domain loss (forgetting), B < 0 for the new-domain loss.
#include "law/annealing_areas.h"
#include "law/autodiff_law.h"

namespace lrscope {

struct CptRun : PreparedRun {
  CptRun(const LawSchedule& s, std::vector<std::int64_t> st, AnnealingAreas::Warmup warmup,
         std::int64_t cptStart);
  AnnealingAreas areas;
  std::vector<double> cptArea;  // S1cpt per requested step
};

class CptLaw final : public AutoDiffLaw<CptLaw, CptRun, 8> {
 public:
  enum class Shift { Power, StretchedExponential };

  explicit CptLaw(std::int64_t cptStart = 0, Shift shift = Shift::Power,
                  AnnealingAreas::Warmup warmup = AnnealingAreas::Warmup::Reference)
      : cptStart_(cptStart), shift_(shift), warmup_(warmup) {}

  QString name() const override { return QStringLiteral("cpt"); }
  QString title() const override;
  QString formula() const override;
  QString convention() const override;
  QJsonObject options() const override;
  bool experimental() const override { return true; }
  const std::vector<LawParameter>& parameters() const override;
  std::unique_ptr<PreparedRun> prepare(const LawSchedule& schedule,
                                       std::vector<std::int64_t> steps) const override;

  template <typename T>
  void evaluate(const CptRun& run, const T* params, T* loss) const;

 private:
  std::int64_t cptStart_;
  Shift shift_;
  AnnealingAreas::Warmup warmup_;
};

}  // namespace lrscope
