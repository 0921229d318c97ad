#pragma once
// The main window only wires docks, views and controllers together; it owns no numerics.
#include <QMainWindow>

namespace lrscope::ui {

class Workspace;
class ScheduleEditor;
class ScheduleList;
class LrPlotView;
class ScheduleFileController;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);

  Workspace* workspace() const { return workspace_; }
  ScheduleEditor* scheduleEditor() const { return editor_; }
  ScheduleList* scheduleList() const { return list_; }
  LrPlotView* lrPlot() const { return lrPlot_; }
  ScheduleFileController* files() const { return files_; }

 private:
  void createMenus();

  Workspace* workspace_;
  ScheduleEditor* editor_;
  ScheduleList* list_;
  LrPlotView* lrPlot_;
  ScheduleFileController* files_;
};

}  // namespace lrscope::ui
