#pragma once

#include <string>
#include <string_view>

namespace unct::report {

// A CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, quote or line break.
// Text that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
// return: document text may) gets a leading apostrophe, as OWASP recommends, and is quoted.
std::string csv_field(std::string_view field);

}  // namespace unct::report
