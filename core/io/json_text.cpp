#include "io/json_text.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>
#include <cstring>
#include <limits>

namespace lrscope {

namespace {

// Markers: strings no tool writes (they start with a NUL character, escaped).
constexpr char kNanMarker[] = "\"\\u0000NaN\"";
constexpr char kInfMarker[] = "\"\\u0000Infinity\"";
constexpr char kMinusInfMarker[] = "\"\\u0000-Infinity\"";

bool startsWithAt(const QByteArray& text, qsizetype at, const char* token) {
  const auto n = static_cast<qsizetype>(std::strlen(token));
  return at + n <= text.size() &&
         std::memcmp(text.constData() + at, token, static_cast<std::size_t>(n)) == 0;
}

// Replaces bare NaN / Infinity / -Infinity outside strings by markers; newlines are kept, so line
// numbers of errors still hold.
QByteArray markNonFinite(const QByteArray& text, bool& changed) {
  QByteArray out;
  changed = false;
  bool inString = false;
  qsizetype copied = 0;
  for (qsizetype i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == '"') {
      inString = true;
      continue;
    }
    const char* marker = nullptr;
    qsizetype length = 0;
    if (c == 'N' && startsWithAt(text, i, "NaN"))
      marker = kNanMarker, length = 3;
    else if (c == 'I' && startsWithAt(text, i, "Infinity"))
      marker = kInfMarker, length = 8;
    else if (c == '-' && startsWithAt(text, i, "-Infinity"))
      marker = kMinusInfMarker, length = 9;
    if (!marker) continue;
    if (!changed) out.reserve(text.size() + 64);
    changed = true;
    out.append(text.constData() + copied, i - copied).append(marker);
    i += length - 1;
    copied = i + 1;
  }
  if (changed) out.append(text.constData() + copied, text.size() - copied);
  return out;
}

}  // namespace

Result<QJsonDocument> parseJson(const QByteArray& text) {
  bool changed = false;
  const QByteArray marked = markNonFinite(text, changed);
  const QByteArray& source = changed ? marked : text;
  QJsonParseError error;
  QJsonDocument doc = QJsonDocument::fromJson(source, &error);
  if (error.error == QJsonParseError::NoError) return doc;
  const qsizetype at = std::clamp<qsizetype>(error.offset, 0, source.size());
  const qsizetype lineStart = source.lastIndexOf('\n', at > 0 ? at - 1 : 0) + 1;
  const qsizetype line = source.left(at).count('\n') + 1;
  return Error{QStringLiteral("line %1, column %2: %3")
                   .arg(line)
                   .arg(at - lineStart + 1)
                   .arg(error.errorString())};
}

bool jsonNumber(const QJsonValue& value, double& number) {
  if (value.isDouble()) {
    number = value.toDouble();
    return true;
  }
  if (!value.isString()) return false;
  const QString s = value.toString();
  if (s.isEmpty() || s.front() != QChar(0)) return false;
  if (s.mid(1) == QLatin1String("NaN"))
    number = std::numeric_limits<double>::quiet_NaN();
  else if (s.mid(1) == QLatin1String("Infinity"))
    number = std::numeric_limits<double>::infinity();
  else if (s.mid(1) == QLatin1String("-Infinity"))
    number = -std::numeric_limits<double>::infinity();
  else
    return false;
  return true;
}

QString jsonValueText(const QJsonValue& value) {
  switch (value.type()) {
    case QJsonValue::Null:
      return QStringLiteral("null");
    case QJsonValue::Bool:
      return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
      return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::String: {
      QString s = value.toString();
      if (s.size() > 40) s = s.left(37) + QStringLiteral("...");
      return QLatin1Char('\'') + s + QLatin1Char('\'');
    }
    case QJsonValue::Array:
      return QStringLiteral("an array");
    case QJsonValue::Object:
      return QStringLiteral("an object");
    case QJsonValue::Undefined:
      break;
  }
  return QStringLiteral("nothing");
}

}  // namespace lrscope
