#pragma once
// HfTrainerStateReader: Hugging Face Trainer's trainer_state.json (its `log_history`).
//   - A file: any trainer_state.json, or a .json holding "log_history". A folder: an output
//     folder with trainer_state.json, else its checkpoint-N folder with the largest N (every
//     checkpoint repeats the history, so one is read).
//   - Each entry's `step` is the x value; its other numeric keys are series (loss, learning_rate
//     -> lr, eval_loss -> val/loss, grad_norm, epoch, eval_*). Entries mix kinds: a key is a point
//     only where it is present. The final summary entry (train_runtime, train_loss, ...) is left
//     out. NaN / Infinity (Python's json) are kept as values.
//   - The run is named after the output folder (the checkpoint's parent for checkpoint-N).
#include "io/log_reader.h"

namespace lrscope {

class HfTrainerStateReader : public LogReader {
 public:
  QString name() const override { return QStringLiteral("hf-trainer-state"); }
  double canRead(const QString& path, const QByteArray& firstBytes) const override;
  Result<std::vector<Run>> read(const QString& path, const Progress& progress) const override;
};

}  // namespace lrscope
