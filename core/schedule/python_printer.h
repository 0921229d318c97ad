#pragma once
// Prints an Expr (schedule formula in the update index) as Python source.
//   Math:      plain Python with the math module; `where` becomes a conditional expression, so only
//              the taken branch runs (for torch.optim.lr_scheduler.LambdaLR).
//   JaxNumpy:  jax.numpy, branch-free and jit-traceable (for an optax schedule); the same text runs
//              with numpy imported as jnp, which is how the tests evaluate it.
// Constants print in their shortest round-trip form, so the Python value equals the C++ one.
#include <QString>
#include <QStringList>

#include "schedule/expr.h"

namespace lrscope {

enum class PythonDialect { Math, JaxNumpy };

struct PythonCode {
  QStringList definitions;  // module-level lines the expression needs (tables, helpers)
  QString expression;       // in the variable named by `stepVariable`
};

PythonCode printPython(const Expr& expr, PythonDialect dialect,
                       const QString& stepVariable = QStringLiteral("step"));

// Shortest text that Python parses back to exactly `value` ("2.0", "0.0003", "float('inf')").
QString pythonFloat(double value);

}  // namespace lrscope
