#pragma once
// The main window only wires docks, views and controllers together; it owns no numerics.
#include <QMainWindow>

namespace lrscope::ui {

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
};

}  // namespace lrscope::ui
