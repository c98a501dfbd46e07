#include "engine/store/store.hpp"

namespace unct::store {

Store::Store(const std::filesystem::path& path)
    : m_database(std::make_unique<Database>(path)),
      m_documents(*m_database),
      m_assessments(*m_database),
      m_reviews(*m_database),
      m_portfolio(*m_database),
      m_workshop(*m_database),
      m_batches(*m_database) {}

}  // namespace unct::store
