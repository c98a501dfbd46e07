#pragma once

// An immutable array shared by its copies: either built in memory, or a view of memory that
// another object owns (a file mapped from disk, say), kept alive as long as any copy is. Large
// read-only tables use it so that a run need not copy megabytes it will only partly read.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace unct {

template <class T>
class SharedArray {
public:
  SharedArray() = default;
  explicit SharedArray(std::vector<T> values) {
    auto owned = std::make_shared<const std::vector<T>>(std::move(values));
    m_view = std::span<const T>(*owned);
    m_owner = std::move(owned);
  }
  // A view of `view`, which `owner` keeps alive and unchanged.
  SharedArray(std::shared_ptr<const void> owner, std::span<const T> view) : m_owner(std::move(owner)), m_view(view) {}

  std::span<const T> view() const { return m_view; }
  const T* data() const { return m_view.data(); }
  std::size_t size() const { return m_view.size(); }
  const T& operator[](std::size_t i) const { return m_view[i]; }

  // Equal when they hold the same values, wherever they are.
  bool operator==(const SharedArray& other) const { return std::ranges::equal(m_view, other.m_view); }

private:
  std::shared_ptr<const void> m_owner;
  std::span<const T> m_view;
};

// Whether `begin` holds the offsets of consecutive runs of `size` elements (run i is
// [begin[i], begin[i + 1])): it starts at 0, never goes down, and ends at `size`. Arrays read
// from a file are checked with it before use.
inline bool offsets_into(std::span<const std::uint32_t> begin, std::size_t size) {
  if (begin.empty() || begin.front() != 0 || begin.back() != size) return false;
  bool rising = true;
  for (std::size_t i = 1; i < begin.size(); ++i) rising &= begin[i - 1] <= begin[i];
  return rising;
}

}  // namespace unct
