#pragma once
// Expr: a learning-rate formula in the 0-based update index n, built once per schedule from its
// parameters. One definition serves every use, so exports cannot drift from what LRScope shows:
//   - eval(n) / evalArray(n[]) compute lr[n] in C++ (whole arrays at once, numpy-style: `where`
//     computes both branches and selects);
//   - PythonPrinter prints it as plain Python (math module) for a PyTorch LambdaLR and as
//     jax.numpy for an optax schedule.
// Operations on constants fold at build time, so a built formula only branches on n.
// Comparisons yield 1.0 or 0.0; where(c, a, b) is a where c != 0, else b.
#include <Eigen/Core>
#include <QString>
#include <memory>
#include <vector>

namespace lrscope {

class Expr {
 public:
  enum class Op {
    Constant,
    Step,  // leaves
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Min,
    Max,  // binary arithmetic
    Less,
    LessEqual,  // comparisons -> 1.0 / 0.0
    Where,      // where(cond, a, b)
    Cos,
    Sqrt,
    Exp,
    Log,
    Floor,
    Abs,      // unary
    Interp,   // numpy.interp(x, xs, ys): linear, clamped at the ends
    Previous  // value of ys at the last xs <= x (ys[0] before xs[0])
  };

  Expr(double value = 0.0);  // NOLINT: constants convert implicitly, as in formulas
  static Expr step();        // the update index n

  Op op() const;
  bool isConstant() const { return op() == Op::Constant; }
  double constantValue() const;
  const Expr& arg(int i) const;
  int argCount() const;
  const std::vector<double>& tableX() const;
  const std::vector<double>& tableY() const;

  double eval(double n) const;
  Eigen::ArrayXd evalArray(const Eigen::ArrayXd& n) const;

  // Replaces the step index by `n` (used to shift a phase in a sequence).
  Expr substitute(const Expr& n) const;

  friend Expr operator+(const Expr& a, const Expr& b);
  friend Expr operator-(const Expr& a, const Expr& b);
  friend Expr operator*(const Expr& a, const Expr& b);
  friend Expr operator/(const Expr& a, const Expr& b);
  friend Expr operator-(const Expr& a);
  friend Expr operator<(const Expr& a, const Expr& b);
  friend Expr operator<=(const Expr& a, const Expr& b);
  friend Expr operator>(const Expr& a, const Expr& b) { return b < a; }
  friend Expr operator>=(const Expr& a, const Expr& b) { return b <= a; }

  friend Expr pow(const Expr& base, const Expr& exponent);
  friend Expr min(const Expr& a, const Expr& b);
  friend Expr max(const Expr& a, const Expr& b);
  friend Expr where(const Expr& condition, const Expr& ifTrue, const Expr& ifFalse);
  friend Expr cos(const Expr& x);
  friend Expr sqrt(const Expr& x);
  friend Expr exp(const Expr& x);
  friend Expr log(const Expr& x);
  friend Expr floor(const Expr& x);
  friend Expr abs(const Expr& x);
  // Tables must be sorted by x, non-empty and of equal length.
  friend Expr interp(const Expr& x, std::vector<double> xs, std::vector<double> ys);
  friend Expr previous(const Expr& x, std::vector<double> xs, std::vector<double> ys);

 private:
  struct Node;
  explicit Expr(std::shared_ptr<const Node> node);
  static Expr make(Op op, std::vector<Expr> args);
  static Expr makeTable(Op op, const Expr& x, std::vector<double> xs, std::vector<double> ys);
  std::shared_ptr<const Node> node_;
};

// Clamp helper: min(max(x, lo), hi).
Expr clamp(const Expr& x, const Expr& lo, const Expr& hi);

}  // namespace lrscope
