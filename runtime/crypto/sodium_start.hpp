#pragma once
// libsodium must be initialised before its functions are used; this does it once.

namespace auraos::runtime::crypto {

/// Initialises libsodium on the first call (thread-safe; later calls do nothing). Aborts when
/// libsodium cannot start (no entropy source): nothing here could be used safely then.
void start_sodium();

}  // namespace auraos::runtime::crypto
