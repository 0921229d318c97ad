#include "progress_indicator.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

namespace lrscope::ui {

ProgressIndicator::ProgressIndicator(QWidget* parent)
    : QWidget(parent), bar_(new QProgressBar), cancel_(new QToolButton) {
  cancel_->setObjectName(QStringLiteral("cancelWork"));
  cancel_->setText(tr("Cancel"));
  bar_->setRange(0, 1000);
  bar_->setMaximumWidth(220);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(bar_);
  layout->addWidget(cancel_);
  connect(cancel_, &QToolButton::clicked, this, &ProgressIndicator::cancelRequested);
  hide();
}

void ProgressIndicator::start(const QString& what) {
  bar_->setFormat(what + QStringLiteral(" %p%"));
  bar_->setValue(0);
  show();
}

void ProgressIndicator::setFraction(double fraction) {
  bar_->setValue(int(fraction * 1000));
}

void ProgressIndicator::stop() {
  hide();
}

}  // namespace lrscope::ui
