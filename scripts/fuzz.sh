#!/bin/bash
# Builds Dossier's libFuzzer targets (Fuzz/) with the fuzzer and address sanitizers and runs each for a while.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      (default: 30 seconds, every target)
#
# Seeds come from ../shared when it is there (reports, web pages, JSON Lines records), else from the repository's own
# seed report. Inputs that grow coverage are kept in .build/fuzz/corpus/TARGET, so that a later run starts where this
# one stopped. A crash, leak, hang (-timeout) or memory blow-up (-rss_limit_mb) stops the run: its input is written to
# .build/fuzz/crashes/ and the script exits with status 1. Turn each into a regression test (Tests/.../FuzzFoundTests).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(FuzzIntake FuzzHTML FuzzRecord FuzzPipeline); fi
shared=../shared
work=.build/fuzz
mkdir -p "$work/crashes"

echo "== building the fuzz targets (Fuzz/, the address and fuzzer sanitizers)"
# SwiftPM passes its sanitizers to swiftc in no fixed order, and with -sanitize=fuzzer before -sanitize=address swiftc
# leaves the coverage counters out: the fuzzer would run blind. The combined flag, last, always keeps them; SwiftPM's own
# flags still tell it to link the targets with libFuzzer's main. Without --disable-dead-strip the linker drops them.
(cd Fuzz && swift build -c release --sanitize=address --sanitize=fuzzer -Xswiftc -sanitize=address,fuzzer --disable-dead-strip 2>&1 \
  | grep -E "error|warning: unre|Compiling|Build" | tail -3)
for target in "${targets[@]}"; do
  counters=$(Fuzz/.build/release/"$target" -runs=0 2>&1 | sed -n 's/.*Loaded 1 modules *(\([0-9]*\) inline 8-bit counters).*/\1/p')
  if [ -z "$counters" ] || [ "$counters" -lt 1000 ]; then
    echo "$target: built without coverage counters; the fuzzer would run blind"
    exit 1
  fi
done

seeds() {
  local target=$1 dir="$work/seeds/$1"
  rm -rf "$dir" && mkdir -p "$dir"
  case $target in
    FuzzIntake)
      cp Sources/DossierCore/Resources/seeds/*.txt "$dir/"
      local page='<html><head><title>Kim meets Shoigu</title></head><body><article><p>Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday.</p></article></body></html>'
      local block=$'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n'"$page"
      printf 'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/a\r\nWARC-Date: 2024-03-05T10:00:00Z\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' \
        "${#block}" "$block" > "$dir/page.warc"
      gzip -c "$dir/page.warc" > "$dir/page.warc.gz"
      if [ -d "$shared" ]; then
        cp "$shared"/corpus/*.txt "$dir/"
        ls "$shared"/data/aeb/html/*.html.gz | head -5 | xargs -I{} cp {} "$dir/"
      fi ;;
    FuzzHTML)
      printf '<html><head><title>A title</title></head><body><article><h1>Kim meets Shoigu</h1><p>Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday.</p></article></body></html>' > "$dir/page.html"
      if [ -d "$shared" ]; then
        for f in $(ls "$shared"/data/aeb/html/*.html.gz | head -20); do gzip -dc "$f" | head -c 60000 > "$dir/$(basename "$f" .gz)"; done
        cp "$shared"/data/html/h1[789].html "$dir/" 2>/dev/null || true
      fi ;;
    FuzzRecord)
      printf '{"id":"a","text":"Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday.","date":"2023-07-26","title":"Kim meets Shoigu"}' > "$dir/record.json"
      if [ -d "$shared" ]; then head -n 40 "$shared"/data/news/bulk-30mb.jsonl | split -l 1 - "$dir/bulk-"; fi ;;
    FuzzPipeline)
      cp Sources/DossierCore/Resources/seeds/*.txt "$dir/"
      if [ -d "$shared" ]; then cp "$shared"/corpus/*.txt "$dir/"; fi ;;
  esac
  echo "$dir"
}

failed=0
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  mkdir -p "$corpus"
  seed=$(seeds "$target")
  echo "== $target for $seconds s (corpus $corpus, $(ls "$seed" | wc -l) seeds)"
  if ! Fuzz/.build/release/"$target" "$corpus" "$seed" -max_total_time="$seconds" -max_len=65536 -timeout=20 \
    -rss_limit_mb=4096 -artifact_prefix="$work/crashes/$target-" -print_final_stats=1 > "$work/$target.log" 2>&1; then
    echo "$target: FAILED (see $work/$target.log and $work/crashes/)"
    grep -E "ERROR|SUMMARY|Test unit written" "$work/$target.log" | head -5
    failed=1
  fi
  grep -E "^#[0-9]+\s+DONE|stat::number_of_executed_units|stat::peak_rss_mb" "$work/$target.log" | tr '\n' ' '
  echo
done
exit $failed
