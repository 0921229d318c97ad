#pragma once
// ScheduleFileController: opening, saving and exporting schedule files from the GUI (File menu).
// Reading and writing go through core/schedule; errors are shown with the file and JSON path.
#include <QObject>

class QWidget;

namespace lrscope::ui {

class Workspace;

class ScheduleFileController : public QObject {
  Q_OBJECT
 public:
  ScheduleFileController(Workspace* workspace, QWidget* dialogParent);

  // Each returns false and shows a message on failure (file named in the message).
  bool open(const QString& path);
  bool save(int index, const QString& path);
  // format: "csv", "pytorch" or "optax".
  bool exportTo(int index, const QString& format, const QString& path);

  // The same with a file dialog.
  void openWithDialog();
  void saveWithDialog(int index);
  void exportWithDialog(int index, const QString& format);

 Q_SIGNALS:
  void message(const QString& text);

 private:
  bool write(const QString& path, const QByteArray& data);
  bool fail(const QString& text);

  Workspace* workspace_;
  QWidget* dialogParent_;
};

}  // namespace lrscope::ui
