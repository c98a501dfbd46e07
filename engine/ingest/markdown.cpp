// Markdown through md4c (CommonMark with GitHub tables): headings, paragraphs, list items and
// table cells become blocks; emphasis and links keep only their text; raw HTML is dropped.

#include "engine/ingest/outline.hpp"
#include "engine/ingest/read.hpp"

#include <md4c.h>

#include <algorithm>
#include <optional>

namespace unct::ingest {
namespace {

std::string decode_entity(std::string_view entity) {
  static constexpr std::pair<std::string_view, std::string_view> k_named[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", "\xC2\xA0"}};
  for (const auto& [name, value] : k_named) {
    if (entity == name) return std::string(value);
  }
  if (entity.size() > 3 && entity[1] == '#') {
    const bool hex = entity[2] == 'x' || entity[2] == 'X';
    const std::string digits(entity.substr(hex ? 3 : 2, entity.size() - (hex ? 4 : 3)));
    char32_t c = 0;
    try {
      c = static_cast<char32_t>(std::stoul(digits, nullptr, hex ? 16 : 10));
    } catch (const std::exception&) {
      return std::string(entity);
    }
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    std::string out;
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
  }
  return std::string(entity);
}

class MarkdownReader {
public:
  explicit MarkdownReader(std::string_view bytes) : m_bytes(bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      if (bytes[i] == '\n') m_line_starts.push_back(i + 1);
    }
  }

  std::vector<Block> read() {
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
    parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      return static_cast<MarkdownReader*>(self)->enter(type, detail);
    };
    parser.leave_block = [](MD_BLOCKTYPE type, void*, void* self) {
      return static_cast<MarkdownReader*>(self)->leave(type);
    };
    parser.enter_span = [](MD_SPANTYPE, void*, void*) { return 0; };
    parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
      return static_cast<MarkdownReader*>(self)->add_text(type, std::string_view(text, size));
    };
    md_parse(m_bytes.data(), static_cast<MD_SIZE>(m_bytes.size()), &parser, this);
    flush();
    return m_outline.take_blocks();
  }

private:
  int line_of(const char* at) const {
    if (at < m_bytes.data() || at > m_bytes.data() + m_bytes.size()) return 0;
    const auto offset = static_cast<std::size_t>(at - m_bytes.data());
    return static_cast<int>(std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset) -
                            m_line_starts.begin());
  }

  // Starts collecting text for a new block; what was collected before becomes a block first.
  void open(BlockKind kind, int level = 0) {
    flush();
    m_open = Block{.kind = kind, .level = level};
  }

  void flush() {
    if (!m_open) return;
    Block block = std::move(*m_open);
    m_open.reset();
    block.text = trim(block.text);
    if (block.kind == BlockKind::heading)
      m_outline.add_heading(block.text, block.level, block.line);
    else
      m_outline.add(std::move(block));
  }

  int enter(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_H:
        open(BlockKind::heading, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level));
        break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        flush();
        ++m_list_depth;
        break;
      case MD_BLOCK_LI: open(BlockKind::list_item, m_list_depth); break;
      case MD_BLOCK_P:
        // A paragraph inside a list item or cell continues that block.
        if (!m_open || m_open->kind == BlockKind::heading)
          open(BlockKind::paragraph);
        else if (!m_open->text.empty())
          m_open->text += '\n';
        break;
      case MD_BLOCK_CODE: open(BlockKind::paragraph); break;
      case MD_BLOCK_TABLE:
        flush();
        ++m_table;
        m_row = -1;
        break;
      case MD_BLOCK_TR:
        ++m_row;
        m_column = -1;
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        open(BlockKind::table_cell);
        m_open->table = m_table;
        m_open->row = m_row;
        m_open->column = ++m_column;
        break;
      default: break;
    }
    return 0;
  }

  int leave(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_H:
      case MD_BLOCK_LI:
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
      case MD_BLOCK_CODE: flush(); break;
      case MD_BLOCK_P:
        if (m_open && m_open->kind == BlockKind::paragraph) flush();
        break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        flush();
        --m_list_depth;
        break;
      default: break;
    }
    return 0;
  }

  int add_text(MD_TEXTTYPE type, std::string_view text) {
    if (!m_open) open(BlockKind::paragraph);  // text directly in a tight list item's parent
    if (m_open->line == 0) m_open->line = line_of(text.data());
    switch (type) {
      case MD_TEXT_NORMAL:
      case MD_TEXT_CODE:
      case MD_TEXT_LATEXMATH: m_open->text += text; break;
      case MD_TEXT_ENTITY: m_open->text += decode_entity(text); break;
      case MD_TEXT_NULLCHAR: m_open->text += "\xEF\xBF\xBD"; break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR: m_open->text += '\n'; break;
      case MD_TEXT_HTML: break;
    }
    return 0;
  }

  std::string_view m_bytes;
  std::vector<std::size_t> m_line_starts{0};
  Outline m_outline;
  std::optional<Block> m_open;
  int m_list_depth = 0;
  int m_table = -1;
  int m_row = -1;
  int m_column = -1;
};

}  // namespace

Document read_markdown(std::string_view bytes, const std::filesystem::path& path) {
  Document document{.path = path, .format = "markdown"};
  document.blocks = MarkdownReader(bytes).read();
  return document;
}

}  // namespace unct::ingest
