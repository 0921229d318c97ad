#include "schedule_editor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "schedule/schedule_export.h"
#include "schedule/schedule_registry.h"

namespace lrscope::ui {

namespace {

using Kind = ParameterSpec::Kind;

// Text shown for a JSON value in a line edit: numbers exactly, arrays as JSON.
QString displayText(const QJsonValue& v) {
  if (v.isDouble()) return exactNumber(v.toDouble());
  if (v.isString()) return v.toString();
  if (v.isArray())
    return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
  return {};
}

// Parses what the user typed: a number where it reads as one, JSON for lists, text otherwise, so
// that Schedule::fromJson can name the exact problem.
QJsonValue parseText(const ParameterSpec& spec, const QString& text) {
  const QString t = text.trimmed();
  if (spec.kind == Kind::Integer || spec.kind == Kind::Real) {
    bool ok = false;
    const double x = QLocale::c().toDouble(t, &ok);
    return ok ? QJsonValue(x) : QJsonValue(t);
  }
  if (spec.kind == Kind::Choice) return t;
  if (t.startsWith(QLatin1Char('['))) {
    const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(t);
  }
  QJsonArray items;  // "a, b, c"
  for (const QString& part : t.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    bool ok = false;
    const double x = QLocale::c().toDouble(part.trimmed(), &ok);
    items.append(ok ? QJsonValue(x) : QJsonValue(part.trimmed()));
  }
  return items;
}

}  // namespace

ScheduleEditor::ScheduleEditor(QWidget* parent)
    : QWidget(parent),
      family_(new QComboBox),
      form_(new QFormLayout),
      error_(new QLabel),
      add_(new QPushButton(tr("Add to plot"))) {
  family_->setObjectName(QStringLiteral("family"));
  add_->setObjectName(QStringLiteral("addSchedule"));
  error_->setObjectName(QStringLiteral("scheduleError"));
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #c62828"));
  for (const ScheduleFamily& f : scheduleFamilies()) {
    family_->addItem(f.name);
    family_->setItemData(family_->count() - 1, f.summary, Qt::ToolTipRole);
  }
  auto* layout = new QVBoxLayout(this);
  auto* top = new QFormLayout;
  top->addRow(tr("Family"), family_);
  layout->addLayout(top);
  layout->addLayout(form_);
  layout->addWidget(error_);
  layout->addWidget(add_);
  layout->addStretch();
  connect(family_, &QComboBox::currentTextChanged, this, &ScheduleEditor::rebuildForm);
  connect(add_, &QPushButton::clicked, this, [this] {
    if (schedule_) Q_EMIT addRequested(*schedule_);
  });
  setFamily(QStringLiteral("cosine"));
  rebuildForm();
}

void ScheduleEditor::setFamily(const QString& family) {
  family_->setCurrentText(family);
}

void ScheduleEditor::setSchedule(const Schedule& schedule) {
  setFamily(schedule.family());
  const QJsonObject values = schedule.toJson();
  for (auto it = editors_.begin(); it != editors_.end(); ++it) {
    const QJsonValue v = values.value(it.key());
    if (auto* combo = qobject_cast<QComboBox*>(it.value())) combo->setCurrentText(v.toString());
    if (auto* check = qobject_cast<QCheckBox*>(it.value())) check->setChecked(v.toBool());
    if (auto* line = qobject_cast<QLineEdit*>(it.value())) line->setText(displayText(v));
  }
  revalidate();
}

void ScheduleEditor::rebuildForm() {
  while (form_->rowCount() > 0) form_->removeRow(0);
  editors_.clear();
  const ScheduleFamily* family = findScheduleFamily(family_->currentText());
  if (!family) return;
  for (const ParameterSpec& spec : family->parameters) {
    QWidget* editor = nullptr;
    if (spec.kind == Kind::Choice) {
      auto* combo = new QComboBox;
      combo->addItems(spec.choices);
      combo->setCurrentText(spec.defaultValue.toString());
      connect(combo, &QComboBox::currentTextChanged, this, &ScheduleEditor::revalidate);
      editor = combo;
    } else if (spec.kind == Kind::Boolean) {
      auto* check = new QCheckBox;
      check->setChecked(spec.defaultValue.toBool());
      connect(check, &QCheckBox::toggled, this, &ScheduleEditor::revalidate);
      editor = check;
    } else {
      auto* line = new QLineEdit(displayText(spec.defaultValue));
      line->setPlaceholderText(spec.required() ? tr("required") : tr("optional"));
      connect(line, &QLineEdit::textChanged, this, &ScheduleEditor::revalidate);
      editor = line;
    }
    editor->setObjectName(spec.name);
    editor->setToolTip(spec.meaning);
    editors_.insert(spec.name, editor);
    form_->addRow(spec.name, editor);
  }
  revalidate();
}

QJsonObject ScheduleEditor::parameters() const {
  QJsonObject object{{QStringLiteral("family"), family_->currentText()}};
  const ScheduleFamily* family = findScheduleFamily(family_->currentText());
  if (!family) return object;
  for (const ParameterSpec& spec : family->parameters) {
    QWidget* editor = editors_.value(spec.name);
    if (auto* combo = qobject_cast<QComboBox*>(editor))
      object.insert(spec.name, combo->currentText());
    if (auto* check = qobject_cast<QCheckBox*>(editor))
      object.insert(spec.name, check->isChecked());
    if (auto* line = qobject_cast<QLineEdit*>(editor); line && !line->text().trimmed().isEmpty())
      object.insert(spec.name, parseText(spec, line->text()));
  }
  return object;
}

QString ScheduleEditor::errorText() const {
  return error_->text();
}

void ScheduleEditor::revalidate() {
  Result<Schedule> result = Schedule::fromJson(parameters());
  schedule_.reset();
  if (result) schedule_ = std::move(result).value();
  error_->setText(result ? QString() : result.error());
  add_->setEnabled(schedule_.has_value());
}

}  // namespace lrscope::ui
