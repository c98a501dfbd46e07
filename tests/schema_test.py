#!/usr/bin/env python3
"""Validates the JSON reports of unct-assess against schemas/assessment.schema.json.

Run by ctest: scores documents of every kind and format with the built binary, validates each
report (score --format json and report ID --format json), and checks that the schema rejects a
report with a broken level, so that this test can fail.
"""
import json
import pathlib
import subprocess
import sys

import jsonschema

engine, source, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
work.mkdir(parents=True, exist_ok=True)
db = work / "schema-test.db"
if db.exists():
    db.unlink()
schema = json.loads((source / "schemas" / "assessment.schema.json").read_text())
validator = jsonschema.Draft202012Validator(schema)
validator.check_schema(schema)

cases = [
    ["samples/cca-valdoria-2025.md"],
    ["samples/cca-valdoria-2025.pdf"],
    ["tests/fixtures/items/RDM-CF-04.exceeds.md", "--kind", "cf"],
    ["tests/fixtures/items/RDM-SERP-02.meets.md", "--kind", "serp", "--lang", "en"],
    ["tests/fixtures/items/fr/RDM-CCA-01.meets.md", "--lang", "fr"],
]
failures = 0
reports = []
for case in cases:
    run = subprocess.run([engine, "score", str(source / case[0]), *case[1:], "--db", str(db), "--format", "json"],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print(f"{case[0]}: score failed: {run.stderr}")
        failures += 1
        continue
    reports.append((case[0], json.loads(run.stdout)))
# A stored assessment, and the same after a reviewer's override (the item then carries "review").
stored = subprocess.run([engine, "report", "1", "--db", str(db), "--format", "json"], capture_output=True, text=True)
reports.append(("report 1", json.loads(stored.stdout)))
subprocess.run([engine, "override", "1", "RDM-CCA-04", "--level", "meets", "--note", "annex table", "--reviewer", "R",
                "--db", str(db)], capture_output=True, text=True, check=True)
reviewed = json.loads(subprocess.run([engine, "report", "1", "--db", str(db), "--format", "json"],
                                     capture_output=True, text=True).stdout)
if not any("review" in item for item in reviewed["items"]):
    print("report 1: the overridden item has no review")
    failures += 1
reports.append(("report 1 reviewed", reviewed))
# The same with the country team's ratings: an underclaim, an overclaim and a self-reported item.
form = work / "self.csv"
form.write_text("item,level,justification,source\n"
                "RDM-CCA-01,missing,not covered,\n"
                "RDM-CCA-14,exceeds,we think so,\n"
                "RDM-UNCT-01,meets,consulted twice,consultation records 2024\n", encoding="utf-8")
subprocess.run([engine, "self-assess", "import", "1", str(form), "--db", str(db)], capture_output=True, text=True, check=True)
team = json.loads(subprocess.run([engine, "report", "1", "--db", str(db), "--format", "json"],
                                 capture_output=True, text=True).stdout)
claims = sorted(s["discrepancy"]["claim"] for s in team["self"] if "discrepancy" in s)
if len(team["self"]) != 3 or not any(i.get("self_reported") for i in team["items"]) or not claims:
    print(f"report 1 with self-ratings: {len(team['self'])} ratings, claims {claims}")
    failures += 1
reports.append(("report 1 self-assessed", team))

for name, report in reports:
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    for error in errors:
        print(f"{name}: {'/'.join(str(p) for p in error.path)}: {error.message}")
    failures += len(errors)

broken = json.loads(json.dumps(reports[0][1]))
broken["items"][0]["level"] = "great"
if validator.is_valid(broken):
    print("the schema accepts a report whose item level is \"great\"")
    failures += 1

print(f"{len(reports)} reports checked against the schema, {failures} problems")
sys.exit(1 if failures else 0)
