#pragma once
// StepPlotView: a QCustomPlot over training steps filling its widget, styled like every LRScope
// plot (drag/zoom, legend, labels) with a log-y toggle and a reset of the view to the data.
// LrPlotView and LossPlotView add what they draw.
#include <QWidget>

class QCustomPlot;

namespace lrscope::ui {

class StepPlotView : public QWidget {
  Q_OBJECT
 public:
  QCustomPlot* plot() const { return plot_; }
  void setLogScale(bool on);
  void resetView();  // axes rescaled to the data, the legend shown when it names something

 protected:
  StepPlotView(const QString& objectName, const QString& xLabel, const QString& yLabel,
               QWidget* parent);

  QCustomPlot* plot_;
};

}  // namespace lrscope::ui
