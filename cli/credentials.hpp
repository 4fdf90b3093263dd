#pragma once
// The tokens `auraos login` keeps per node URL, in a file only the user can read:
// $AURAOS_CREDENTIALS, else $XDG_CONFIG_HOME/auraos/credentials.json, else
// ~/.config/auraos/credentials.json. An expired access token is renewed with the refresh token.

#include <cstdint>
#include <optional>
#include <string>

#include "cli/node_client.hpp"

namespace auraos::cli {

/// One node's saved sign-in.
struct saved_login {
  std::string username;         ///< Who signed in.
  std::string access_token;     ///< The last access token.
  std::string refresh_token;    ///< Renews it.
  std::int64_t expires_at = 0;  ///< When the access token expires (ms since the epoch).
};

/// The credentials file's path.
std::string credentials_path();

/// The sign-in saved for `url`, if any.
std::optional<saved_login> load_login(const std::string& url);

/// Saves `login` for `url` (the file is created with mode 0600); why not, or nullopt.
std::optional<std::string> save_login(const std::string& url, const saved_login& login);

/// Removes the sign-in of `url`; false when there was none.
bool forget_login(const std::string& url);

/// The login of a token answer (POST /api/v1/auth/token's body), or nullopt when it is not one.
std::optional<saved_login> login_of_answer(const std::string& body);

/// The access token saved for `server.url`, renewed first when it expires within 30 s (and the
/// renewal saved); empty when none is saved or it cannot be renewed.
std::string saved_token(const server_address& server);

}  // namespace auraos::cli
