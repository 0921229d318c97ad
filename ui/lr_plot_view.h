#pragma once
// LrPlotView: the learning-rate plot. Draws every schedule of the Workspace (arrays sampled by
// core; the view computes nothing) and the logged "lr" series of every visible run without an
// attached schedule, in the run's colour; drag/zoom on both axes, a legend and a log-y toggle.
#include "step_plot_view.h"

namespace lrscope::ui {

class Workspace;

class LrPlotView : public StepPlotView {
  Q_OBJECT
 public:
  explicit LrPlotView(Workspace* workspace, QWidget* parent = nullptr);

 private:
  void refresh();

  Workspace* workspace_;
};

}  // namespace lrscope::ui
