#!/bin/sh
# Retrains the shipped name model (Sources/DossierCore/Resources/en/ner/english.dner) with the settings its
# README records: word clusters from the news corpus and CoNLL-2003 train, then the two-pass recogniser chosen
# on CoNLL-2003 dev, with the knowledge base as gazetteer. Then scores it on dev and test.
# Run from the repository root; needs ../shared/data. A few minutes on one core.
set -eu
SHARED=${SHARED:-../shared/data}
BIN=.build-ner/release/dossier
WORK=${TMPDIR:-/tmp}/dossier-ner
mkdir -p "$WORK"
swift build -c release --scratch-path .build-ner
$BIN train clusters "$SHARED/news/bulk-30mb.jsonl" --conll "$SHARED/conll2003/train.txt" --out "$WORK/clusters.txt"
$BIN train ner --train "$SHARED/conll2003/train.txt" --dev "$SHARED/conll2003/dev.txt" \
    --clusters "$WORK/clusters.txt" --gazetteer Sources/DossierCore/Resources/en/kb \
    --epochs 15 --passes 2 --out Sources/DossierCore/Resources/en/ner/english.dner
for split in dev test; do
    $BIN ner --conll "$SHARED/conll2003/$split.txt" --model Sources/DossierCore/Resources/en/ner/english.dner --timing \
        > "$WORK/$split.tagged"
done
