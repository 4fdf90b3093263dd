// Type-directed random expressions: ints, doubles, strings, bools, lists, maps, and some
// deliberately ill-typed combinations whose errors both implementations must report.

#include "expr_corpus.hpp"

#include <array>
#include <random>

namespace auraos::test {
namespace {

class generator {
 public:
  explicit generator(std::uint32_t seed) : random_(seed) {}

  std::string any(int depth) {
    switch (pick(6)) {
      case 0:
        return integer(depth);
      case 1:
        return floating(depth);
      case 2:
        return text(depth);
      case 3:
        return boolean(depth);
      case 4:
        return list(depth);
      default:
        return map(depth);
    }
  }

  std::string integer(int depth) {
    if (depth <= 0)
      return one_of({"0", "1", "7", "-3", "42", "0x1F", "i", "j", "big", "-9223372036854775808",
                     "9223372036854775807", "m.a", "l[0]", "l[2]"});
    switch (pick(9)) {
      case 0:
        return bin(integer(depth - 1), one_of({"+", "-", "*", "/", "%"}), integer(depth - 1));
      case 1:
        return "-" + paren(integer(depth - 1));
      case 2:
        return "size(" + (pick(2) ? text(depth - 1) : list(depth - 1)) + ")";
      case 3:
        return paren(pick(2) ? text(depth - 1) : list(depth - 1)) + ".size()";
      case 4:
        return "int(" + (pick(2) ? floating(depth - 1) : "string(" + integer(depth - 1) + ")") +
               ")";
      case 5:
        return cond(depth, &generator::integer);
      case 6:
        return "[" + integer(depth - 1) + ", " + integer(depth - 1) + "][" +
               one_of({"0", "1", "2", "-1"}) + "]";
      case 7:
        return "{'k': " + integer(depth - 1) + "}['k']";
      default:
        return integer(0);
    }
  }

  std::string floating(int depth) {
    if (depth <= 0)
      return one_of({"1.5", "0.25", "2.0", "1e3", ".5", "-0.5", "1e300", "3.14159", "d", "0.1"});
    switch (pick(5)) {
      case 0:
        return bin(floating(depth - 1), one_of({"+", "-", "*", "/"}), floating(depth - 1));
      case 1:
        return "-" + paren(floating(depth - 1));
      case 2:
        return "double(" + (pick(2) ? integer(depth - 1) : "string(" + floating(depth - 1) + ")") +
               ")";
      case 3:
        return cond(depth, &generator::floating);
      default:
        return floating(0);
    }
  }

  std::string text(int depth) {
    if (depth <= 0) {
      return one_of({"''", "'abc'", "\"x\\ty\"", "'h\\u00e9llo'", "r'a\\b'", "'''tri\"ple'''",
                     "'\\x41\\101'", "s", "t", "m.b", "ls[1]", "'a.b.c'"});
    }
    switch (pick(5)) {
      case 0:
        return bin(text(depth - 1), "+", text(depth - 1));
      case 1:
        return "string(" + one_of2(integer(depth - 1), floating(depth - 1), boolean(depth - 1)) +
               ")";
      case 2:
        return cond(depth, &generator::text);
      default:
        return text(0);
    }
  }

  std::string boolean(int depth) {
    if (depth <= 0) return one_of({"true", "false", "b", "!b"});
    switch (pick(12)) {
      case 0:
        return bin(integer(depth - 1), relation(),
                   one_of2(integer(depth - 1), floating(depth - 1), integer(0)));
      case 1:
        return bin(floating(depth - 1), relation(), floating(depth - 1));
      case 2:
        return bin(text(depth - 1), relation(), text(depth - 1));
      case 3:
        return bin(boolean(depth - 1), one_of({"&&", "||"}), boolean(depth - 1));
      case 4:
        return "!" + paren(boolean(depth - 1));
      case 5:
        return bin(any(depth - 1), one_of({"==", "!="}), any(depth - 1));
      case 6:
        return bin(any(depth - 1), "in", pick(2) ? list(depth - 1) : map(depth - 1));
      case 7:
        return paren(text(depth - 1)) + "." + one_of({"contains", "startsWith", "endsWith"}) + "(" +
               text(depth - 1) + ")";
      case 8:
        return paren(text(depth - 1)) + ".matches(" +
               one_of({"'^a'", "'b+'", "'[0-9]'", "'l{2}'", "'^$'"}) + ")";
      case 9:
        return "has(m." + one_of({"a", "b", "zz"}) + ")";
      case 10:
        return ill_typed(depth);
      default:
        return cond(depth, &generator::boolean);
    }
  }

  std::string list(int depth) {
    if (depth <= 0)
      return one_of({"[]", "[1, 2]", "['a']", "l", "ls", "[1.5, 'x', true, null]", "m.c"});
    switch (pick(3)) {
      case 0:
        return "[" + any(depth - 1) + ", " + any(depth - 1) + "]";
      case 1:
        return bin(list(depth - 1), "+", list(depth - 1));
      default:
        return list(0);
    }
  }

  std::string map(int depth) {
    if (depth <= 0) return one_of({"{}", "{'a': 1}", "m", "{'x': [1], 'y': {'z': 'w'}}"});
    if (pick(2)) return "{'a': " + any(depth - 1) + ", 'b': " + any(depth - 1) + "}";
    return map(0);
  }

 private:
  /// Operands of mismatched kinds (never int with double in arithmetic): both sides must fail
  /// alike.
  std::string ill_typed(int depth) {
    std::string left = pick(2) ? text(depth - 1) : list(depth - 1);
    std::string right = pick(2) ? integer(depth - 1) : boolean(depth - 1);
    switch (pick(5)) {
      case 0:
        return bin(left, one_of({"+", "-", "*", "<", ">="}), right);
      case 1:
        return bin(right, one_of({"&&", "||"}), boolean(depth - 1));
      case 2:
        return paren(right) + " ? 1 : 2";
      case 3:
        return "size(" + right + ")";
      default:
        return "!" + paren(left);
    }
  }

  std::string relation() { return one_of({"==", "!=", "<", "<=", ">", ">="}); }
  std::string bin(const std::string& a, const std::string& op, const std::string& b) {
    return "(" + a + " " + op + " " + b + ")";
  }
  std::string paren(const std::string& a) { return "(" + a + ")"; }
  std::string cond(int depth, std::string (generator::*branch)(int)) {
    return "(" + boolean(depth - 1) + " ? " + (this->*branch)(depth - 1) + " : " +
           (this->*branch)(depth - 1) + ")";
  }
  std::string one_of2(std::string a, std::string b, std::string c) {
    std::array<std::string*, 3> all{&a, &b, &c};
    return *all[pick(3)];
  }
  std::string one_of(std::initializer_list<const char*> options) {
    return *(options.begin() + pick(options.size()));
  }
  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }

  std::mt19937 random_;
};

}  // namespace

std::vector<std::string> expression_corpus(std::uint32_t seed, std::size_t count) {
  generator make(seed);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(make.any(1 + static_cast<int>(i % 4)));
  return out;
}

}  // namespace auraos::test
