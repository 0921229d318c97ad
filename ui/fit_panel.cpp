#include "fit_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "common/number_format.h"
#include "fit/fit_run_from_log.h"
#include "fit_controller.h"
#include "law/law_registry.h"
#include "workspace.h"

namespace lrscope::ui {

namespace {

QTableWidgetItem* cell(const QString& text) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(item->flags() & ~Qt::ItemIsEditable);
  return item;
}

QString number(double v, int digits = 5) {
  return QString::number(v, 'g', digits);
}

}  // namespace

FitPanel::FitPanel(Workspace* workspace, FitController* controller, QWidget* parent)
    : QWidget(parent),
      workspace_(workspace),
      controller_(controller),
      law_(new QComboBox),
      convention_(new QComboBox),
      method_(new QComboBox),
      prior_(new QDoubleSpinBox),
      runs_(new QTableWidget(0, 2)),
      fit_(new QPushButton(tr("Fit"))),
      cancel_(new QPushButton(tr("Cancel"))),
      status_(new QLabel),
      parameters_(new QTableWidget(0, 3)),
      metrics_(new QTableWidget(0, 8)) {
  law_->setObjectName(QStringLiteral("law"));
  convention_->setObjectName(QStringLiteral("convention"));
  method_->setObjectName(QStringLiteral("method"));
  prior_->setObjectName(QStringLiteral("prior"));
  status_->setObjectName(QStringLiteral("fitStatus"));
  runs_->setObjectName(QStringLiteral("fitRuns"));
  fit_->setObjectName(QStringLiteral("fit"));
  cancel_->setObjectName(QStringLiteral("cancelFit"));
  parameters_->setObjectName(QStringLiteral("fitParameters"));
  metrics_->setObjectName(QStringLiteral("fitMetrics"));
  status_->setWordWrap(true);
  setMinimumWidth(420);
  law_->addItems(lossLawNames());
  convention_->addItems({tr("default"), QStringLiteral("paper"), QStringLiteral("reference"),
                         QStringLiteral("actual")});
  convention_->setToolTip(
      tr("mpl: paper (default) or reference (warmup in the loss drop, as the "
         "published parameters); momentum/cpt: reference or actual warmup"));
  method_->addItem(tr("LRScope (multi-start, mild prior)"), int(FitMethod::MultiStart));
  method_->addItem(tr("MPL reference code (AdamW)"), int(FitMethod::ReferenceAdamW));
  method_->setToolTip(
      tr("mpl: LRScope's minimiser, or the reference code's procedure (AdamW from its reduced "
         "fit), which reproduces the published parameters (docs/laws-and-fitting.md §6)"));
  prior_->setRange(0.0, 10000.0);
  prior_->setDecimals(2);
  prior_->setValue(FitOptions{}.priorStrength);
  prior_->setToolTip(
      tr("Strength of MPL's mild prior on B, C, beta, gamma toward its data-seeded start "
         "(kappa): 0 is the plain minimiser, which on few runs drifts to parameters that predict "
         "longer runs worse; the default was chosen on the MPL paper's curves "
         "(docs/laws-and-fitting.md §6)"));
  runs_->setHorizontalHeaderLabels({tr("Run"), tr("Role")});
  parameters_->setHorizontalHeaderLabels({tr("Parameter"), tr("Value"), tr("Std. error")});
  metrics_->setHorizontalHeaderLabels({tr("Run"), tr("R²"), tr("MAE"), tr("RMSE"), tr("PredE"),
                                       tr("WorstE"), tr("Noise"), tr("In band")});
  metrics_->horizontalHeaderItem(7)->setToolTip(
      tr("Share of the run's points inside the 95% prediction interval (parameter uncertainty "
         "plus the fit's residual scale): about 95% on training runs; far less on a held-out "
         "run means the law predicts it worse than the error bars say"));
  for (QTableWidget* t : {runs_, parameters_, metrics_}) {
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
  }
  cancel_->setEnabled(false);

  auto* form = new QFormLayout;
  form->addRow(tr("Law"), law_);
  form->addRow(tr("Convention"), convention_);
  form->addRow(tr("Method"), method_);
  form->addRow(tr("Prior strength"), prior_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(fit_);
  buttons->addWidget(cancel_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(runs_, 2);
  layout->addLayout(buttons);
  layout->addWidget(status_);
  layout->addWidget(parameters_, 2);
  layout->addWidget(metrics_, 2);

  connect(law_, &QComboBox::currentTextChanged, this, &FitPanel::enableLawOptions);
  connect(method_, &QComboBox::currentIndexChanged, this, &FitPanel::enableLawOptions);
  enableLawOptions();
  connect(fit_, &QPushButton::clicked, this, &FitPanel::startFit);
  connect(cancel_, &QPushButton::clicked, controller_, &FitController::cancel);
  connect(workspace_, &Workspace::runsChanged, this, &FitPanel::refreshRuns);
  connect(
      controller_, &FitController::progress, this,
      [this](const QString& stage, int iteration, double objective) {
        status_->setText(
            tr("%1, iteration %2, objective %3").arg(stage).arg(iteration).arg(number(objective)));
      });
  connect(controller_, &FitController::livePrediction, this,
          [this](const std::vector<RunPrediction>& predictions) {
            QHash<int, RunPrediction> byId;
            for (std::size_t i = 0; i < predictions.size() && i < requestRunIds_.size(); ++i)
              byId.insert(requestRunIds_[i], predictions[i]);
            workspace_->setPredictions(std::move(byId));
          });
  connect(controller_, &FitController::finished, this, &FitPanel::showResult);
  refreshRuns();
}

// The method and the prior exist for laws with a reference start (MPL); the reference procedure
// has no prior.
void FitPanel::enableLawOptions() {
  const bool reference = hasReferenceStart(law_->currentText());
  method_->setEnabled(reference);
  prior_->setEnabled(reference && chosenMethod() == FitMethod::MultiStart);
}

FitMethod FitPanel::chosenMethod() const {
  return hasReferenceStart(law_->currentText())
             ? static_cast<FitMethod>(method_->currentData().toInt())
             : FitMethod::MultiStart;
}

void FitPanel::refreshRuns() {
  QHash<int, QString> roles;  // chosen roles survive a refresh (a reloaded log, a ticked run)
  for (int row = 0; row < runs_->rowCount() && row < rowRunIds_.size(); ++row)
    if (auto* combo = qobject_cast<QComboBox*>(runs_->cellWidget(row, 1)))
      roles.insert(rowRunIds_[row], combo->currentText());
  runs_->setRowCount(0);
  rowRunIds_.clear();
  for (const RunEntry& entry : workspace_->runs()) {
    const int row = runs_->rowCount();
    runs_->insertRow(row);
    runs_->setItem(row, 0, cell(entry.run.name));
    auto* role = new QComboBox;
    role->addItems({QStringLiteral("train"), QStringLiteral("test"), QStringLiteral("skip")});
    role->setCurrentText(roles.value(entry.id, QStringLiteral("train")));
    runs_->setCellWidget(row, 1, role);
    rowRunIds_ << entry.id;
  }
}

void FitPanel::setRole(int index, const QString& role) {
  if (auto* combo = qobject_cast<QComboBox*>(runs_->cellWidget(index, 1)))
    combo->setCurrentText(role);
}

void FitPanel::startFit() {
  FitRequest request;
  request.law = law_->currentText();
  if (convention_->currentIndex() > 0)
    request.lawOptions.insert(QStringLiteral("convention"), convention_->currentText());
  request.options.priorStrength = prior_->value();
  request.options.method = chosenMethod();
  requestRunIds_.clear();
  QStringList problems;
  for (int row = 0; row < runs_->rowCount() && row < workspace_->runs().size(); ++row) {
    const QString role = qobject_cast<QComboBox*>(runs_->cellWidget(row, 1))->currentText();
    if (role == QLatin1String("skip")) continue;
    const RunEntry& entry = workspace_->runs()[row];
    FitRunOptions options;
    options.schedule = entry.schedule ? &*entry.schedule : nullptr;
    Result<FitRun> run = fitRunFromLog(
        entry.run, role == QLatin1String("train") ? FitRole::Train : FitRole::Test, options);
    if (!run) {
      problems << run.error();
      continue;
    }
    request.runs.push_back(std::move(run).value());
    requestRunIds_.push_back(entry.id);
  }
  QString error;
  if (!problems.isEmpty() || !controller_->start(std::move(request), &error)) {
    status_->setText((problems + QStringList{error}).join(QLatin1Char('\n')).trimmed());
    return;
  }
  fit_->setEnabled(false);
  cancel_->setEnabled(true);
  status_->setText(tr("Fitting..."));
}

void FitPanel::showResult(const FitResult& result) {
  fit_->setEnabled(true);
  cancel_->setEnabled(false);
  QString summary =
      tr("%1 (%2 starts, %3 s); objective %4")
          .arg(result.message.isEmpty() ? fitStatusName(result.status) : result.message)
          .arg(result.starts)
          .arg(number(result.elapsedSeconds, 3))
          .arg(number(result.objective));
  if (!result.priorCentre.empty())
    summary += tr(", prior penalty %1").arg(number(result.priorPenalty));
  QStringList lines{summary};
  lines << result.warnings;
  status_->setText(lines.join(QLatin1Char('\n')));
  parameters_->setRowCount(0);
  for (const ParameterEstimate& p : result.parameters) {
    const int row = parameters_->rowCount();
    parameters_->insertRow(row);
    QString note = p.fixed          ? tr(" (fixed)")
                   : p.atLowerBound ? tr(" (at lower bound)")
                   : p.atUpperBound ? tr(" (at upper bound)")
                                    : QString();
    parameters_->setItem(row, 0, cell(p.name + note));
    parameters_->setItem(row, 1, cell(number(p.value, 6)));
    parameters_->item(row, 1)->setToolTip(exactNumber(p.value));
    parameters_->setItem(
        row, 2,
        cell(std::isnan(p.standardError) ? QStringLiteral("–") : number(p.standardError, 3)));
  }
  metrics_->setRowCount(0);
  auto addRow = [this](const QString& name, const Metrics& m, double noise, double coverage) {
    const int row = metrics_->rowCount();
    metrics_->insertRow(row);
    const double values[] = {m.r2, m.mae, m.rmse, m.prede, m.worste, noise};
    metrics_->setItem(row, 0, cell(name));
    for (int c = 0; c < 6; ++c)
      metrics_->setItem(
          row, c + 1, cell(std::isnan(values[c]) ? QString() : number(values[c], c == 0 ? 4 : 3)));
    metrics_->setItem(
        row, 7,
        cell(std::isnan(coverage) ? QString() : QString::number(100 * coverage, 'f', 0) + '%'));
  };
  for (const RunFit& run : result.runs)
    addRow(run.name + (run.role == FitRole::Train ? tr(" (train)") : tr(" (test)")), run.metrics,
           run.noiseStd, run.bandCoverage);
  addRow(tr("mean over train"), result.train, std::nan(""), std::nan(""));
  if (result.hasTest) addRow(tr("mean over test"), result.test, std::nan(""), std::nan(""));
  // Columns as wide as their numbers, so every column shows in the dock without scrolling.
  for (QTableWidget* t : {parameters_, metrics_}) {
    t->resizeColumnsToContents();
    t->resizeRowsToContents();
  }
  QHash<int, RunPrediction> byId;
  for (std::size_t i = 0; i < result.runs.size() && i < requestRunIds_.size(); ++i)
    byId.insert(requestRunIds_[i], {result.runs[i].steps, result.runs[i].predicted,
                                    result.runs[i].lower, result.runs[i].upper});
  workspace_->setPredictions(std::move(byId));
}

}  // namespace lrscope::ui
