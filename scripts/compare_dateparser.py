"""Dossier's time resolution beside dateparser's, on the gold time expressions of ../shared/gold/dev.

dateparser finds no spans itself, so it is handed each gold expression's text and the
report's reference date (RELATIVE_BASE, dates from the past preferred), as in
../shared/design/BASELINES.md; its answer is cut to the gold value's granularity
("2023", "2023-07", "2023-07-26"; a range counts when dateparser gives its first day).
Dossier runs on the whole report, finds the expressions itself, and is right when
it gives the gold text (or a span holding it) the gold value.

    pip install dateparser
    python3 scripts/compare_dateparser.py [--dossier .build/release/dossier]
"""
import argparse, datetime, json, os, subprocess, sys

import dateparser

GOLD = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "gold", "dev")
sys.path.insert(0, os.path.join(GOLD, "..", "..", "tools"))
from score import norm  # noqa: E402


def dateparser_value(text, base, gold):
    settings = {"PREFER_DATES_FROM": "past"}
    if base:
        settings["RELATIVE_BASE"] = base
    found = dateparser.parse(text, settings=settings)
    if not found:
        return None
    first = gold.split("/")[0]
    return found.strftime({4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}.get(len(first), "%Y-%m-%d"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", default=".build/release/dossier")
    args = ap.parse_args()
    total = ours = theirs = 0
    rows = []
    for name in sorted(os.listdir(GOLD)):
        gold = json.load(open(os.path.join(GOLD, name)))
        path = os.path.join(GOLD, "..", "..", gold["text_file"])
        cmd = [args.dossier, "extract", path, "--format", "json"]
        if gold.get("given_date"):
            cmd += ["--date", gold["given_date"]]
        output = json.loads(subprocess.run(cmd, capture_output=True, check=True).stdout)
        published = gold.get("published")
        base = None
        if published and len(published) == 10:
            base = datetime.datetime.fromisoformat(published)
        found = list(output["times"])
        for time in gold["times"]:
            if time.get("optional"):
                continue
            total += 1
            match = next((t for t in found if norm(t["text"]) == norm(time["text"]) or norm(time["text"]) in norm(t["text"])), None)
            if match:
                found.remove(match)
            ours_ok = bool(match) and match["value"] == time["value"]
            theirs_value = dateparser_value(time["text"], base, time["value"])
            theirs_ok = theirs_value == time["value"].split("/")[0] if "/" in time["value"] else theirs_value == time["value"]
            ours += ours_ok
            theirs += theirs_ok
            rows.append((gold["id"], time["text"], time["value"], match["value"] if match else None, theirs_value, ours_ok, theirs_ok))
    for row in rows:
        if not (row[5] and row[6]):
            print("%-10s %-24r gold %-24s dossier %-24s dateparser %s" % row[:5])
    print(f"right values of {total} gold time expressions: dossier {ours} ({ours / total:.2f}), dateparser {theirs} ({theirs / total:.2f})")


if __name__ == "__main__":
    main()
