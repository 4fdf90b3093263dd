#pragma once
// A deterministic corpus of expressions over the CEL subset shared with @bufbuild/cel.

#include <cstdint>
#include <string>
#include <vector>

namespace auraos::test {

/// `count` random expressions from `seed`, typed so that most of them evaluate without error.
/// Left out on purpose (intentional differences, see docs/expressions.md): mixed int/double
/// arithmetic (we promote, CEL has no such overload), missing map fields (we yield null, CEL
/// errors), lower()/upper()/now() and global contains/startsWith/endsWith (not CEL standard
/// functions), double() of non-numeric text such as 'inf' (the reference uses JavaScript's
/// Number() and returns NaN) and int() of hexadecimal text (the reference accepts it, CEL does
/// not).
std::vector<std::string> expression_corpus(std::uint32_t seed, std::size_t count);

}  // namespace auraos::test
