#!/usr/bin/env bash
# Checks the web page of `dossier serve` in a headless Chromium, and writes a screenshot of each view.
#
#   scripts/browser_check.sh SCREENSHOT_FOLDER [REPORT...]
#   DOSSIER=.build/release/dossier scripts/browser_check.sh SCREENSHOT_FOLDER
#
# Ingests the reports (default: six of ../shared/corpus/*.txt, else the sample report the package carries), three short
# dated ones and a hostile report (a script and an image that runs one, in its title and body) into a temporary store,
# serves it on a free port of 127.0.0.1, and opens each view: the latest articles, an article, the events table
# (filtered too, and over a range of dates), an actor's page, the network, the map (over a range of dates too), the
# paste box (submitted with scripts/browser_paste.mjs where Node.js can), the hostile article, and an article on a
# phone's screen. From each view's DOM, after its scripts have run, it checks that the article marks its entities and
# events, the table has rows, the histogram of dates has bars (and marks a range), the actor page, the network and the
# map (countries, places, and events where they took place) have drawn SVG, and the hostile report's markup is shown as
# text. Chromium is installed with apt-get when it is absent. Exits 1 when a check fails, naming it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "usage: $0 SCREENSHOT_FOLDER [REPORT...]" >&2
  exit 2
fi
mkdir -p "$1"
shots=$(cd "$1" && pwd)
shift
reports=("$@")
if [ ${#reports[@]} -eq 0 ]; then
  mapfile -t reports < <(ls ../shared/corpus/*.txt 2>/dev/null | head -n 6)
fi
if [ ${#reports[@]} -eq 0 ]; then reports=(Sources/DossierCore/Resources/seeds/kim-shoigu.txt); fi

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v chromium >/dev/null; then
  echo "== installing chromium"
  # A fresh machine may have no package lists yet.
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null 2>&1 \
    || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null; }
fi

# DOSSIER names a dossier binary already built (its resource bundles beside it); else a debug build is made.
dossier=${DOSSIER:-}
if [ -z "$dossier" ]; then
  echo "== building dossier"
  swift build --product dossier >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  dossier="$(swift build --show-bin-path)/dossier"
fi

cat >"$work/hostile.txt" <<'REPORT'
Alert <script>alert(1)</script> <img src=x onerror=alert(1)>

Joe Biden visited Kyiv on Monday. <script>alert(1)</script> Volodymyr Zelensky thanked him. <img src=x onerror=alert(1)> The visit was not announced.

Biden met soldiers in Kyiv and promised more air defence.
REPORT

# Reports of three dates, so that the histogram of dates has bars apart, and one names where its event took place.
cat >"$work/dated.jsonl" <<'REPORTS'
{"id": "front", "date": "2023-07-25", "text": "Russian troops attacked Ukrainian soldiers in Bakhmut on Tuesday."}
{"id": "talks", "date": "2023-08-10", "text": "Antony Blinken met Wang Yi in Beijing on Thursday."}
{"id": "visit", "date": "2023-09-05", "text": "Joe Biden visited Kyiv on Tuesday and praised Volodymyr Zelensky."}
REPORTS

echo "== ingesting ${#reports[@]} reports, three dated ones and a hostile one"
"$dossier" ingest "${reports[@]}" "$work/dated.jsonl" "$work/hostile.txt" --store "$work/dossier.db" --jobs 1 >"$work/ingest.log" 2>&1 \
  || { cat "$work/ingest.log"; exit 1; }

"$dossier" serve --store "$work/dossier.db" --host 127.0.0.1 --port 0 >"$work/serve.log" 2>&1 &
server=$!
base=""
for _ in $(seq 100); do
  base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.log" || true)
  if [ -n "$base" ]; then break; fi
  sleep 0.1
done
if [ -z "$base" ]; then
  cat "$work/serve.log"
  exit 1
fi
echo "== serving at $base"

# A value of the first row of a JSON list the API answers: field PATH FIELD.
field() {
  curl -sf "$base$1" | python3 -c "import json, sys; rows = json.load(sys.stdin); print(rows[0]['$2'] if rows else '')"
}

failures=0
# Opens a view: its DOM goes to $work/NAME.html and its screenshot (1280 by 900, or SIZE) to SHOTS/NAME.png.
open_view() {
  local name=$1 url=$2 size=${3:-1280,900}
  local flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile"
    --virtual-time-budget=5000)
  chromium "${flags[@]}" --dump-dom "$url" >"$work/$name.html" 2>/dev/null
  chromium "${flags[@]}" --screenshot="$shots/$name.png" --window-size="$size" "$url" >/dev/null 2>&1
}
# Passes when the view's DOM holds at least MINIMUM matches of PATTERN (a grep -E pattern): expect NAME MINIMUM PATTERN WHAT.
expect() {
  local count
  count=$({ grep -oE "$3" "$work/$1.html" || true; } | wc -l)
  if [ "$count" -ge "$2" ]; then
    echo "ok    $1: $4 ($count)"
  else
    echo "FAIL  $1: $4 (found $count, want at least $2)"
    failures=$((failures + 1))
  fi
}
# Passes when the view's DOM holds no match of PATTERN: refuse NAME PATTERN WHAT.
refuse() {
  if grep -qE "$2" "$work/$1.html"; then
    echo "FAIL  $1: $3"
    failures=$((failures + 1))
  else
    echo "ok    $1: $3"
  fi
}

article=$(field "/events?limit=1" article)
actor=$(field "/events?limit=1" source_key)
hostile=$(field "/articles?q=alert" hash)
# The date of the battle in Bakhmut (dated.jsonl), for the views of a range of dates.
day=2023-07-25
encode() { python3 -c "import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=''))" "$1"; }

open_view home "$base/"
open_view article "$base/#/article/$article"
open_view events "$base/#/events"
open_view events-filtered "$base/#/events?code=0&sort=-date"
open_view actor "$base/#/entity/$(encode "$actor")"
open_view events-range "$base/#/events?since=$day&until=$day"
open_view network "$base/#/network"
open_view map "$base/#/map"
open_view map-range "$base/#/map?since=$day&until=$day"
open_view paste "$base/#/paste"
open_view hostile "$base/#/article/$hostile"
open_view article-phone "$base/#/article/$article" 400,860

# The paste box, filled in and submitted over the DevTools protocol when Node.js can (22, or 20 with a flag).
views=(home article events events-filtered events-range actor network map map-range paste hostile)
if command -v node >/dev/null && node --experimental-websocket -e 'WebSocket' 2>/dev/null; then
  chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/paste-profile" --remote-debugging-port=0 \
    about:blank >/dev/null 2>&1 &
  browser=$!
  for _ in $(seq 100); do
    if [ -s "$work/paste-profile/DevToolsActivePort" ]; then break; fi
    sleep 0.1
  done
  node --experimental-websocket --no-warnings scripts/browser_paste.mjs "$(head -n 1 "$work/paste-profile/DevToolsActivePort")" \
    "$base/#/paste" "${reports[0]}" "$work/paste-result.html" "$shots/paste-result.png"
  kill "$browser" 2>/dev/null || true
  views+=(paste-result)
else
  echo "(no Node.js with WebSocket: the paste box is opened, not submitted)"
fi

expect home 2 'href="#/article/[0-9a-f]{64}"' "links to articles"
expect article 3 'class="hl hl-entity type-[A-Z]+"' "entities marked in the body"
expect article 1 'class="hl hl-evidence"' "event evidence marked in the body"
expect article 1 'class="hl hl-trigger"' "event triggers marked"
expect article 1 '<details class="event">' "events listed"
expect events 1 '<tr><td class="nowrap">' "rows in the events table"
expect events 1 'href="/events\?format=csv"' "a CSV link"
expect events-filtered 1 '<td>0[0-9]+</td>' "rows of CAMEO codes 0…"
refuse events-filtered '<td>[1-9][0-9]+</td><td>[A-Z]' "no row of another code"
expect events-filtered 1 'href="/events\?code=0&amp;sort=-date&amp;format=csv"' "a CSV link with the filters"
expect events-filtered 1 'aria-sort="descending"' "latest first"
expect events 1 '<rect class="bar[^"]*" [^>]* height="[1-9]' "bars in the histogram of dates"
expect events-range 1 '<rect class="bar selected" [^>]* height="[1-9]' "the range marked on the histogram"
expect events-range 1 "href=\"/events\\?since=$day&amp;until=$day&amp;format=csv\"" "a CSV link with the range"
expect events-range 1 '<input type="date" name="since" value="[0-9-]{10}"' "the range in the date fields"
expect actor 1 '<circle [^>]*class="dot ' "events on the timeline"
expect actor 1 '<h1>[^<]+</h1>' "the actor's name"
expect network 2 '<a href="#/entity/[^"]+" class="node"><circle' "actors drawn"
expect network 1 '<line [^>]*class="edge ' "events between actors drawn"
expect network 1 '<rect class="bar[^"]*" [^>]* height="[1-9]' "bars in the histogram of dates"
expect map 100 '<path d="M[^"]+" class="country"' "country outlines drawn"
expect map 1 '<a href="#/entity/[^"]+" class="place" [^>]*><circle' "places with events drawn"
expect map 1 '<circle [^>]*class="here"' "events drawn where they took place"
expect map 1 '<rect class="bar[^"]*" [^>]* height="[1-9]' "bars in the histogram of dates"
expect map-range 1 '<a href="#/entity/[^"]+" class="place" [^>]*><circle' "places with events in the range drawn"
expect map-range 1 'aria-label="Bakhmut: 1 events involve it, 1 took place there"' "the battle drawn in Bakhmut"
expect map-range 1 '<rect class="bar selected"' "the range marked on the histogram"
expect paste 1 '<textarea id="report"' "the paste box"
if [ -f "$work/paste-result.html" ]; then
  expect paste-result 1 '<section class="result"[^>]*><h1>' "the pasted report read and shown"
  expect paste-result 1 'class="hl hl-entity type-[A-Z]+"' "entities marked in the pasted report"
fi
expect hostile 2 '&lt;script&gt;alert\(1\)&lt;/script&gt;' "the script shown as text, in the title and the body"
expect hostile 2 '&lt;img src=x onerror=alert\(1\)&gt;' "the image shown as text, in the title and the body"
expect hostile 1 'class="hl hl-entity type-[A-Z]+"' "entities marked around the markup"
refuse hostile '<img[ >]|<script>alert' "no script or image made from the report"
for view in "${views[@]}"; do
  refuse "$view" 'class="error"' "no error shown"
done

echo "== screenshots in $shots"
if [ "$failures" -gt 0 ]; then
  echo "$failures checks failed" >&2
  exit 1
fi
echo "every check passed"
