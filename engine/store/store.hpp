#pragma once

// The assessment store: one SQLite file holding every document scored, the checklist versions
// used, and each assessment with its item results, criteria, evidence and findings, so that
// drafts can be compared and a portfolio queried; beside them reviewers' overrides, workshop
// sessions and batch runs. The schema is versioned; opening a store migrates it forward. Each
// write is one transaction: stored whole or not at all.
//
// A Store owns the connection (database.hpp) and hands out one small interface per concern; a
// const Store hands out only their reading parts.

#include "engine/store/assessments.hpp"
#include "engine/store/batches.hpp"
#include "engine/store/database.hpp"
#include "engine/store/documents.hpp"
#include "engine/store/portfolio.hpp"
#include "engine/store/reviews.hpp"
#include "engine/store/workshop.hpp"

#include <filesystem>
#include <memory>

namespace unct::store {

class Store {
public:
  // Opens (creates, migrates) the database file; throws as Database's constructor does.
  explicit Store(const std::filesystem::path& path);

  const std::filesystem::path& path() const { return m_database->path(); }
  const Database& database() const { return *m_database; }

  DocumentStore& documents() { return m_documents; }
  const DocumentStore& documents() const { return m_documents; }
  AssessmentStore& assessments() { return m_assessments; }
  const AssessmentStore& assessments() const { return m_assessments; }
  ReviewStore& reviews() { return m_reviews; }
  const ReviewStore& reviews() const { return m_reviews; }
  const PortfolioQueries& portfolio() const { return m_portfolio; }
  WorkshopStore& workshop() { return m_workshop; }
  const WorkshopStore& workshop() const { return m_workshop; }
  BatchStore& batches() { return m_batches; }
  const BatchStore& batches() const { return m_batches; }

private:
  std::unique_ptr<Database> m_database;  // on the heap, so that the concern stores' pointers to it survive a move
  DocumentStore m_documents;
  AssessmentStore m_assessments;
  ReviewStore m_reviews;
  PortfolioQueries m_portfolio;
  WorkshopStore m_workshop;
  BatchStore m_batches;
};

}  // namespace unct::store
