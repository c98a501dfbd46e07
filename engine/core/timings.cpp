#include "engine/core/timings.hpp"

#include <algorithm>

namespace unct {

void Timings::add(std::string_view phase, std::chrono::duration<double> elapsed) {
  auto it = std::find_if(m_phases.begin(), m_phases.end(), [&](const auto& p) { return p.first == phase; });
  if (it == m_phases.end())
    m_phases.emplace_back(std::string(phase), elapsed.count());
  else
    it->second += elapsed.count();
}

double Timings::total() const {
  double sum = 0;
  for (const auto& phase : m_phases) sum += phase.second;
  return sum;
}

}  // namespace unct
