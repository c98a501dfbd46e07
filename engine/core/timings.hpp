#pragma once

// Wall-clock time per phase of a run (read, normalise, scan, evaluate, store), for `--timings`.
// A phase recorded twice accumulates; phases keep the order they were first recorded in.

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace unct {

class Timings {
public:
  void add(std::string_view phase, std::chrono::duration<double> elapsed);
  const std::vector<std::pair<std::string, double>>& phases() const { return m_phases; }  // seconds
  double total() const;

  // Bytes of normalised text the scan read: its throughput is measured over these, not over the
  // file, whose size counts markup, images and compression.
  void add_scanned(std::size_t bytes) { m_scanned += bytes; }
  std::size_t scanned() const { return m_scanned; }

private:
  std::vector<std::pair<std::string, double>> m_phases;
  std::size_t m_scanned = 0;
};

// Adds the time from construction to destruction to `timings` (when not null) under `phase`.
class PhaseTimer {
public:
  PhaseTimer(Timings* timings, std::string_view phase)
      : m_timings(timings), m_phase(phase), m_start(std::chrono::steady_clock::now()) {}
  ~PhaseTimer() {
    if (m_timings != nullptr) m_timings->add(m_phase, std::chrono::steady_clock::now() - m_start);
  }
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;

private:
  Timings* m_timings;
  std::string_view m_phase;
  std::chrono::steady_clock::time_point m_start;
};

}  // namespace unct
