#include "schedule/expr.h"

#include <algorithm>
#include <cmath>

namespace lrscope {

struct Expr::Node {
  Op op = Op::Constant;
  double value = 0.0;
  std::vector<Expr> args;
  std::vector<double> xs;
  std::vector<double> ys;
};

namespace {

double applyScalar(Expr::Op op, double a, double b) {
  switch (op) {
    case Expr::Op::Add:
      return a + b;
    case Expr::Op::Sub:
      return a - b;
    case Expr::Op::Mul:
      return a * b;
    case Expr::Op::Div:
      return a / b;
    case Expr::Op::Pow:
      return std::pow(a, b);
    case Expr::Op::Min:
      return std::min(a, b);
    case Expr::Op::Max:
      return std::max(a, b);
    case Expr::Op::Less:
      return a < b ? 1.0 : 0.0;
    case Expr::Op::LessEqual:
      return a <= b ? 1.0 : 0.0;
    case Expr::Op::Cos:
      return std::cos(a);
    case Expr::Op::Sqrt:
      return std::sqrt(a);
    case Expr::Op::Exp:
      return std::exp(a);
    case Expr::Op::Log:
      return std::log(a);
    case Expr::Op::Floor:
      return std::floor(a);
    case Expr::Op::Abs:
      return std::abs(a);
    default:
      return std::nan("");
  }
}

double tableLookup(Expr::Op op, const std::vector<double>& xs, const std::vector<double>& ys,
                   double x) {
  if (std::isnan(x)) return x;
  const auto upper = std::upper_bound(xs.begin(), xs.end(), x);
  if (upper == xs.begin()) return ys.front();
  const auto i = static_cast<std::size_t>(upper - xs.begin()) - 1;  // xs[i] <= x
  if (op == Expr::Op::Previous || i + 1 == xs.size()) return ys[i];
  const double t = (x - xs[i]) / (xs[i + 1] - xs[i]);
  return ys[i] + t * (ys[i + 1] - ys[i]);
}

}  // namespace

Expr::Expr(double value) {
  auto node = std::make_shared<Node>();
  node->value = value;
  node_ = std::move(node);
}

Expr::Expr(std::shared_ptr<const Node> node) : node_(std::move(node)) {}

Expr Expr::step() {
  auto node = std::make_shared<Node>();
  node->op = Op::Step;
  return Expr(std::shared_ptr<const Node>(std::move(node)));
}

Expr::Op Expr::op() const {
  return node_->op;
}
double Expr::constantValue() const {
  return node_->value;
}
const Expr& Expr::arg(int i) const {
  return node_->args[static_cast<std::size_t>(i)];
}
int Expr::argCount() const {
  return static_cast<int>(node_->args.size());
}
const std::vector<double>& Expr::tableX() const {
  return node_->xs;
}
const std::vector<double>& Expr::tableY() const {
  return node_->ys;
}

Expr Expr::make(Op op, std::vector<Expr> args) {
  const bool allConstant =
      std::all_of(args.begin(), args.end(), [](const Expr& e) { return e.isConstant(); });
  if (op == Op::Where && args[0].isConstant())
    return args[0].constantValue() != 0.0 ? args[1] : args[2];
  if (allConstant && op != Op::Where) {
    const double a = args[0].constantValue();
    const double b = args.size() > 1 ? args[1].constantValue() : 0.0;
    return Expr(applyScalar(op, a, b));
  }
  // Identities that hold for every finite and infinite operand: x+0, 0+x, x-0, x*1, 1*x, x/1.
  auto is = [&](int i, double v) { return args[i].isConstant() && args[i].constantValue() == v; };
  if (args.size() == 2) {
    if ((op == Op::Add && is(1, 0.0)) || (op == Op::Sub && is(1, 0.0)) ||
        (op == Op::Mul && is(1, 1.0)) || (op == Op::Div && is(1, 1.0)))
      return args[0];
    if ((op == Op::Add && is(0, 0.0)) || (op == Op::Mul && is(0, 1.0))) return args[1];
  }
  auto node = std::make_shared<Node>();
  node->op = op;
  node->args = std::move(args);
  return Expr(std::shared_ptr<const Node>(std::move(node)));
}

double Expr::eval(double n) const {
  const Node& node = *node_;
  switch (node.op) {
    case Op::Constant:
      return node.value;
    case Op::Step:
      return n;
    case Op::Where:
      return node.args[0].eval(n) != 0.0 ? node.args[1].eval(n) : node.args[2].eval(n);
    case Op::Interp:
    case Op::Previous:
      return tableLookup(node.op, node.xs, node.ys, node.args[0].eval(n));
    default: {
      const double a = node.args[0].eval(n);
      const double b = node.args.size() > 1 ? node.args[1].eval(n) : 0.0;
      return applyScalar(node.op, a, b);
    }
  }
}

Eigen::ArrayXd Expr::evalArray(const Eigen::ArrayXd& n) const {
  const Node& node = *node_;
  switch (node.op) {
    case Op::Constant:
      return Eigen::ArrayXd::Constant(n.size(), node.value);
    case Op::Step:
      return n;
    case Op::Where: {
      const Eigen::ArrayXd c = node.args[0].evalArray(n);
      return (c != 0.0).select(node.args[1].evalArray(n), node.args[2].evalArray(n));
    }
    case Op::Interp:
    case Op::Previous: {
      Eigen::ArrayXd x = node.args[0].evalArray(n);
      for (Eigen::Index i = 0; i < x.size(); ++i)
        x[i] = tableLookup(node.op, node.xs, node.ys, x[i]);
      return x;
    }
    default:
      break;
  }
  Eigen::ArrayXd a = node.args[0].evalArray(n);
  if (node.args.size() == 1)
    return a.unaryExpr([op = node.op](double v) { return applyScalar(op, v, 0.0); });
  const Eigen::ArrayXd b = node.args[1].evalArray(n);
  for (Eigen::Index i = 0; i < a.size(); ++i) a[i] = applyScalar(node.op, a[i], b[i]);
  return a;
}

Expr Expr::substitute(const Expr& n) const {
  const Node& node = *node_;
  if (node.op == Op::Constant) return *this;
  if (node.op == Op::Step) return n;
  std::vector<Expr> args;
  args.reserve(node.args.size());
  for (const Expr& a : node.args) args.push_back(a.substitute(n));
  if (node.op == Op::Interp || node.op == Op::Previous)
    return makeTable(node.op, args[0], node.xs, node.ys);
  return make(node.op, std::move(args));
}

Expr operator+(const Expr& a, const Expr& b) {
  return Expr::make(Expr::Op::Add, {a, b});
}
Expr operator-(const Expr& a, const Expr& b) {
  return Expr::make(Expr::Op::Sub, {a, b});
}
Expr operator*(const Expr& a, const Expr& b) {
  return Expr::make(Expr::Op::Mul, {a, b});
}
Expr operator/(const Expr& a, const Expr& b) {
  return Expr::make(Expr::Op::Div, {a, b});
}
Expr operator-(const Expr& a) {
  return Expr::make(Expr::Op::Sub, {Expr(0.0), a});
}
Expr operator<(const Expr& a, const Expr& b) {
  return Expr::make(Expr::Op::Less, {a, b});
}
Expr operator<=(const Expr& a, const Expr& b) {
  return Expr::make(Expr::Op::LessEqual, {a, b});
}
Expr pow(const Expr& base, const Expr& e) {
  return Expr::make(Expr::Op::Pow, {base, e});
}
Expr min(const Expr& a, const Expr& b) {
  return Expr::make(Expr::Op::Min, {a, b});
}
Expr max(const Expr& a, const Expr& b) {
  return Expr::make(Expr::Op::Max, {a, b});
}
Expr where(const Expr& c, const Expr& a, const Expr& b) {
  return Expr::make(Expr::Op::Where, {c, a, b});
}
Expr cos(const Expr& x) {
  return Expr::make(Expr::Op::Cos, {x});
}
Expr sqrt(const Expr& x) {
  return Expr::make(Expr::Op::Sqrt, {x});
}
Expr exp(const Expr& x) {
  return Expr::make(Expr::Op::Exp, {x});
}
Expr log(const Expr& x) {
  return Expr::make(Expr::Op::Log, {x});
}
Expr floor(const Expr& x) {
  return Expr::make(Expr::Op::Floor, {x});
}
Expr abs(const Expr& x) {
  return Expr::make(Expr::Op::Abs, {x});
}

Expr Expr::makeTable(Op op, const Expr& x, std::vector<double> xs, std::vector<double> ys) {
  if (x.isConstant()) return Expr(tableLookup(op, xs, ys, x.constantValue()));
  auto node = std::make_shared<Node>();
  node->op = op;
  node->args = {x};
  node->xs = std::move(xs);
  node->ys = std::move(ys);
  return Expr(std::shared_ptr<const Node>(std::move(node)));
}

Expr interp(const Expr& x, std::vector<double> xs, std::vector<double> ys) {
  return Expr::makeTable(Expr::Op::Interp, x, std::move(xs), std::move(ys));
}
Expr previous(const Expr& x, std::vector<double> xs, std::vector<double> ys) {
  return Expr::makeTable(Expr::Op::Previous, x, std::move(xs), std::move(ys));
}

Expr clamp(const Expr& x, const Expr& lo, const Expr& hi) {
  return min(max(x, lo), hi);
}

}  // namespace lrscope
