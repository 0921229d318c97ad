#include "fit_figure.h"

#include <qcustomplot.h>
#include <QApplication>
#include <QFileInfo>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>

#include "fit/prediction_band.h"
#include "plot_style.h"

namespace lrscope::ui {

namespace {

constexpr std::size_t kMarkerLimit = 400;        // denser observations are drawn as a line
constexpr std::int64_t kPredictedPoints = 1500;  // steps the predicted curve is evaluated on

// The figure's sizes in pixels for its height: 800 pixels -> factor 1.
struct Scale {
  double f;
  int px(double size) const { return std::max(1, static_cast<int>(std::lround(size * f))); }
};

QFont font(const Scale& s, double pixels, bool bold = false) {
  QFont f(QStringLiteral("DejaVu Sans"));
  f.setPixelSize(s.px(pixels));
  f.setBold(bold);
  return f;
}

void styleAxis(QCPAxis* axis, const Scale& s, const QString& label) {
  const QPen line(QColor(0x50, 0x50, 0x50), s.f);
  axis->setVisible(true);
  axis->setLabel(label);
  axis->setLabelFont(font(s, 19));
  axis->setTickLabelFont(font(s, 16));
  axis->setBasePen(line);
  axis->setTickPen(line);
  axis->setSubTickPen(line);
  axis->setTickLengthOut(s.px(5));
  axis->setTickLengthIn(0);
  axis->setSubTickLengthOut(s.px(2));
  axis->setSubTickLengthIn(0);
  axis->setLabelPadding(s.px(8));
  axis->grid()->setPen(QPen(QColor(0xe3, 0xe3, 0xe3), s.f));
  axis->grid()->setZeroLinePen(Qt::NoPen);
}

// Steps between the run's first and last observed one where the curve is drawn.
std::vector<std::int64_t> predictionSteps(const RunFit& run) {
  const std::int64_t first = run.steps.front(), last = run.steps.back();
  const std::int64_t stride = std::max<std::int64_t>(1, (last - first) / kPredictedPoints);
  std::vector<std::int64_t> steps;
  for (std::int64_t n = first; n < last; n += stride) steps.push_back(n);
  steps.push_back(last);
  return steps;
}

QString titleText(const LossLaw& law, const FitResult& fit) {
  QString text = QStringLiteral("%1 fit: %2").arg(law.name(), law.title());
  if (fit.hasTest) text += QStringLiteral("   test R² = %1").arg(fit.test.r2, 0, 'f', 5);
  text += QStringLiteral("   train R² = %1").arg(fit.train.r2, 0, 'f', 5);
  if (fit.status != FitStatus::Converged)
    text += QStringLiteral("  [%1]").arg(fitStatusName(fit.status));
  return text;
}

void drawRun(QCustomPlot* plot, QCPAxisRect* lossRect, QCPAxisRect* lrRect, const Scale& s,
             const LossLaw& law, const FitResult& fit, const RunFit& run, const FitRun* input,
             const QColor& color) {
  QCPAxis* x = lossRect->axis(QCPAxis::atBottom);
  QCPAxis* y = lossRect->axis(QCPAxis::atLeft);
  QCPGraph* observed = plot->addGraph(x, y);
  observed->removeFromLegend();
  QColor faint = color;
  faint.setAlphaF(0.5);
  if (run.steps.size() > kMarkerLimit) {
    observed->setPen(QPen(faint, 1.2 * s.f));
  } else {
    observed->setLineStyle(QCPGraph::lsNone);
    observed->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, faint, faint, 5 * s.f));
  }
  setSeriesData(observed, run.steps, run.observed);

  std::vector<std::int64_t> steps = run.steps;
  PredictionBand band{run.predicted, run.lower, run.upper};
  const bool withBand = !run.lower.empty();  // the fit has a covariance and a residual scale
  if (input) {
    std::vector<std::int64_t> dense = predictionSteps(run);
    if (auto denser = predictionBand(law, fit.values(), fit.covariance, input->schedule, dense,
                                     1.96, withBand ? fit.residualScale : 0.0)) {
      steps = std::move(dense);
      band = std::move(denser).value();
    }
  }
  if (withBand) {
    QColor fill = color;
    fill.setAlpha(50);
    addBand(x, y, steps, band.lower, band.upper, fill);
  }

  QCPGraph* predicted = plot->addGraph(x, y);
  const bool test = run.role == FitRole::Test;
  predicted->setName(QStringLiteral("%1 (%2)").arg(
      run.name, test ? QStringLiteral("test") : QStringLiteral("train")));
  QPen pen(color.darker(130), 2.4 * s.f, test ? Qt::DashLine : Qt::SolidLine);
  pen.setCapStyle(Qt::FlatCap);
  predicted->setPen(pen);
  setSeriesData(predicted, steps, band.predicted);

  if (!input || !lrRect) return;
  QCPGraph* lr = plot->addGraph(lrRect->axis(QCPAxis::atBottom), lrRect->axis(QCPAxis::atLeft));
  lr->removeFromLegend();
  lr->setPen(QPen(color, 1.8 * s.f, test ? Qt::DashLine : Qt::SolidLine));
  std::vector<double> perStep = input->schedule.lr->values();
  perStep.resize(std::min<std::size_t>(perStep.size(), run.steps.back() + 1));
  setSeriesData(lr, perStep);
}

}  // namespace

void drawFitFigure(QCustomPlot* plot, const LossLaw& law, const FitResult& fit,
                   const std::vector<FitRun>& runs, QSize size) {
  const Scale s{size.height() / 800.0};
  plot->clearPlottables();
  plot->plotLayout()->clear();
  plot->setBackground(Qt::white);
  plot->setAntialiasedElements(QCP::aeAll);

  auto* title = new QCPTextElement(plot, titleText(law, fit), font(s, 22, true));
  plot->plotLayout()->addElement(0, 0, title);
  auto* lossRect = new QCPAxisRect(plot);
  plot->plotLayout()->addElement(1, 0, lossRect);
  const bool withLr = !runs.empty();
  QCPAxisRect* lrRect = withLr ? new QCPAxisRect(plot) : nullptr;
  if (lrRect) {
    plot->plotLayout()->addElement(2, 0, lrRect);
    plot->plotLayout()->setRowStretchFactors({0.01, 0.72, 0.28});
    plot->plotLayout()->setRowSpacing(s.px(6));
    auto* margins = new QCPMarginGroup(plot);
    lossRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    lrRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    styleAxis(lrRect->axis(QCPAxis::atBottom), s, QStringLiteral("step"));
    styleAxis(lrRect->axis(QCPAxis::atLeft), s, QStringLiteral("learning rate"));
    lrRect->axis(QCPAxis::atLeft)->setNumberFormat(QStringLiteral("gb"));
    lrRect->axis(QCPAxis::atLeft)->ticker()->setTickCount(3);
  }
  // With the LR panel below, "step" labels its axis only.
  styleAxis(lossRect->axis(QCPAxis::atBottom), s, lrRect ? QString() : QStringLiteral("step"));
  styleAxis(lossRect->axis(QCPAxis::atLeft), s, QStringLiteral("loss"));

  auto* legend = new QCPLegend;
  lossRect->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
  legend->setLayer(QStringLiteral("legend"));
  legend->setFont(font(s, 16));
  legend->setBrush(QColor(255, 255, 255, 225));
  legend->setBorderPen(QPen(QColor(0xc8, 0xc8, 0xc8), s.f));
  legend->setIconSize(s.px(36), s.px(22));
  plot->legend = legend;

  bool markers = false;
  for (std::size_t i = 0; i < fit.runs.size(); ++i) {
    const RunFit& run = fit.runs[i];
    if (run.steps.empty()) continue;
    markers = markers || run.steps.size() <= kMarkerLimit;
    const FitRun* input = i < runs.size() && runs[i].name == run.name ? &runs[i] : nullptr;
    drawRun(plot, lossRect, lrRect, s, law, fit, run, input, paletteColor(static_cast<int>(i)));
  }
  QCPGraph* key =
      plot->addGraph(lossRect->axis(QCPAxis::atBottom), lossRect->axis(QCPAxis::atLeft));
  key->setName(QStringLiteral("observed"));
  const QColor grey(0x90, 0x90, 0x90);
  key->setPen(QPen(grey, 1.2 * s.f));
  if (markers) {
    key->setLineStyle(QCPGraph::lsNone);
    key->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, grey, grey, 5 * s.f));
  }

  plot->rescaleAxes();
  for (QCPAxisRect* rect : {lossRect, lrRect}) {
    if (!rect) continue;
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    const QCPRange r = y->range();
    y->setRange(rect == lrRect ? 0.0 : r.lower - 0.05 * r.size(), r.upper + 0.06 * r.size());
  }
  if (lrRect) lrRect->axis(QCPAxis::atBottom)->setRange(lossRect->axis(QCPAxis::atBottom)->range());
}

QString figureFormat(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  return suffix == QLatin1String("png") || suffix == QLatin1String("svg") ||
                 suffix == QLatin1String("pdf")
             ? suffix
             : QString();
}

Result<bool> saveFitFigure(const QString& path, QSize size, const LossLaw& law,
                           const FitResult& fit, const std::vector<FitRun>& runs) {
  const QString format = figureFormat(path);
  if (format.isEmpty())
    return Error{QStringLiteral("%1: unknown figure format (use .png, .svg or .pdf)").arg(path)};
  if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
    return Error{QStringLiteral("%1: drawing a figure needs a QApplication").arg(path)};
  QFile probe(path);
  if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate))
    return Error{QStringLiteral("%1: cannot write (%2)").arg(path, probe.errorString())};
  probe.close();
  QCustomPlot plot;
  plot.resize(size);
  drawFitFigure(&plot, law, fit, runs, size);
  const int w = size.width(), h = size.height();
  bool ok = false;
  if (format == QLatin1String("png")) {
    ok = plot.savePng(path, w, h);
  } else if (format == QLatin1String("pdf")) {
    ok =
        plot.savePdf(path, w, h, QCP::epNoCosmetic, QStringLiteral("LRScope"), titleText(law, fit));
  } else {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(titleText(law, fit));
    QCPPainter painter;
    if (painter.begin(&svg)) {
      plot.toPainter(&painter, w, h);
      ok = painter.end();
    }
  }
  if (!ok) return Error{QStringLiteral("%1: writing the %2 figure failed").arg(path, format)};
  return true;
}

}  // namespace lrscope::ui
