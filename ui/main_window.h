#pragma once
// The main window only wires docks, views and controllers together; it owns no numerics.
#include <QMainWindow>

namespace lrscope::ui {

class Workspace;
class ScheduleEditor;
class ScheduleList;
class RunList;
class LrPlotView;
class LossPlotView;
class ScheduleFileController;
class LogLoadController;
class LogReloadController;
class ProgressIndicator;
class FitController;
class FitPanel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);

  Workspace* workspace() const { return workspace_; }
  ScheduleEditor* scheduleEditor() const { return editor_; }
  ScheduleList* scheduleList() const { return list_; }
  LrPlotView* lrPlot() const { return lrPlot_; }
  LossPlotView* lossPlot() const { return lossPlot_; }
  ScheduleFileController* files() const { return files_; }
  LogLoadController* logs() const { return logs_; }
  LogReloadController* reloads() const { return reload_; }
  FitPanel* fitPanel() const { return fitPanel_; }
  FitController* fits() const { return fits_; }

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  // On the first show, when the window has its size: the Fit dock takes a third of it.
  void showEvent(QShowEvent* event) override;

 private:
  void createDocks();
  void createMenus();
  void connectLogLoading();
  void openLogsWithDialog();

  Workspace* workspace_;
  ScheduleEditor* editor_;
  ScheduleList* list_;
  RunList* runs_;
  LrPlotView* lrPlot_;
  LossPlotView* lossPlot_;
  ScheduleFileController* files_;
  LogLoadController* logs_;
  LogReloadController* reload_;
  ProgressIndicator* progress_;
  FitController* fits_;
  FitPanel* fitPanel_;
  bool docksSized_ = false;
};

}  // namespace lrscope::ui
