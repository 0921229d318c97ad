#pragma once
// Shared plot set-up for the LR and loss plots: interactions, labels, legend, log axes, data.
#include <QString>
#include <cstdint>
#include <vector>

class QCustomPlot;
class QCPAxis;
class QCPGraph;

namespace lrscope::ui {

void stylePlot(QCustomPlot* plot, const QString& xLabel, const QString& yLabel);
// A true logarithmic axis (values <= 0 are not drawn) or back to linear.
void setLogAxis(QCPAxis* axis, bool on);
// Steps as keys (already sorted by core), values as they are: NaN draws a gap.
void setSeriesData(QCPGraph* graph, const std::vector<std::int64_t>& steps,
                   const std::vector<double>& values);
void setSeriesData(QCPGraph* graph, const std::vector<double>& valuesPerStep);

}  // namespace lrscope::ui
