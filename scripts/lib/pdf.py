"""A small PDF writer for the project's samples and test fixtures (standard library only).

Text only, in the standard Helvetica fonts, uncompressed, so the files stay readable and the
output is byte-for-byte reproducible. Pages are lists of (x, y, size, bold, text) lines, y from
the bottom of an A4 page as PDF has it; `layout` flows headings and paragraphs into such pages.
"""

WIDTH, HEIGHT = 595, 842
MARGIN = 72


def escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def content(lines):
    out = []
    for x, y, size, bold, text in lines:
        out.append(f"BT /{'F2' if bold else 'F1'} {size} Tf {x} {y} Td ({escape(text)}) Tj ET")
    return "\n".join(out).encode("latin-1")


def write(path, pages, encrypt=False):
    objects = []  # bytes of objects 1..n

    def add(body):
        objects.append(body if isinstance(body, bytes) else body.encode("latin-1"))
        return len(objects)

    catalog = add("")  # filled below
    pages_id = add("")
    f1 = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    f2 = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        stream = content(lines)
        c = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] "
                        f"/Resources << /Font << /F1 {f1} 0 R /F2 {f2} 0 R >> >> /Contents {c} 0 R >>"))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(f"{k} 0 R" for k in kids), len(kids))).encode()
    trailer_extra = ""
    if encrypt:
        # A standard security handler whose user password is not empty: readers cannot open the
        # file without it. The O and U values are fixed bytes, not a real key: nothing decrypts.
        enc = add("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
                  "/O <" + "11" * 32 + "> /U <" + "22" * 32 + "> >>")
        trailer_extra = f" /Encrypt {enc} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R{trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)


def wrap(text, size, width):
    """Greedy wrap on an average Helvetica character width (0.5 em), a little conservative."""
    per_line = max(10, int(width / (0.52 * size)))
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > per_line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


SIZES = {1: 18, 2: 14, 3: 12}
BODY = 10


def layout(blocks, header=None, columns=1):
    """Flows (level, text) blocks onto pages (level 0 is a paragraph, level "table" a list of rows of
    short cells), with a running header and a "Page N" footer on each page; `columns` 2 sets the
    body in two columns."""
    pages, lines = [], []
    column_width = (WIDTH - 2 * MARGIN - (20 if columns == 2 else 0)) / columns
    column, y = 0, HEIGHT - MARGIN

    def new_page():
        nonlocal lines, column, y
        if lines:
            pages.append(lines)
        lines = []
        if header:
            lines.append((MARGIN, HEIGHT - 40, 8, False, header))
        column, y = 0, HEIGHT - MARGIN

    def next_column():
        nonlocal column, y
        if column + 1 < columns:
            column += 1
            y = HEIGHT - MARGIN
        else:
            finish_page()
            new_page()

    def finish_page():
        lines.append((WIDTH / 2 - 15, 40, 8, False, f"Page {len(pages) + 1}"))

    new_page()
    for level, text in blocks:
        if level == "table":  # text: rows of cells, set in equal columns, the first row in bold
            leading = BODY * 1.4
            cell_width = column_width / max(len(row) for row in text)
            if y - leading * (len(text) + 1) < MARGIN:
                next_column()
            for n, row in enumerate(text):
                y -= leading
                for c, cell in enumerate(row):
                    x = round(MARGIN + column * (column_width + 20) + c * cell_width, 1)
                    lines.append((x, round(y, 1), BODY, n == 0, cell))
            y -= leading * 0.6
            continue
        size = SIZES.get(level, BODY)
        leading = size * 1.3
        wrapped = wrap(text, size, column_width)
        if y - leading * (len(wrapped) + (2 if level else 0)) < MARGIN:
            next_column()
        if level and y < HEIGHT - MARGIN:
            y -= leading * 0.6
        for line in wrapped:
            if y - leading < MARGIN:
                next_column()
            y -= leading
            lines.append((round(MARGIN + column * (column_width + 20), 1), round(y, 1), size, bool(level), line))
        y -= leading * 0.6  # paragraph gap
    finish_page()
    pages.append(lines)
    return pages
