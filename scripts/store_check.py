#!/usr/bin/env python3
"""Helpers for the store checks of .ci/run.

  store_check.py corpus FILE N      writes N synthetic news reports as JSON Lines
  store_check.py warc JSONL OUT     writes the reports of a JSON Lines file as web pages in a .warc.gz (a gzip
                                    member a record, as CC-NEWS publishes them)
  store_check.py count DB           prints how many articles a store holds (0 before it exists)
  store_check.py fingerprint DB     checks a store's integrity and prints its row counts and merged totals

DB is an SQLite file or a postgres:// address (read with psql), which must print what the same reports in
SQLite print.
"""
import json
import random
import sqlite3
import subprocess
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


def warc(source, path):
    import gzip
    import html
    with open(source) as lines, open(path, "wb") as out:
        for line in lines:
            record = json.loads(line)
            # A report without an address or a date (the bulk corpus) gets made-up ones.
            url = record.get("url") or f"https://news.example/story/{record['id']}"
            date = record.get("date") or "2020-01-15"
            title = record.get("title") or f"Report {record['id']}"
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n\n") if p.strip())
            page = (f"<html><head><title>{html.escape(title)}</title></head><body><article>"
                    f"<h1>{html.escape(title)}</h1>{paragraphs}</article></body></html>").encode()
            block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
            head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
                    f"WARC-Date: {date}T12:00:00Z\r\nContent-Length: {len(block)}\r\n\r\n").encode()
            out.write(gzip.compress(head + block + b"\r\n\r\n"))


def count(path):
    try:
        if path.startswith(("postgres://", "postgresql://")):
            print(connect(path)("SELECT count(*) FROM articles")[0])
            return
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        print(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    except (sqlite3.Error, subprocess.CalledProcessError):
        print(0)


# Each reference between tables: the table, its columns, the table and columns referred to.
REFERENCES = [
    ("entity_aliases", "entity_key", "entities", "key"),
    ("article_entities", "article_hash", "articles", "hash"),
    ("article_entities", "entity_key", "entities", "key"),
    ("mentions", "article_hash", "articles", "hash"),
    ("mentions", "entity_key", "entities", "key"),
    ("quotes", "article_hash", "articles", "hash"),
    ("quotes", "speaker_key", "entities", "key"),
    ("claims", "article_hash", "articles", "hash"),
    ("claim_parties", "entity_key", "entities", "key"),
    ("claim_parties", "article_hash, ordinal", "claims", "article_hash, ordinal"),
    ("events", "source_key", "entities", "key"),
    ("events", "target_key", "entities", "key"),
    ("events", "place_key", "entities", "key"),
    ("events", "first_article", "articles", "hash"),
    ("event_reports", "article_hash", "articles", "hash"),
    ("event_reports", "event_id", "events", "id"),
    ("event_reports", "attributed_to", "entities", "key"),
]


def connect(path):
    """A function that runs a query on the store and returns its first row; an SQLite file's integrity is checked."""
    if path.startswith(("postgres://", "postgresql://")):
        def first_row(sql):
            out = subprocess.run(["psql", path, "-XAt", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True)
            return [None if v == "" else int(float(v)) for v in out.stdout.rstrip("\n").split("\t")]
        return first_row
    db = sqlite3.connect(path)
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    if integrity != "ok":
        sys.exit(f"{path}: integrity check: {integrity}")
    return lambda sql: db.execute(sql).fetchone()


def fingerprint(path):
    first_row = connect(path)
    for table, columns, parent, keys in REFERENCES:
        pairs = " AND ".join(f"p.{k.strip()} = t.{c.strip()}" for c, k in zip(columns.split(","), keys.split(",")))
        present = " AND ".join(f"t.{c.strip()} IS NOT NULL" for c in columns.split(","))
        if first_row(f"SELECT count(*) FROM {table} t WHERE {present} AND NOT EXISTS "
                     f"(SELECT 1 FROM {parent} p WHERE {pairs})")[0]:
            sys.exit(f"{path}: rows of {table} refer to rows of {parent} that are not there")
    tables = ["articles", "entities", "entity_aliases", "article_entities", "mentions", "quotes", "claims",
              "claim_parties", "events", "event_reports"]
    figures = {t: first_row(f"SELECT count(*) FROM {t}")[0] for t in tables}
    figures["event mentions"], figures["event sources"] = first_row(
        "SELECT sum(num_mentions), sum(num_sources) FROM events")
    figures["entity mentions"] = first_row("SELECT sum(mention_count) FROM entities")[0]
    stale = first_row("""SELECT count(*) FROM events e WHERE num_mentions !=
                         (SELECT count(*) FROM event_reports r WHERE r.event_id = e.id)""")[0]
    if stale:
        sys.exit(f"{path}: {stale} event(s) whose mention counts disagree with their reports")
    stale = first_row("""SELECT count(*) FROM entities e WHERE mention_count !=
                         (SELECT count(*) FROM mentions m WHERE m.entity_key = e.key)""")[0]
    if stale:
        sys.exit(f"{path}: {stale} entit(ies) whose mention counts disagree with their mentions")
    print(" ".join(f"{k}={v}" for k, v in figures.items()))


if __name__ == "__main__":
    {"corpus": lambda: corpus(sys.argv[2], int(sys.argv[3])),
     "warc": lambda: warc(sys.argv[2], sys.argv[3]),
     "count": lambda: count(sys.argv[2]),
     "fingerprint": lambda: fingerprint(sys.argv[2])}[sys.argv[1]]()
