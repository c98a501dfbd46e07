"""A small DOCX writer for the project's samples and test fixtures (standard library only).

Paragraphs are given as (style, runs) where runs are plain strings or ("ins"|"del", text) for
tracked changes, ("note", n) for a footnote reference; tables as lists of rows of cell strings;
list items as ("list", level, text). Dates and ids are fixed so the output is reproducible.
"""
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""


def styles_xml():
    styles = ['<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
              '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>',
              '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>']
    for n in range(1, 4):
        styles.append(f'<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/>'
                      f'<w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="{n - 1}"/></w:pPr></w:style>')
    # A custom style built on a heading, as templates often have.
    styles.append('<w:style w:type="paragraph" w:styleId="UNChapter"><w:name w:val="UN Chapter"/>'
                  '<w:basedOn w:val="Heading2"/></w:style>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {W}>{"".join(styles)}</w:styles>'


def run(item):
    if isinstance(item, str):
        return f'<w:r><w:t xml:space="preserve">{escape(item)}</w:t></w:r>'
    kind, value = item
    if kind == "ins":
        return (f'<w:ins w:id="1" w:author="Reviewer" w:date="2025-03-01T00:00:00Z"><w:r><w:t xml:space="preserve">'
                f'{escape(value)}</w:t></w:r></w:ins>')
    if kind == "del":
        return (f'<w:del w:id="2" w:author="Reviewer" w:date="2025-03-01T00:00:00Z"><w:r><w:delText xml:space="preserve">'
                f'{escape(value)}</w:delText></w:r></w:del>')
    if kind == "note":
        return f'<w:r><w:footnoteReference w:id="{value}"/></w:r>'
    if kind == "comment":
        return (f'<w:commentRangeStart w:id="9"/><w:r><w:t xml:space="preserve">{escape(value)}</w:t></w:r>'
                f'<w:commentRangeEnd w:id="9"/><w:r><w:commentReference w:id="9"/></w:r>')
    if kind == "break":
        return '<w:r><w:br/></w:r>'
    raise ValueError(kind)


def paragraph(style, runs, numbered_level=None):
    ppr = ""
    if style or numbered_level is not None:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if numbered_level is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{numbered_level}"/><w:numId w:val="1"/></w:numPr>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{''.join(run(r) for r in runs)}</w:p>"


def table(rows):
    out = ["<w:tbl>"]
    for row in rows:
        out.append("<w:tr>" + "".join(f"<w:tc>{paragraph(None, [cell])}</w:tc>" for cell in row) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def document_xml(blocks):
    body = []
    for block in blocks:
        if block[0] == "table":
            body.append(table(block[1]))
        elif block[0] == "list":
            body.append(paragraph("ListParagraph", [block[2]], numbered_level=block[1]))
        else:
            style, runs = block
            body.append(paragraph(style, runs if isinstance(runs, list) else [runs]))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>'
            + "\n".join(body) + "<w:sectPr/></w:body></w:document>")


def footnotes_xml(notes):
    parts = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for n, text in notes.items():
        parts.append(f'<w:footnote w:id="{n}">{paragraph(None, [text])}</w:footnote>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W}>{"".join(parts)}</w:footnotes>'


def fixed(name):
    info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write(path, blocks, notes=None, document=None):
    """Writes a DOCX; `document` replaces word/document.xml verbatim (for broken fixtures)."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(fixed("[Content_Types].xml"), CONTENT_TYPES)
        z.writestr(fixed("_rels/.rels"), RELS)
        z.writestr(fixed("word/_rels/document.xml.rels"), DOCUMENT_RELS)
        z.writestr(fixed("word/styles.xml"), styles_xml())
        z.writestr(fixed("word/footnotes.xml"), footnotes_xml(notes or {}))
        z.writestr(fixed("word/document.xml"), document if document is not None else document_xml(blocks))
