#pragma once
// Result<T>: a value or a message saying what went wrong. Core code reports bad input with these
// instead of throwing, so the GUI and the command line can show the message as it is.
#include <QString>
#include <optional>
#include <utility>

namespace lrscope {

struct Error {
  QString message;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}              // NOLINT: implicit by design
  Result(Error error) : error_(std::move(error.message)) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }
  const T& operator*() const { return *value_; }
  const QString& error() const { return error_; }

 private:
  std::optional<T> value_;
  QString error_;
};

}  // namespace lrscope
