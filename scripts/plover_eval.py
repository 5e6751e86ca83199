"""How often Dossier's first event in a sentence has the right PLOVER root, on the public PLOVER examples.

Reads ../shared/data/plover/PLOVER_GSR_CAMEO.txt (322 coded sentences) or, with --plv, the PLV sentences
of ../shared/data/plv/plv-train.csv, runs `dossier extract` once over them all as JSON Lines (each
sentence a record with an empty title, so all of it is body), and compares the PLOVER type of the first
event found with the gold label. Older PLOVER names are read as today's: YIELD as CONCEDE, DEMAND as
REQUEST, DISAPPROVE and INVESTIGATE as ACCUSE, FIGHT as ASSAULT. Nothing is trained on these files.

    python3 scripts/plover_eval.py [--plv] [--dossier .build/release/dossier] [--verbose]
"""
import argparse, collections, csv, json, os, subprocess, tempfile

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data")
RENAME = {"YIELD": "CONCEDE", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def examples(plv):
    if plv:
        with open(os.path.join(SHARED, "plv", "plv-train.csv"), encoding="utf-8") as f:
            return [(row["text"], row["label"]) for row in csv.DictReader(f)]
    with open(os.path.join(SHARED, "plover", "PLOVER_GSR_CAMEO.txt"), encoding="utf-8") as f:
        return [(x["text"], x["event"]) for x in json.load(f) if x["event"] != "DOCUMENT"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--plv", action="store_true")
    ap.add_argument("--dossier", default=".build/release/dossier")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    rows = examples(args.plv)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for i, (text, _) in enumerate(rows):
            f.write(json.dumps({"id": str(i), "title": "", "text": text}) + "\n")
        path = f.name
    out = subprocess.run([args.dossier, "extract", path, "--format", "jsonl"], capture_output=True, check=True).stdout
    os.unlink(path)
    right = coded = 0
    confusion = collections.Counter()
    for line, (text, label) in zip(out.decode("utf-8").splitlines(), rows):
        gold = RENAME.get(label, label)
        events = [e for e in json.loads(line)["events"] if e.get("plover")]
        guess = RENAME.get(events[0]["plover"], events[0]["plover"]) if events else None
        coded += guess is not None
        right += guess == gold
        confusion[(gold, guess)] += 1
        if args.verbose and guess != gold:
            print(f"{gold:10s} {str(guess):10s} {text[:110]}")
    print(f"{'PLV' if args.plv else 'PLOVER examples'}: {len(rows)} sentences, an event coded in {coded}, "
          f"first event's PLOVER root right in {right} ({right / len(rows):.2f})")


if __name__ == "__main__":
    main()
