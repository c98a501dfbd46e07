#pragma once

namespace unct {

// The engine's version, stored with every assessment so results can be traced to the code.
inline constexpr const char* k_engine_version = "0.1.0";

}  // namespace unct
