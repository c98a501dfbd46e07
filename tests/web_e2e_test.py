#!/usr/bin/env python3
"""The web app end to end, in a real browser (Debian's chromium and chromedriver, headless, driven
by python3-selenium; scripts/setup installs them).

Run by ctest as: web_e2e_test.py UNCT_ASSESS SOURCE_DIR [WORK_DIR]. Starts `unct-assess serve`
on a fresh database and a free port, then does what a country team does: uploads a draft, reads
its levels, fills in two self-assessment answers and sees the over- or underclaim, uploads the next
draft, compares the two and finds the item that changed, overrides a rating on a report and another
from the portfolio's heat map and sees both marked there; then a trainer opens a workshop room, two
participants answer through its short link, and the trainer's debrief shows them. Fails on a page answered with an error status, on any message in the browser's console
(a script error, a style or image refused by the Content-Security-Policy, a failed load), and
after 120 seconds rather than hang. The server is stopped with SIGTERM and must exit cleanly.
"""
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

TIME_LIMIT = 120  # seconds, for the whole test
WAIT = 40  # seconds for one page, generous for a 2-core machine busy with other tests

engine, source = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
work_root = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else None
if work_root:
    work_root.mkdir(parents=True, exist_ok=True)
work = pathlib.Path(tempfile.mkdtemp(prefix="web-e2e-", dir=work_root)).resolve()


class TimeLimit(Exception):
    pass


def on_alarm(signum, frame):
    raise TimeLimit(f"the test took more than {TIME_LIMIT} s")


signal.signal(signal.SIGALRM, on_alarm)
signal.alarm(TIME_LIMIT)

server = None
driver = None
log_path = work / "serve.log"
problems = []


def start_server():
    """`unct-assess serve` on a port of its choosing (--port 0: no race for a free port); its address."""
    log = open(log_path, "w")
    process = subprocess.Popen([engine, "serve", "--db", str(work / "e2e.db"), "--port", "0", "--jobs", "1",
                                "--packs", str(source / "samples" / "workshop")],
                               stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", log_path.read_text(errors="replace"))
        if found:
            return process, f"http://127.0.0.1:{found.group(1)}"
        if process.poll() is not None:
            break
        time.sleep(0.1)
    raise RuntimeError("the server did not start:\n" + log_path.read_text(errors="replace"))


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1200,1400", "--no-first-run", "--disable-extensions",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # Debian's chromedriver, named: selenium would otherwise try to fetch one from the network.
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    browser = webdriver.Chrome(service=service, options=options)
    browser.set_page_load_timeout(WAIT)
    browser.set_script_timeout(WAIT)
    return browser


def status_of(url):
    """The HTTP status the server gives the page (the browser does not tell Selenium)."""
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


def check_page(what):
    """The page the browser shows was answered 200 and the console holds nothing."""
    url = driver.current_url
    status = status_of(url)
    if status != 200:
        problems.append(f"{what}: {url} answered {status}")
    for entry in driver.get_log("browser"):
        problems.append(f"{what}: console {entry.get('level')}: {entry.get('message')}")
    if problems:
        raise AssertionError("\n".join(problems))


def wait_for_url(pattern):
    WebDriverWait(driver, WAIT).until(EC.url_matches(pattern))


def body_text():
    return driver.find_element(By.TAG_NAME, "body").text


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def upload(path, draft):
    driver.get(base + "/")
    check_page("start page")
    driver.find_element(By.NAME, "document").send_keys(str(path))
    driver.find_element(By.NAME, "draft").send_keys(draft)
    driver.find_element(By.CSS_SELECTOR, "form[action='/score'] button[type=submit]").click()
    wait_for_url(r"/assessments/\d+$")
    check_page(f"report of {path.name}")
    return int(re.search(r"/assessments/(\d+)$", driver.current_url).group(1))


def run():
    # 1. The first draft, and its levels on the report page.
    first = upload(source / "samples" / "cca-valdoria-2025.docx", "draft 1")
    text = body_text()
    expect("Republic of Valdoria" in text, "the report does not name the document")
    expect("Meets minimum requirements" in text and "Approaches minimum requirements" in text,
           "the report does not show the levels")

    # 2. The team's self-assessment: an overclaim (the engine finds RDM-CCA-04 at Approaches)
    # and an underclaim (it finds RDM-CCA-01 at Meets).
    driver.find_element(By.LINK_TEXT, "Self-assessment").click()
    wait_for_url(rf"/assessments/{first}/self-assessment")
    check_page("self-assessment form")
    Select(driver.find_element(By.NAME, "level.RDM-CCA-04")).select_by_value("exceeds")
    driver.find_element(By.NAME, "justification.RDM-CCA-04").send_keys("Section 6 covers the data gaps")
    driver.find_element(By.NAME, "source.RDM-CCA-04").send_keys("p. 9")
    Select(driver.find_element(By.NAME, "level.RDM-CCA-01")).select_by_value("missing")
    driver.find_element(By.CSS_SELECTOR, "form.app button[type=submit]").click()
    wait_for_url(rf"/assessments/{first}\?lang=en$")
    check_page("report after the self-assessment")
    text = body_text()
    expect("Overclaim: RDM-CCA-04" in text, "the report shows no overclaim for RDM-CCA-04")
    expect("Underclaim: RDM-CCA-01" in text, "the report shows no underclaim for RDM-CCA-01")
    expect("Section 6 covers the data gaps" in text, "the report does not show the team's justification")

    # 3. The next draft: the same CCA without its data section.
    sample = (source / "samples" / "cca-valdoria-2025.md").read_text(encoding="utf-8")
    start, end = sample.index("## 6. Data and statistics"), sample.index("## 7. Risks")
    second_path = work / "cca-valdoria-2025-draft2.md"
    second_path.write_text(sample[:start] + sample[end:], encoding="utf-8")
    second = upload(second_path, "draft 2")
    expect(second != first, "the second draft was not stored as a new assessment")

    # 4. The drafts compared, from the documents page: RDM-CCA-04 went down.
    driver.get(base + "/documents")
    check_page("documents page")
    driver.find_element(By.CSS_SELECTOR, "form[action='/compare'] button[type=submit]").click()
    wait_for_url(rf"/compare\?first={first}&second={second}$")
    check_page("comparison")
    changed = [row.text for row in driver.find_elements(By.CSS_SELECTOR, "tr.up, tr.down")]
    expect(any(row.startswith("RDM-CCA-04") for row in changed),
           f"the comparison shows no change for RDM-CCA-04 (changed rows: {changed})")

    # 5. A reviewer overrides a rating on the second draft's report; the portfolio shows it.
    driver.get(f"{base}/assessments/{second}")
    check_page("report of the second draft")
    Select(driver.find_element(By.NAME, "item")).select_by_value("RDM-CCA-09")
    Select(driver.find_element(By.NAME, "level")).select_by_value("exceeds")
    driver.find_element(By.NAME, "note").send_keys("Section 3 names the groups' representation in parliament")
    driver.find_element(By.NAME, "reviewer").send_keys("E2E Reviewer")
    driver.find_element(By.CSS_SELECTOR, f"form[action='/assessments/{second}/override'] button").click()
    wait_for_url(rf"/assessments/{second}#review$")
    check_page("report after the override")
    expect("E2E Reviewer" in body_text(), "the audit trail does not show the override")
    driver.find_element(By.LINK_TEXT, "Portfolio").click()
    wait_for_url(r"/portfolio$")
    check_page("portfolio")
    # A row per file: the second draft's is the one named after its file.
    rows = [row for row in driver.find_elements(By.CSS_SELECTOR, "table.heat tr")
            if second_path.name in row.text]
    expect(len(rows) == 1, f"the portfolio has {len(rows)} rows for {second_path.name}, not one")
    cell = rows[0].find_element(By.CSS_SELECTOR, "td[title^='RDM-CCA-09:']")
    expect(cell.get_attribute("class") == "exceeds reviewed" and cell.text == "E*",
           f"the portfolio shows RDM-CCA-09 as {cell.get_attribute('class')} {cell.text!r}, "
           "not the reviewer's exceeds, marked")

    # 6. A rating overridden from the portfolio: its cell opens the evidence and the review form,
    # which returns to the portfolio, where the cell shows the reviewer's level, marked.
    rows[0].find_element(By.CSS_SELECTOR, "td[title^='RDM-CCA-11:'] a").click()
    wait_for_url(rf"/assessments/{second}/items/RDM-CCA-11$")
    check_page("review page of a portfolio cell")
    expect("The engine rated it" in body_text(), "the review page does not say the engine's level")
    Select(driver.find_element(By.NAME, "level")).select_by_value("meets")
    driver.find_element(By.NAME, "note").send_keys("Section 5 covers policing of the groups")
    driver.find_element(By.NAME, "reviewer").send_keys("E2E Portfolio Reviewer")
    driver.find_element(By.CSS_SELECTOR, f"form[action='/assessments/{second}/override'] button").click()
    wait_for_url(rf"/portfolio#a{second}$")
    check_page("portfolio after a review from it")
    cell = driver.find_element(By.CSS_SELECTOR, f"tr#a{second} td[title^='RDM-CCA-11:']")
    expect(cell.get_attribute("class") == "meets reviewed" and cell.text == "Me*",
           f"the portfolio shows RDM-CCA-11 as {cell.get_attribute('class')} {cell.text!r} after the review")

    # 7. A workshop room: the trainer opens it, two participants answer through its short link,
    # and the trainer's page shows their agreement with the key.
    driver.find_element(By.LINK_TEXT, "Workshop").click()
    wait_for_url(r"/workshop$")
    check_page("workshop page")
    Select(driver.find_element(By.NAME, "pack")).select_by_value("tessaly-cf-results.xml")
    driver.find_element(By.NAME, "cohort").send_keys("E2E cohort")
    driver.find_element(By.CSS_SELECTOR, "form[action='/workshop'] button[type=submit]").click()
    wait_for_url(r"/workshop/\d+$")
    check_page("trainer's page")
    trainer = driver.current_url
    link = driver.find_element(By.CSS_SELECTOR, ".room-link a").get_attribute("href")
    expect(re.fullmatch(re.escape(base) + r"/r/[A-HJ-NP-Z2-9]{8}", link), f"the room's link is {link}")
    for name, levels in (("Ana", ("approaches", "missing", "approaches")), ("Ben", ("meets", "meets", "approaches"))):
        driver.get(link)
        check_page(f"room page for {name}")
        expect("Kingdom of Tessaly" in body_text(), "the room page does not show the excerpt")
        driver.find_element(By.NAME, "name").send_keys(name)
        for item, level in zip(("RDM-CF-02", "RDM-CF-05", "RDM-CF-06"), levels):
            Select(driver.find_element(By.NAME, f"level.{item}")).select_by_value(level)
        driver.find_element(By.NAME, "note.RDM-CF-05").send_keys(f"{name}'s reason")
        driver.find_element(By.CSS_SELECTOR, "form.app button[type=submit]").click()
        WebDriverWait(driver, WAIT).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".thanks")))
        check_page(f"room page after {name}'s answers")
        expect(f"Thank you, {name}" in body_text(), f"{name} is not thanked for the answers")
    driver.get(trainer)
    check_page("trainer's page with answers")
    text = body_text()
    expect("2 participants, 6 answers" in text, "the debrief does not count 2 participants and 6 answers")
    expect("67%" in text, "the debrief does not show the room's agreement with the key (4 of 6 exact: 67%)")
    expect("Ben's reason" in text, "the debrief does not show a participant's note")


def stop_server():
    """SIGTERM, as an operator stops it; it must answer what is in progress and exit 0."""
    if server is None or server.poll() is not None:
        return server.returncode if server else 0
    server.send_signal(signal.SIGTERM)
    try:
        return server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
        return "killed after 20 s"


failed = None
try:
    server, base = start_server()
    driver = start_browser()
    run()
except Exception as e:  # noqa: BLE001: every failure is reported, then everything is stopped
    failed = f"{type(e).__name__}: {e}"
finally:
    signal.alarm(0)
    if driver is not None:
        try:
            driver.quit()
        except Exception as e:  # noqa: BLE001
            print("warning: closing the browser:", e)
    code = stop_server()
    if code != 0 and failed is None:
        failed = f"the server exited with {code} on SIGTERM"

if failed:
    print("FAILED:", failed)
    print("--- server log ---")
    print(log_path.read_text(errors="replace")[-4000:])
    sys.exit(1)
shutil.rmtree(work, ignore_errors=True)
print("web e2e: upload, levels, self-assessment with over- and underclaim, second draft, comparison, "
      "overrides on a report and from the portfolio, a workshop room with two participants: all seen in chromium "
      "without a console message")
