#pragma once
// LrPlotView: the learning-rate plot. Draws every schedule of the Workspace (arrays sampled by
// core; the view computes nothing), with drag/zoom on both axes, a legend and a log-y toggle.
#include <QWidget>

class QCustomPlot;

namespace lrscope::ui {

class Workspace;

class LrPlotView : public QWidget {
  Q_OBJECT
 public:
  explicit LrPlotView(Workspace* workspace, QWidget* parent = nullptr);

  QCustomPlot* plot() const { return plot_; }
  void setLogScale(bool on);
  void resetView();

 private:
  void refresh();

  Workspace* workspace_;
  QCustomPlot* plot_;
};

}  // namespace lrscope::ui
