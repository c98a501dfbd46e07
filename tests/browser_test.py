#!/usr/bin/env python3
"""Opens the sample's HTML report in a real browser (Debian's chromium, headless).

Run by ctest: scores the sample CCA, writes its HTML report, renders it to PNG and to PDF, and
fails when chromium fails, an output is missing or empty, or chromium's log shows a console
error or a failed load. A control page with a script error and a missing image must be caught,
so that this test can fail.
"""
import pathlib
import re
import shutil
import subprocess
import sys

engine, source, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
work.mkdir(parents=True, exist_ok=True)
browser = shutil.which("chromium") or shutil.which("chromium-browser")
if browser is None:
    print("chromium is not installed (scripts/setup installs it)")
    sys.exit(1)

PROBLEM = re.compile(r"CONSOLE.*(error|Uncaught)|Uncaught |net::ERR_|Failed to load", re.IGNORECASE)


def render(page, **outputs):
    """Renders `page` once per output (png or pdf); returns the problems chromium logged."""
    problems = []
    for kind, path in outputs.items():
        path.unlink(missing_ok=True)
        flag = f"--screenshot={path}" if kind == "png" else f"--print-to-pdf={path}"
        run = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                              "--enable-logging=stderr", "--v=0", "--window-size=1000,1400", flag, page.as_uri()],
                             capture_output=True, text=True, timeout=120)
        if run.returncode != 0:
            problems.append(f"{kind}: chromium exited {run.returncode}")
        if not path.exists() or path.stat().st_size == 0:
            problems.append(f"{kind}: no output written to {path}")
        problems += [f"{kind}: {line.strip()}" for line in run.stderr.splitlines() if PROBLEM.search(line)]
    return problems


db = work / "browser-test.db"
db.unlink(missing_ok=True)
report = work / "sample-report.html"
score = subprocess.run([engine, "score", str(source / "samples" / "cca-valdoria-2025.pdf"), "--db", str(db),
                        "--format", "html"], capture_output=True, text=True)
if score.returncode != 0:
    print("score failed:", score.stderr)
    sys.exit(1)
report.write_text(score.stdout, encoding="utf-8")

problems = render(report, png=work / "sample-report.png", pdf=work / "sample-report.pdf")

# A French document's report, in French: rendered the same, and its PDF says so.
french = work / "sample-report-fr.html"
score = subprocess.run([engine, "score", str(source / "samples" / "bcp-kavera-2024.html"), "--db", str(db),
                        "--format", "html"], capture_output=True, text=True)
if score.returncode != 0:
    print("score of the French sample failed:", score.stderr)
    sys.exit(1)
french.write_text(score.stdout, encoding="utf-8")
problems += render(french, png=work / "sample-report-fr.png", pdf=work / "sample-report-fr.pdf")
if (work / "sample-report-fr.pdf").exists():
    text = subprocess.run(["pdftotext", str(work / "sample-report-fr.pdf"), "-"], capture_output=True, text=True).stdout
    for words in ("Synthèse", "Priorités : ce qu'il faut ajouter en premier", "Répond aux exigences minimales"):
        if words not in text:
            problems.append(f"the French report's PDF does not say {words!r}")
for problem in problems:
    print(problem)

control = work / "control.html"
control.write_text('<!DOCTYPE html><html><body><img src="missing.png"><script>undefinedFunction();</script></body></html>')
control_problems = render(control, png=work / "control.png")
if not control_problems:
    print("the control page's script error and missing image went unnoticed: the check is blind")
    problems.append("blind")

print(f"sample reports (English, French) rendered to PNG and PDF with {len(problems)} problems")
sys.exit(1 if problems else 0)
