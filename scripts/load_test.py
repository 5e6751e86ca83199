#!/usr/bin/env python3
"""A bounded HTTP load test for `dossier serve`: a fixed number of requests over keep-alive connections.

Each of --concurrency clients opens one HTTP/1.1 connection and sends requests one after another until --requests
have been sent in all; the run stops by itself. Prints throughput and latency percentiles (milliseconds, from
sending a request to reading the last byte of its answer), and counts answers that are not 200 as errors.

    python3 scripts/load_test.py http://127.0.0.1:8099 /events?actor=Russia&limit=50 --concurrency 50 --requests 5000
    python3 scripts/load_test.py http://127.0.0.1:8099 /extract --body ../shared/seeds/kim-shoigu.txt \\
        --concurrency 1 --requests 200

Several paths may be given; the clients take them in turn. Standard library only.
"""

import argparse
import asyncio
import json
import sys
import time
from urllib.parse import urlsplit


async def read_answer(reader):
    """Reads one HTTP/1.1 answer: its status and body (Content-Length or chunked)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = bytearray()
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                break
            body += await reader.readexactly(size)
            await reader.readexactly(2)
        return status, bytes(body)
    return status, await reader.readexactly(int(headers.get("content-length", "0")))


async def client(host, port, requests, counter, total, latencies, errors):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while True:
            index = counter[0]
            if index >= total:
                return
            counter[0] += 1
            request = requests[index % len(requests)]
            started = time.perf_counter()
            writer.write(request)
            await writer.drain()
            status, _ = await read_answer(reader)
            latencies.append((time.perf_counter() - started) * 1000)
            if status != 200:
                errors[status] = errors.get(status, 0) + 1
    finally:
        writer.close()


def build_request(host, path, body):
    method = "POST" if body is not None else "GET"
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: keep-alive"]
    if body is not None:
        lines += ["Content-Type: text/plain; charset=utf-8", f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b"")


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int(round(p / 100 * (len(sorted_values) - 1))))]


async def run(args):
    base = urlsplit(args.base)
    body = open(args.body, "rb").read() if args.body else None
    requests = [build_request(base.netloc, path, body) for path in args.paths]
    latencies, errors, counter = [], {}, [0]
    started = time.perf_counter()
    await asyncio.gather(
        *(client(base.hostname, base.port or 80, requests, counter, args.requests, latencies, errors)
          for _ in range(args.concurrency)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    result = {
        "paths": args.paths, "concurrency": args.concurrency, "requests": len(latencies),
        "seconds": round(elapsed, 2), "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 50), 2), "p90_ms": round(percentile(latencies, 90), 2),
        "p99_ms": round(percentile(latencies, 99), 2), "max_ms": round(latencies[-1], 2), "errors": errors,
    }
    print(json.dumps(result))
    return 1 if errors else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", help="the server, e.g. http://127.0.0.1:8099")
    parser.add_argument("paths", nargs="+", help="paths with their query, taken in turn")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--body", help="a file sent as the body of a POST (else GET)")
    args = parser.parse_args()
    sys.exit(asyncio.run(run(args)))


if __name__ == "__main__":
    main()
