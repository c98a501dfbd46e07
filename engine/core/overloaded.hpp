#pragma once

namespace unct {

// A visitor made of lambdas, for std::visit over the signal variant.
template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace unct
