#pragma once
// Every loss law by its command-line name, and construction from a name plus options (the
// "options" object of a fit report: {"convention": ..., law-specific keys}).
//   mpl           convention: "paper" (default) | "reference"
//   momentum      convention: "reference" (default) | "actual"   (warmup treatment)
//   power-area, power-steps, convex-bound   (no options)
//   cpt           convention as momentum; cpt_start: step where CPT begins (default 0);
//                 shift: "power" (default) | "stretched-exponential"
#include <QJsonObject>
#include <QStringList>
#include <memory>

#include "common/result.h"
#include "law/loss_law.h"

namespace lrscope {

QStringList lossLawNames();
// Errors name the option and list the accepted values; unknown options are errors.
Result<std::shared_ptr<const LossLaw>> createLossLaw(const QString& name,
                                                     const QJsonObject& options = {});

}  // namespace lrscope
