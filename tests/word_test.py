#!/usr/bin/env python3
"""Opens the Word outputs in a real word processor (Debian's LibreOffice, headless).

Run by ctest: writes the French sample's DOCX report (and, when `annotate` exists, the annotated
draft of a bundled DOCX sample), converts each to PDF with LibreOffice, renders the first page to
PNG with pdftoppm, and fails when a conversion fails, an output is missing or empty, or the PDF's
text lacks what the report must say first. The PNGs are kept in the work folder, for the README.
"""
import pathlib
import shutil
import subprocess
import sys

engine, source, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
work.mkdir(parents=True, exist_ok=True)
office = shutil.which("soffice") or shutil.which("libreoffice")
if office is None:
    print("LibreOffice is not installed (scripts/setup installs libreoffice-writer-nogui)")
    sys.exit(1)
problems = []


def run(args, what):
    done = subprocess.run(args, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        problems.append(f"{what} exited {done.returncode}: {done.stderr.strip()}")
    return done


def to_pdf_and_png(docx, must_say):
    """Converts `docx` to PDF and its first page to PNG; checks the PDF's text holds `must_say`."""
    pdf = docx.with_suffix(".pdf")
    png = docx.with_suffix("")
    pdf.unlink(missing_ok=True)
    # A private profile: parallel tests and the user's own LibreOffice never share one.
    run([office, f"-env:UserInstallation={(work / 'lo-profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(work), str(docx)], f"LibreOffice on {docx.name}")
    if not pdf.exists() or pdf.stat().st_size == 0:
        problems.append(f"{docx.name}: LibreOffice wrote no PDF")
        return
    run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(png)],
        f"pdftoppm on {pdf.name}")
    image = png.with_suffix(".png")
    if not image.exists() or image.stat().st_size < 1000:
        problems.append(f"{pdf.name}: no first page rendered to {image}")
    text = run(["pdftotext", "-layout", str(pdf), "-"], f"pdftotext on {pdf.name}").stdout
    for words in must_say:
        if words not in text:
            problems.append(f"{pdf.name}: the PDF does not say {words!r}")


db = work / "word-test.db"
db.unlink(missing_ok=True)
report = work / "report-fr.docx"
report.unlink(missing_ok=True)
run([engine, "score", str(source / "samples" / "bcp-kavera-2024.html"), "--db", str(db), "--format", "docx",
     "--out", str(report)], "score --format docx")
to_pdf_and_png(report, ["Synthèse", "Priorités : ce qu'il faut ajouter en premier", "RDM-CCA-09"])

help_text = subprocess.run([engine, "--help"], capture_output=True, text=True).stdout
if "annotate" in help_text:
    draft = source / "samples" / "cca-norvania-2024.docx"
    reviewed = work / "cca-norvania-2024-reviewed.docx"
    reviewed.unlink(missing_ok=True)
    run([engine, "annotate", str(draft), "--out", str(reviewed), "--db", str(db)], "annotate")
    to_pdf_and_png(reviewed, ["Norvania"])

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
