"""A bounded, closed-loop load generator for one chiso server on 127.0.0.1 (standard library
only: threads and http.client with keep-alive, one connection per virtual user).

    python benchmarks/load/generate.py --plan plan.json --base http://127.0.0.1:8790 \
        --levels 10,50,100 --seconds 45 --out results.json

Each virtual user loops without pause (so N users = up to N requests in flight) over its role's
steps from plan.json (prepare.py), then asks for the bare view (/healthz: Django, middleware and
`SELECT 1`) under the same load. Each level stops after --seconds or --max-requests, whichever
comes first. Work items (assignments to report on, reports to accept) are used once across all
levels. Every report submission carries a unique marker, written to the results for verify.py.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import re
import statistics
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Outcome:
    label: str
    status: int
    seconds: float
    ok: bool


@dataclass
class Level:
    users: int
    outcomes: list[Outcome] = field(default_factory=list)
    submissions: list[dict[str, Any]] = field(default_factory=list)
    accepted: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, outcome: Outcome) -> None:
        with self.lock:
            self.outcomes.append(outcome)


class Browser:
    """One virtual user's connection and cookies."""

    def __init__(self, base: str, cookies: dict[str, str]) -> None:
        parts = urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.cookies = dict(cookies)
        self.conn: http.client.HTTPConnection | None = None

    def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            all_headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
            all_headers.update(headers or {})
            try:
                self.conn.request(method, path, body=body or None, headers=all_headers)
                response = self.conn.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt == 2 or method != "GET":  # never repeat a POST blindly
                    raise
                continue
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, data
        raise AssertionError("unreachable")


def timed(
    level: Level, browser: Browser, label: str, method: str, path: str, **kw: Any
) -> tuple[bool, bytes]:
    expected = kw.pop("expect", (200,))
    start = time.perf_counter()
    try:
        status, data = browser.request(method, path, **kw)
    except OSError:
        status, data = 0, b""
    ok = status in expected
    level.add(Outcome(label, status, time.perf_counter() - start, ok))
    return ok, data


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, (filename, content) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def csrf_of(page: bytes) -> str:
    found = CSRF.search(page)
    return found.group(1).decode() if found else ""


class VirtualUser:
    def __init__(self, spec: dict[str, Any], plan: dict[str, Any], base: str, run: str) -> None:
        self.spec, self.run = spec, run
        cookies = {plan["session_cookie"]: spec["session"]} if "session" in spec else {}
        self.browser = Browser(base, cookies)
        self.pdf = base64.b64decode(plan["pdf"])
        self.cursor = 0
        self.sent = 0

    def step(self, level: Level) -> None:
        getattr(self, self.spec["role"])(level)
        timed(level, self.browser, "bare view /healthz", "GET", "/healthz")

    def officer(self, level: Level) -> None:
        work = self.spec["assignments"]
        if self.cursor >= len(work):
            timed(level, self.browser, "my assignments", "GET", "/ke-hoach/cua-toi/")
            return
        assignment = work[self.cursor]
        self.cursor += 1
        _, page = timed(
            level, self.browser, "assignment page", "GET", f"/ke-hoach/phan-cong/{assignment}/"
        )
        self.sent += 1
        marker = f"Báo cáo tải thử {self.run} {self.spec['user']} #{self.sent}"
        body, ctype = multipart(
            {
                "csrfmiddlewaretoken": csrf_of(page),
                "narrative": marker,
                "progress": "50",
                "figures": "3/5 xã",
            },
            {"files": ("bien-ban.pdf", self.pdf)},
        )
        ok, _ = timed(
            level,
            self.browser,
            "submit report + PDF",
            "POST",
            f"/ke-hoach/phan-cong/{assignment}/bao-cao/",
            body=body,
            headers={"Content-Type": ctype},
            expect=(302,),
        )
        with level.lock:
            level.submissions.append({"marker": marker, "assignment": assignment, "ok": ok})

    def reviewer(self, level: Level) -> None:
        reports = self.spec["reports"]
        if self.cursor >= len(reports):
            timed(level, self.browser, "deadlines", "GET", "/bang-dieu-khien/thoi-han/")
            return
        report, version, assignment = reports[self.cursor]
        self.cursor += 1
        _, page = timed(
            level, self.browser, "assignment page", "GET", f"/ke-hoach/phan-cong/{assignment}/"
        )
        form = (
            f"csrfmiddlewaretoken={csrf_of(page)}&version={version}&decision=accept"
            "&comment=%C4%90%E1%BA%A1t"
        ).encode()
        ok, _ = timed(
            level,
            self.browser,
            "accept report",
            "POST",
            f"/ke-hoach/bao-cao/{report}/duyet/",
            body=form,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            expect=(302,),
        )
        if ok:
            with level.lock:
                level.accepted.append(report)

    def leader(self, level: Level) -> None:
        timed(
            level, self.browser, "plan dashboard", "GET", f"/bang-dieu-khien/{self.spec['plan']}/"
        )
        timed(level, self.browser, "deadlines", "GET", "/bang-dieu-khien/thoi-han/")

    def public(self, level: Level) -> None:
        timed(level, self.browser, "public profile", "GET", self.spec["path"])


def run_level(users: list[VirtualUser], seconds: float, max_requests: int) -> tuple[Level, float]:
    level = Level(len(users))
    stop = threading.Event()
    deadline = time.monotonic() + seconds

    def loop(user: VirtualUser) -> None:
        while not stop.is_set() and time.monotonic() < deadline:
            user.step(level)
            if len(level.outcomes) >= max_requests:
                stop.set()

    threads = [threading.Thread(target=loop, args=(u,), daemon=True) for u in users]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return level, time.monotonic() - start


def summary(level: Level, elapsed: float) -> dict[str, Any]:
    by_label: dict[str, list[Outcome]] = defaultdict(list)
    for o in level.outcomes:
        by_label[o.label].append(o)
    pages = {}
    for label, rows in sorted(by_label.items()):
        times = sorted(o.seconds * 1000 for o in rows)
        pages[label] = {
            "requests": len(rows),
            "errors": sum(not o.ok for o in rows),
            "per_second": round(len(rows) / elapsed, 1),
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1),
            "statuses": sorted({o.status for o in rows}),
        }
    total = len(level.outcomes)
    errors = sum(not o.ok for o in level.outcomes)
    return {
        "users": level.users,
        "seconds": round(elapsed, 1),
        "requests": total,
        "per_second": round(total / elapsed, 1),
        "errors": errors,
        "error_rate": round(errors / total, 5) if total else 0,
        "pages": pages,
        "submissions": level.submissions,
        "accepted": level.accepted,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plan", type=Path, required=True)
    parser.add_argument("--base", default="http://127.0.0.1:8790")
    parser.add_argument("--levels", default="10,50,100")
    parser.add_argument("--seconds", type=float, default=45)
    parser.add_argument("--max-requests", type=int, default=20000)
    parser.add_argument("--warmup", type=float, default=15, help="seconds at 10 users, unreported")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if urlsplit(args.base).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("this load test only targets a server on this machine (127.0.0.1)")
    plan = json.loads(args.plan.read_text("utf-8"))
    run = uuid.uuid4().hex[:8]
    everyone = [VirtualUser(spec, plan, args.base, run) for spec in plan["users"]]
    results: dict[str, Any] = {"run": run, "levels": []}
    warm, _ = run_level(everyone[:10], args.warmup, args.max_requests)  # cold caches, connections
    results["warmup"] = {"submissions": warm.submissions, "accepted": warm.accepted}
    for count in (int(n) for n in args.levels.split(",")):
        if count > len(everyone):
            raise SystemExit(f"plan has {len(everyone)} virtual users, level needs {count}")
        level, elapsed = run_level(everyone[:count], args.seconds, args.max_requests)
        result = summary(level, elapsed)
        results["levels"].append(result)
        print(
            f"{count:>4} users: {result['requests']} requests in {result['seconds']} s, "
            f"{result['per_second']}/s, {result['errors']} errors"
        )
        for label, page in result["pages"].items():
            print(
                f"      {label:<22} {page['per_second']:>7}/s  p50 {page['p50_ms']:>7} ms  "
                f"p95 {page['p95_ms']:>7} ms  errors {page['errors']}  {page['statuses']}"
            )
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), "utf-8")


if __name__ == "__main__":
    main()
