#pragma once
// RunList: the loaded runs with their colours; tick to show or hide, remove, and a tooltip per run
// with its series, point counts, step ranges and the reader's warnings.
#include <QWidget>

class QListWidget;

namespace lrscope::ui {

class Workspace;

class RunList : public QWidget {
  Q_OBJECT
 public:
  explicit RunList(Workspace* workspace, QWidget* parent = nullptr);

 private:
  void refresh();
  Workspace* workspace_;
  QListWidget* list_;
};

}  // namespace lrscope::ui
