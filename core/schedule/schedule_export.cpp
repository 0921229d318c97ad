#include "schedule/schedule_export.h"

#include <algorithm>

#include "schedule/python_printer.h"

namespace lrscope {

namespace {

QString header(const Schedule& schedule, const QString& library) {
  return QStringLiteral(
             "# LRScope schedule '%1' (%2 updates) for %3.\n"
             "# lr of update k+1 = value at step k, k = 0 .. %4 (%3's own counting).\n")
      .arg(schedule.family())
      .arg(schedule.totalSteps())
      .arg(library)
      .arg(schedule.totalSteps() - 1);
}

QString definitions(const PythonCode& code) {
  return code.definitions.isEmpty()
             ? QString()
             : code.definitions.join(QLatin1Char('\n')) + QStringLiteral("\n\n");
}

}  // namespace

QByteArray scheduleToCsv(const Schedule& schedule, std::int64_t every) {
  every = std::max<std::int64_t>(every, 1);
  const std::vector<double> lr = schedule.sample();
  QByteArray out = "step,lr\n";
  const auto n = static_cast<std::int64_t>(lr.size());
  for (std::int64_t k = 0; k < n; ++k) {
    if (k % every != 0 && k != n - 1) continue;
    out += QByteArray::number(static_cast<qlonglong>(k)) + ',' +
           exactNumber(lr[static_cast<std::size_t>(k)]).toLatin1() + '\n';
  }
  return out;
}

QString scheduleToPyTorch(const Schedule& schedule) {
  const PythonCode code = printPython(schedule.formula(), PythonDialect::Math);
  const std::vector<double> lr = schedule.sample();
  double peak = *std::max_element(lr.begin(), lr.end());
  if (peak <= 0.0) peak = 1.0;
  return header(schedule, QStringLiteral("PyTorch")) +
         QStringLiteral(
             "import bisect\n"
             "import math\n\n"
             "import torch\n\n"
             "PEAK_LR = %1  # create the optimizer with lr=PEAK_LR\n\n"
             "%2"
             "def lrscope_lr(step):\n"
             "    \"\"\"Learning rate of update step+1 (step counts completed updates from "
             "0).\"\"\"\n"
             "    return %3\n\n\n"
             "def make_scheduler(optimizer):\n"
             "    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: "
             "lrscope_lr(step) / PEAK_LR)\n\n\n"
             "# optimizer = torch.optim.AdamW(model.parameters(), lr=PEAK_LR)\n"
             "# scheduler = make_scheduler(optimizer)  # call scheduler.step() after "
             "optimizer.step()\n")
             .arg(pythonFloat(peak), definitions(code), code.expression);
}

QString scheduleToOptax(const Schedule& schedule) {
  const PythonCode code = printPython(schedule.formula(), PythonDialect::JaxNumpy);
  return header(schedule, QStringLiteral("optax")) +
         QStringLiteral(
             "import jax.numpy as jnp\n"
             "import optax\n\n"
             "%1"
             "def lrscope_schedule(count):\n"
             "    \"\"\"optax schedule: learning rate for update count+1.\"\"\"\n"
             "    step = count + 0.0\n"
             "    return %2\n\n\n"
             "# Values are computed in float32 unless jax_enable_x64 is set.\n"
             "# optimizer = optax.adamw(learning_rate=lrscope_schedule)\n")
             .arg(definitions(code), code.expression);
}

}  // namespace lrscope
