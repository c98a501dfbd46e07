#pragma once

// Front and back matter, found the same way whatever the reader: every reader's blocks pass
// through `mark_zones` before anything else reads them.

#include "engine/ingest/document.hpp"

namespace unct::ingest {

// Marks each block's zone (see Zone) from its lines and the titles above them:
//   - contents: lines with dot leaders, or runs of three or more short lines ending in a page
//     number, and the lines under a "Contents" / "Table des matières" / "Índice" title;
//   - acronyms: runs of three or more "ACRONYM Expansion" lines, and the lines under an
//     "Acronyms" / "Sigles" / "Siglas" title;
//   - cover: imprint lines (copyright, credits, ISBN, "printed in") and the short lines that
//     open the document before its first running text;
//   - signatures: short "For the Government of ...", "On behalf of ..." lines, and the short
//     lines under a "Signatures" title;
//   - references: everything under a "References" / "Bibliography" / "Notes" heading, or the
//     list of short lines under such a title written as a plain line.
// A paragraph whose lines fall in different zones is cut into one block per zone line (a
// contents or acronym entry stands alone, so that its words never pair with another entry's),
// and an acronym line listing several entries ("CPD Commissioner ...; DDFFA Department ...") into
// one block per entry. Headings that are contents entries become paragraphs of the contents,
// and every block's heading path is worked out again without them.
void mark_zones(Document& document);

}  // namespace unct::ingest
