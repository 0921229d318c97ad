#pragma once
// The figure of a fit, as `lrscope fit --plot` writes it. Top panel: per run the observed loss
// (markers; a thin line when denser than 400 points) and the law's predicted curve (evaluated on
// up to 1500 steps between the first and last observed step) in the run's palette colour, solid
// for training runs and dashed for test runs, over its 95% prediction interval (a translucent band
// in the same colour, when the fit has one: RunFit::lower, upper); the legend names run and role;
// axes "step" and "loss"; the title the law and its test R² (train R² without test runs). Bottom
// panel: each run's learning rate over the same steps. Fonts, pens and markers scale with the
// figure's height (800 pixels is the reference).
#include <QSize>
#include <QString>
#include <vector>

#include "common/result.h"
#include "fit/fitter.h"

class QCustomPlot;

namespace lrscope::ui {

inline constexpr QSize kDefaultFigureSize{1200, 800};

// Draws into `plot` (cleared first). `runs` are the fitted inputs (their LR), in the result's
// order.
void drawFitFigure(QCustomPlot* plot, const LossLaw& law, const FitResult& fit,
                   const std::vector<FitRun>& runs, QSize size = kDefaultFigureSize);

// "png", "svg" or "pdf" from the file name's extension (any case); empty for any other.
QString figureFormat(const QString& path);

// Draws the figure and writes it to `path` in the format its extension names, `size` pixels (PDF:
// points). Needs a QApplication. Errors name the file and the reason.
Result<bool> saveFitFigure(const QString& path, QSize size, const LossLaw& law,
                           const FitResult& fit, const std::vector<FitRun>& runs);

}  // namespace lrscope::ui
