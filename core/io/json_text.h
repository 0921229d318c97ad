#pragma once
// JSON as training tools write it: Python's json module writes NaN, Infinity and -Infinity (a
// diverged loss in trainer_state.json or a W&B history line), which strict JSON parsers reject.
// parseJson turns those tokens (outside strings) into marker strings that jsonNumber reads back
// as NaN/inf; everything else is QJsonDocument. Errors give line and column.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QString>

#include "common/result.h"

namespace lrscope {

// The document in `text`, or an error "line L, column C: <what>" (no file name).
Result<QJsonDocument> parseJson(const QByteArray& text);

// A number of a parsed document (NaN/Infinity markers included); false for anything else.
bool jsonNumber(const QJsonValue& value, double& number);

// A value for messages: the number, or a short description of a non-number.
QString jsonValueText(const QJsonValue& value);

}  // namespace lrscope
