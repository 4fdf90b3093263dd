#pragma once
// Calls about one execution go to the node that owns its shard: answered here when this node
// owns it, else forwarded over the cluster's connections and answered as if local. Every such
// answer names the owner in the header `AuraOS-Node` (spec/cluster.md, Routing).

#include <memory>
#include <optional>
#include <string>

#include "gateway/node_context.hpp"
#include "gateway/router.hpp"

namespace auraos::gateway {

/// The header naming the node that owns (and answered for) an execution.
inline constexpr const char* node_header = "AuraOS-Node";
/// The headers a forwarded call carries its checked caller in (trusted only from a peer node).
inline constexpr const char* caller_id_header = "AuraOS-Caller-Id";
/// The caller's user name, with caller_id_header.
inline constexpr const char* caller_name_header = "AuraOS-Caller-Name";
/// The caller's role, with caller_id_header.
inline constexpr const char* caller_role_header = "AuraOS-Caller-Role";
/// The caller's token id, with caller_id_header.
inline constexpr const char* caller_token_header = "AuraOS-Caller-Token";
/// The header a forwarded call carries: the receiving node answers it itself, never forwards
/// it again (an owner that changed meanwhile answers 503: retry).
inline constexpr const char* forwarded_header = "AuraOS-Forwarded";

/// The node that owns execution `id` when it is another member with a valid lease; none when
/// this node owns it, nobody does, or the node is alone.
std::optional<std::string> remote_owner(const node_context& node, const std::string& id);

/// Another member to create new executions on when this clustered node holds no shard yet
/// (the up member holding the most); none otherwise.
std::optional<std::string> creator_elsewhere(const node_context& node);

/// A responder that adds `AuraOS-Node: name` (unless present) before answering `respond`.
responder stamped(responder respond, std::string name);

/// Wraps the route that starts executions: they are created here, in a shard this node holds,
/// or, while it holds none, on another member.
route_handler creating_route(std::shared_ptr<node_context> node, route_handler local);

/// Wraps the route of a call about the execution in path parameter `{id}`: runs `local` when
/// this node owns it (or nobody does), else forwards the call to the owner.
route_handler owned_route(std::shared_ptr<node_context> node, route_handler local);

/// Wraps a route of what the events coordinator runs (pattern rules): runs `local` when this
/// node holds the coordinator shard (or nobody does, or the node is alone), else forwards the
/// call to the member that holds it.
route_handler coordinator_route(std::shared_ptr<node_context> node, route_handler local);

/// Forwards `request` to member `owner` and answers with its response (503 naming the owner
/// when it cannot be reached in time).
void forward_call(const std::shared_ptr<node_context>& node, const std::string& owner,
                  const http_request& request, const std::string& id, responder respond);

}  // namespace auraos::gateway
