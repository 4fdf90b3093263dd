#include "runtime/events/patterns/matcher_state.hpp"

#include <nlohmann/json.hpp>

namespace auraos::runtime::events::patterns {

using nlohmann::json;

json state_envelope(pattern_kind kind, const intake& in) {
  return {{"kind", kind_name(kind)}, {"version", state_version}, {"intake", in.to_json()}};
}

result<intake, std::string> open_envelope(pattern_kind kind, const json& state) {
  if (!state.is_object()) return fail(std::string{"pattern state: must be an object"});
  auto found = state.find("kind");
  if (found == state.end() || !found->is_string() || found->get<std::string>() != kind_name(kind))
    return fail("pattern state: not the state of a " + std::string{kind_name(kind)} + " rule");
  if (state.value("version", json()) != state_version)
    return fail("pattern state: version must be " + std::to_string(state_version));
  auto in = intake::from_json(state.value("intake", json()));
  if (!in) return fail(std::string{"pattern state: intake is malformed"});
  return std::move(*in);
}

json chain_state::to_json(pattern_kind kind) const {
  auto out = state_envelope(kind, in);
  out["chains"] = book.to_json();
  return out;
}

result<chain_state, std::string> chain_state::from_json(pattern_kind kind, const json& state) {
  auto in = open_envelope(kind, state);
  if (!in) return fail(std::move(in).error());
  auto book = chain_book::from_json(state.value("chains", json()));
  if (!book) return fail(std::string{"pattern state: chains are malformed"});
  return chain_state{std::move(in).value(), std::move(*book)};
}

}  // namespace auraos::runtime::events::patterns
