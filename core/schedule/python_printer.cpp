#include "schedule/python_printer.h"

#include "common/number_format.h"

#include <cmath>

namespace lrscope {

namespace {

class Printer {
 public:
  Printer(PythonDialect dialect, QString step) : dialect_(dialect), step_(std::move(step)) {}

  PythonCode run(const Expr& e) {
    PythonCode code;
    code.expression = print(e);
    code.definitions = definitions_;
    return code;
  }

 private:
  bool jax() const { return dialect_ == PythonDialect::JaxNumpy; }

  QString list(const std::vector<double>& values) const {
    QStringList items;
    items.reserve(static_cast<qsizetype>(values.size()));
    for (double v : values) items << pythonFloat(v);
    return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
  }

  // Each distinct table is defined once, however often the formula uses it.
  QString table(const Expr& e) {
    for (const auto& [xs, ys, known] : tables_)
      if (xs == e.tableX() && ys == e.tableY()) return known;
    const QString name = QStringLiteral("_LRSCOPE_T%1").arg(tables_.size());
    tables_.push_back({e.tableX(), e.tableY(), name});
    const QString wrap = jax() ? QStringLiteral("jnp.asarray(%1)") : QStringLiteral("%1");
    definitions_ << QStringLiteral("%1_X = %2").arg(name, wrap.arg(list(e.tableX())));
    definitions_ << QStringLiteral("%1_Y = %2").arg(name, wrap.arg(list(e.tableY())));
    return name;
  }

  void addHelper(const QString& key, const QStringList& lines) {
    if (helpers_.contains(key)) return;
    helpers_ << key;
    definitions_ << lines;
  }

  QString call(const QString& mathName, const QString& jaxName, const QString& a) const {
    return (jax() ? jaxName : mathName) + QLatin1Char('(') + a + QLatin1Char(')');
  }

  QString print(const Expr& e) {
    using Op = Expr::Op;
    auto a = [&](int i) { return print(e.arg(i)); };
    auto bin = [&](const char* op) {
      return QStringLiteral("(%1 %2 %3)").arg(a(0), QLatin1String(op), a(1));
    };
    switch (e.op()) {
      case Op::Constant:
        return pythonFloat(e.constantValue());
      case Op::Step:
        return step_;
      case Op::Add:
        return bin("+");
      case Op::Sub:
        return bin("-");
      case Op::Mul:
        return bin("*");
      case Op::Div:
        return bin("/");
      case Op::Pow:
        return jax() ? QStringLiteral("jnp.power(%1, %2)").arg(a(0), a(1)) : bin("**");
      case Op::Min:
        return QStringLiteral("%1(%2, %3)").arg(jax() ? "jnp.minimum" : "min", a(0), a(1));
      case Op::Max:
        return QStringLiteral("%1(%2, %3)").arg(jax() ? "jnp.maximum" : "max", a(0), a(1));
      case Op::Less:
        return bin("<");
      case Op::LessEqual:
        return bin("<=");
      case Op::Where:
        return jax() ? QStringLiteral("jnp.where(%1, %2, %3)").arg(a(0), a(1), a(2))
                     : QStringLiteral("(%2 if %1 else %3)").arg(a(0), a(1), a(2));
      case Op::Cos:
        return call("math.cos", "jnp.cos", a(0));
      case Op::Sqrt:
        return call("math.sqrt", "jnp.sqrt", a(0));
      case Op::Exp:
        return call("math.exp", "jnp.exp", a(0));
      case Op::Log:
        return call("math.log", "jnp.log", a(0));
      case Op::Floor:
        return call("math.floor", "jnp.floor", a(0));
      case Op::Abs:
        return call("abs", "jnp.abs", a(0));
      case Op::Interp:
        return interp(e, a(0));
      case Op::Previous:
        return previous(e, a(0));
    }
    return {};
  }

  QString interp(const Expr& e, const QString& x) {
    const QString t = table(e);
    if (jax()) return QStringLiteral("jnp.interp(%1, %2_X, %2_Y)").arg(x, t);
    addHelper(QStringLiteral("interp"),
              {QStringLiteral("def _lrscope_interp(x, xs, ys):"),
               QStringLiteral("    i = bisect.bisect_right(xs, x)"),
               QStringLiteral("    if i == 0:"), QStringLiteral("        return ys[0]"),
               QStringLiteral("    if i == len(xs):"), QStringLiteral("        return ys[-1]"),
               QStringLiteral("    t = (x - xs[i - 1]) / (xs[i] - xs[i - 1])"),
               QStringLiteral("    return ys[i - 1] + t * (ys[i] - ys[i - 1])")});
    return QStringLiteral("_lrscope_interp(%1, %2_X, %2_Y)").arg(x, t);
  }

  QString previous(const Expr& e, const QString& x) {
    const QString t = table(e);
    if (jax())
      return QStringLiteral("%2_Y[jnp.maximum(jnp.searchsorted(%2_X, %1, side='right') - 1, 0)]")
          .arg(x, t);
    addHelper(QStringLiteral("previous"),
              {QStringLiteral("def _lrscope_previous(x, xs, ys):"),
               QStringLiteral("    return ys[max(bisect.bisect_right(xs, x) - 1, 0)]")});
    return QStringLiteral("_lrscope_previous(%1, %2_X, %2_Y)").arg(x, t);
  }

  PythonDialect dialect_;
  QString step_;
  QStringList definitions_;
  QStringList helpers_;
  struct Table {
    std::vector<double> xs, ys;
    QString name;
  };
  std::vector<Table> tables_;
};

}  // namespace

QString pythonFloat(double value) {
  if (std::isnan(value)) return QStringLiteral("float('nan')");
  if (std::isinf(value))
    return value > 0 ? QStringLiteral("float('inf')") : QStringLiteral("float('-inf')");
  QString text = exactNumber(value);
  if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
    text += QStringLiteral(".0");
  return value < 0 ? QLatin1Char('(') + text + QLatin1Char(')') : text;
}

PythonCode printPython(const Expr& expr, PythonDialect dialect, const QString& stepVariable) {
  return Printer(dialect, stepVariable).run(expr);
}

}  // namespace lrscope
