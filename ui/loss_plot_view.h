#pragma once
// LossPlotView: the loss plot. Draws every loss-like series ("loss", "val/loss", "train_loss", ...)
// of the visible runs in the run's colour; NaN points are gaps; a law's predicted curve of a run is
// drawn dotted in a darker shade and redrawn as a fit progresses, and once the fit has finished
// its 95% prediction interval is a translucent band beneath the curves. Drag/zoom, legend, log-y
// toggle.
#include "step_plot_view.h"

class QCPGraph;

namespace lrscope::ui {

class Workspace;

class LossPlotView : public StepPlotView {
  Q_OBJECT
 public:
  explicit LossPlotView(Workspace* workspace, QWidget* parent = nullptr);

  // True for series names that hold a loss ("loss", "val/loss", "eval_loss", "train/lm_loss").
  static bool isLossSeries(const QString& name);

 private:
  void refresh();
  void refreshPredictions();

  Workspace* workspace_;
  QList<QCPGraph*> predictionGraphs_;  // predicted curves and their bands' edges
};

}  // namespace lrscope::ui
