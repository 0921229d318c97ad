#pragma once
// ProgressIndicator: a status-bar progress bar with a Cancel button, shown while work runs.
#include <QWidget>

class QProgressBar;
class QToolButton;

namespace lrscope::ui {

class ProgressIndicator : public QWidget {
  Q_OBJECT
 public:
  explicit ProgressIndicator(QWidget* parent = nullptr);
  void start(const QString& what);
  void setFraction(double fraction);
  void stop();

 Q_SIGNALS:
  void cancelRequested();

 private:
  QProgressBar* bar_;
  QToolButton* cancel_;
};

}  // namespace lrscope::ui
