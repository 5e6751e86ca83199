#!/usr/bin/env python3
"""Helpers for the store checks of .ci/run.

  store_check.py corpus FILE N      writes N synthetic news reports as JSON Lines
  store_check.py count DB           prints how many articles an SQLite store holds (0 before it exists)
  store_check.py fingerprint DB     checks an SQLite store's integrity and prints its row counts and merged totals
"""
import json
import random
import sqlite3
import sys

PEOPLE = ["Kim Jong Un", "Sergei Shoigu", "Joe Biden", "Volodymyr Zelensky", "Xi Jinping", "Vladimir Putin",
          "Emmanuel Macron", "Antony Blinken", "Olaf Scholz", "Rishi Sunak"]
VERBS = ["met", "visited", "criticized", "praised", "accused", "threatened", "hosted", "called"]
PLACES = ["Pyongyang", "Moscow", "Kyiv", "Beijing", "Paris", "Washington", "Berlin", "London"]


def corpus(path, count):
    rng = random.Random(7)
    outlets = ["reuters.com", "apnews.com", "bbc.co.uk", "yna.co.kr", "aljazeera.com"]
    with open(path, "w") as out:
        for i in range(count):
            a, b = rng.sample(PEOPLE, 2)
            day = 1 + rng.randrange(28)
            text = (f"{a} {rng.choice(VERBS)} {b} in {rng.choice(PLACES)} on Wednesday, officials said. "
                    f"\"This is report number {i},\" {a} said. "
                    f"The talks covered trade, security and {rng.choice(['energy', 'grain', 'arms', 'sanctions'])}.")
            record = {"id": f"r{i}", "text": text, "date": f"2023-07-{day:02d}",
                      "url": f"https://{rng.choice(outlets)}/story/{i}"}
            out.write(json.dumps(record) + "\n")


def count(path):
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        print(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        print(0)


def fingerprint(path):
    db = sqlite3.connect(path)
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    if integrity != "ok":
        sys.exit(f"{path}: integrity check: {integrity}")
    if db.execute("PRAGMA foreign_key_check").fetchall():
        sys.exit(f"{path}: rows refer to rows that are not there")
    tables = ["articles", "entities", "entity_aliases", "article_entities", "mentions", "quotes", "claims",
              "claim_parties", "events", "event_reports"]
    figures = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    figures["event mentions"], figures["event sources"] = db.execute(
        "SELECT sum(num_mentions), sum(num_sources) FROM events").fetchone()
    figures["entity mentions"] = db.execute("SELECT sum(mention_count) FROM entities").fetchone()[0]
    stale = db.execute("""SELECT count(*) FROM events e WHERE num_mentions !=
                          (SELECT count(*) FROM event_reports r WHERE r.event_id = e.id)""").fetchone()[0]
    if stale:
        sys.exit(f"{path}: {stale} event(s) whose mention counts disagree with their reports")
    stale = db.execute("""SELECT count(*) FROM entities e WHERE mention_count !=
                          (SELECT count(*) FROM mentions m WHERE m.entity_key = e.key)""").fetchone()[0]
    if stale:
        sys.exit(f"{path}: {stale} entit(ies) whose mention counts disagree with their mentions")
    print(" ".join(f"{k}={v}" for k, v in figures.items()))


if __name__ == "__main__":
    {"corpus": lambda: corpus(sys.argv[2], int(sys.argv[3])),
     "count": lambda: count(sys.argv[2]),
     "fingerprint": lambda: fingerprint(sys.argv[2])}[sys.argv[1]]()
