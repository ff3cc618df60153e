"""Collection against a real HTTP server on 127.0.0.1 serving the sources' fixtures (nothing else is reached)."""

from __future__ import annotations

import csv
import hashlib
import threading
import time
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from flows.collect import LOG_FILE, CollectOptions, collect_flow
from nichibei.collect.http import USER_AGENT, Client, ClientOptions, Transient, Validators
from nichibei.ingest.load import load_raw

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sources"
HTML = "text/html; charset=UTF-8"


@dataclass
class Route:
    body: bytes = b""
    content_type: str = HTML
    status: int = 200
    fail: int = 0           # answer 500 this many times first
    hang: float = 0.0       # seconds to wait before answering
    truncated: bool = False  # promise more bytes than are sent, then close


class Site:
    """The fixtures served over HTTP: routes by path (the Diet API by its startRecord), ETag on every 200."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.hits: Counter = Counter()       # (path, status)
        self.agents: set[str] = set()
        self.base = ""

    def serve(self, path: str, fixture: str | None = None, body: bytes | None = None, **kw) -> None:
        data = body if body is not None else (FIXTURES / fixture).read_bytes()
        self.routes[path] = Route(data.replace(b"{base}", self.base.encode()), **kw)

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        url = urlsplit(handler.path)
        key = url.path
        if url.path == "/api/speech":
            key += "?startRecord=" + parse_qs(url.query).get("startRecord", ["1"])[0]
        elif "paged=" in url.query:
            key += "?" + url.query
        self.agents.add(handler.headers.get("User-Agent", ""))
        self.hits[(key, "asked")] += 1
        route = self.routes.get(key)
        if route and route.hang:
            time.sleep(route.hang)
        if route is None:
            status, body, headers = 404, b"not found", {"Content-Type": "text/plain"}
        elif route.fail:
            route.fail -= 1
            status, body, headers = 500, b"busy", {"Content-Type": "text/plain"}
        else:
            etag = '"' + hashlib.sha1(route.body).hexdigest()[:12] + '"'
            status, body = route.status, route.body
            headers = {"Content-Type": route.content_type, "ETag": etag}
            if handler.headers.get("If-None-Match") == etag and status == 200:
                status, body = 304, b""
        self.hits[(key, status)] += 1
        handler.send_response(status)
        for k, v in headers.items():
            handler.send_header(k, v)
        handler.send_header("Content-Length", str(len(body) + (100 if route and route.truncated else 0)))
        try:
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting
            pass
        if route and route.truncated:
            handler.close_connection = True


@pytest.fixture
def site():
    s = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            s.answer(self)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    s.serve("/robots.txt", "robots.txt", content_type="text/plain")
    s.serve("/api/speech?startRecord=1", "diet/speech-page1.json", content_type="application/json")
    s.serve("/api/speech?startRecord=3", "diet/speech-page2.json", content_type="application/json")
    s.serve("/news/feed/", "wh/feed.xml", content_type="application/rss+xml; charset=UTF-8")
    s.serve("/briefings-statements/2025/02/united-states-japan-joint-leaders-statement/", "wh/joint-statement.html")
    s.serve("/briefings-statements/2025/02/presidential-message-on-remembrance/", "wh/remembrance.html")
    s.serve("/mofaj/na/na1/us/", "mofa/us.html")
    for page in ("page4_000001", "page4_000002"):
        s.serve(f"/mofaj/na/na1/us/{page}.html", f"mofa/{page}.html")
    s.serve("/mofaj/na/na1/us/pageit_000003.html", "mofa/pageit_000003.html",
            content_type="text/html; charset=Shift_JIS")
    s.serve("/private/page4_000009.html", body=b"<p>not to be fetched</p>")
    yield s
    server.shutdown()
    server.server_close()


def sources_file(tmp_path: Path, base: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(f"""
[[source]]
name = "diet"
kind = "diet"
publisher = "国会会議録検索システム (National Diet Library)"
license = "Diet speech: free to use (Copyright Act of Japan, Art. 40(1))"
language = "ja"
url = "{base}/api/speech"
queries = ["日米首脳会談"]
maximum_records = 2

[[source]]
name = "wh"
kind = "feed"
publisher = "The White House"
license = "Public domain (U.S. Government work, 17 U.S.C. 105)"
language = "en"
url = "{base}/news/feed/"
pattern = "japan"
max_pages = 3

[[source]]
name = "mofa"
kind = "listing"
publisher = "外務省 (Ministry of Foreign Affairs of Japan)"
license = "政府標準利用規約（第2.0版）"
language = "ja"
url = "{base}/mofaj/na/na1/us/"
pattern = '/(mofaj/na/na1/us|private)/page[0-9a-z]+_[0-9]+\\.html$'
""", encoding="utf-8")
    return path


def options(tmp_path: Path, site: Site, **kw) -> CollectOptions:
    return CollectOptions(sources_file(tmp_path, site.base), tmp_path / "raw", tmp_path / "out",
                          client=ClientOptions(timeout=1.0, min_interval=0.0), retry_delays=(0, 0), **kw)


def manifest(raw: Path) -> list[dict]:
    with (raw / "sources.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def added(results) -> dict[str, int]:
    return {r.source: len(r.added) for r in results}


def test_first_run_stores_every_source_with_its_provenance(tmp_path, site):
    results = collect_flow(options(tmp_path, site))
    raw = tmp_path / "raw"
    assert added(results) == {"diet": 3, "wh": 1, "mofa": 3}
    assert [r.failures for r in results] == [(), (), ((f"{site.base}/private/page4_000009.html", None,
                                                        "disallowed by robots.txt"),)]
    assert site.hits[("/private/page4_000009.html", 200)] == 0        # robots.txt honoured
    assert site.agents == {USER_AGENT}
    rows = {r["file"]: r for r in manifest(raw)}
    speech = rows["diet/2024-04-12_121304242X00320240412_005.txt"]
    assert {k: speech[k] for k in ("source_url", "published_at", "speaker", "house", "committee", "http_status")} == {
        "source_url": "https://kokkai.ndl.go.jp/txt/121304242X00320240412/5", "published_at": "2024-04-12",
        "speaker": "上川陽子", "house": "衆議院", "committee": "外務委員会", "http_status": "200"}
    assert (raw / "diet/2024-04-12_121304242X00320240412_005.txt").read_bytes().count(b"\r") == 0
    page = (FIXTURES / "wh" / "joint-statement.html").read_bytes()
    stored = f"wh/{hashlib.sha256(page).hexdigest()[:16]}.html"
    assert (raw / stored).read_bytes() == page                          # as fetched
    assert rows[stored]["published_at"] == "2025-02-07T23:30:00+00:00"
    assert rows[stored]["content_type"] == "text/html" and rows[stored]["charset"] == "UTF-8"
    assert not list(raw.rglob("*.part"))
    docs, rejections = load_raw(raw)
    assert rejections.height == 0 and docs.height == 7


def test_a_second_run_fetches_nothing_new_and_asks_conditionally(tmp_path, site):
    collect_flow(options(tmp_path, site))
    before = {p: p.read_bytes() for p in (tmp_path / "raw").rglob("*") if p.is_file()}
    results = collect_flow(options(tmp_path, site))
    assert added(results) == {"diet": 0, "wh": 0, "mofa": 0}
    assert site.hits[("/news/feed/", 304)] == 1
    assert site.hits[("/mofaj/na/na1/us/page4_000001.html", 304)] == 1
    after = {p: p.read_bytes() for p in (tmp_path / "raw").rglob("*") if p.is_file()}
    assert after == before


def test_a_changed_page_is_a_new_snapshot_beside_the_old(tmp_path, site):
    collect_flow(options(tmp_path, site))
    old = (FIXTURES / "mofa" / "page4_000002.html").read_bytes()
    site.serve("/mofaj/na/na1/us/page4_000002.html", body=old.replace("約20分間".encode(), "約30分間".encode()))
    results = collect_flow(options(tmp_path, site))
    assert added(results) == {"diet": 0, "wh": 0, "mofa": 1}
    raw = tmp_path / "raw"
    assert (raw / f"mofa/{hashlib.sha256(old).hexdigest()[:16]}.html").read_bytes() == old
    new = raw / results[2].added[0]
    assert "約30分間" in new.read_text(encoding="utf-8")
    rows = [r for r in manifest(raw) if r["source_url"].endswith("page4_000002.html")]
    assert len(rows) == 2


def test_a_shift_jis_page_is_stored_as_fetched_and_read_right(tmp_path, site):
    collect_flow(options(tmp_path, site))
    raw = tmp_path / "raw"
    body = (FIXTURES / "mofa" / "pageit_000003.html").read_bytes()
    rel = f"mofa/{hashlib.sha256(body).hexdigest()[:16]}.html"
    assert (raw / rel).read_bytes() == body
    row = next(r for r in manifest(raw) if r["file"] == rel)
    assert (row["content_type"], row["charset"]) == ("text/html", "Shift_JIS")
    docs, _ = load_raw(raw)
    text = docs.filter(docs["source_file"] == rel)["raw_text"][0]
    assert "藤﨑一郎駐米大使、髙橋秘書官" in text


@pytest.mark.parametrize("route,expect_added,expect_status,reason,attempts", [
    pytest.param({"fail": 2}, 1, None, None, 3, id="500-twice-then-ok-is-retried"),
    pytest.param({"fail": 99}, 0, 500, "Internal Server Error", 3, id="500-always-is-recorded"),
    pytest.param({"hang": 2.0}, 0, None, "timed out", 3, id="hanging-is-recorded"),
    pytest.param({"status": 403}, 0, 403, "Forbidden", 1, id="403-is-recorded-not-retried"),
])
def test_a_failing_source_is_retried_recorded_and_does_not_stop_the_others(tmp_path, site, route, expect_added,
                                                                           expect_status, reason, attempts):
    site.serve("/news/feed/", "wh/feed.xml", content_type="application/rss+xml", **route)
    results = collect_flow(options(tmp_path, site))
    by = {r.source: r for r in results}
    assert len(by["wh"].added) == expect_added
    assert len(by["diet"].added) == 3 and len(by["mofa"].added) == 3   # the others went on
    assert site.hits[("/news/feed/", "asked")] == attempts
    if reason:
        (url, status, why), = by["wh"].failures
        assert (url, status) == (f"{site.base}/news/feed/", expect_status) and reason in why
        log = (tmp_path / "out" / LOG_FILE).read_text(encoding="utf-8")
        assert f"{site.base}/news/feed/,{expect_status or ''}," in log


def test_a_diet_error_answer_is_recorded_with_its_message(tmp_path, site):
    site.serve("/api/speech?startRecord=1", "diet/error-400.json", content_type="application/json", status=400)
    results = collect_flow(options(tmp_path, site, only=("diet",)))
    (url, status, reason), = results[0].failures
    assert status == 400 and reason.startswith("(19011)") and "/api/speech?" in url


def test_a_half_downloaded_body_is_never_stored(tmp_path, site):
    body = (FIXTURES / "mofa" / "page4_000001.html").read_bytes()
    site.serve("/mofaj/na/na1/us/page4_000001.html", body=body, truncated=True)
    results = collect_flow(options(tmp_path, site, only=("mofa",)))
    assert len(results[0].added) == 2
    assert [f[0].rsplit("/", 1)[1] for f in results[0].failures] == ["page4_000001.html", "page4_000009.html"]
    assert not (tmp_path / "raw" / f"mofa/{hashlib.sha256(body).hexdigest()[:16]}.html").exists()
    assert not list((tmp_path / "raw").rglob("*.part"))


def test_new_speeches_and_posts_are_fetched_on_the_next_run(tmp_path, site):
    collect_flow(options(tmp_path, site))
    site.serve("/api/speech?startRecord=1", "diet/speech-new.json", content_type="application/json")
    site.serve("/news/feed/", "wh/feed-new-post.xml", content_type="application/rss+xml")
    site.serve("/briefings-statements/2025/04/remarks-by-president-trump-and-prime-minister-ishiba-of-japan/",
               "wh/remarks.html")
    results = collect_flow(options(tmp_path, site))
    assert {r.source: r.added for r in results} == {
        "diet": ("diet/2024-04-17_121304242X00420240417_002.txt",),
        "wh": (f"wh/{hashlib.sha256((FIXTURES / 'wh/remarks.html').read_bytes()).hexdigest()[:16]}.html",),
        "mofa": ()}


def test_requests_to_one_host_are_spaced(tmp_path, site):
    client = Client(Validators(tmp_path / "state.json"), ClientOptions(min_interval=0.3, robots=False))
    start = time.monotonic()
    for _ in range(3):
        client.get(f"{site.base}/mofaj/na/na1/us/", conditional=False)
    assert time.monotonic() - start >= 0.6
    client.close()


def test_the_validators_survive_the_run(tmp_path, site):
    validators = Validators(tmp_path / "state.json")
    with Client(validators, ClientOptions(min_interval=0.0)) as client:
        answer = client.get(f"{site.base}/news/feed/")
        assert answer.status == 200
        assert client.get(f"{site.base}/news/feed/").status == 200   # not remembered until stored
        validators.remember(answer)
    validators.save()
    with Client(Validators.load(tmp_path / "state.json"), ClientOptions(min_interval=0.0)) as client:
        assert client.get(f"{site.base}/news/feed/").not_modified
    with Client(Validators(tmp_path / "x.json"), ClientOptions(min_interval=0.0)) as client:
        with pytest.raises(Transient):
            client.get("http://127.0.0.1:9/")   # nothing listens: a transient failure, retried by the flow


def test_collect_then_release_a_new_speech_is_a_new_minor_release_and_a_quiet_day_publishes_nothing(
        tmp_path, site, capsys):
    from nichibei.cli import main

    sources = sources_file(tmp_path, site.base)
    raw, out = tmp_path / "raw", tmp_path / "out"
    common = ["--raw", str(raw), "--out", str(out)]

    def collect_and_release() -> tuple[list[str], str]:
        code = main(["collect", "--sources", str(sources), *common, "--only", "diet", "--only", "mofa",
                     "--delay", "0"])
        lines = capsys.readouterr().out.splitlines()
        assert code == 1  # the page robots.txt disallows is reported
        assert main(["release", *common]) == 0
        return lines, capsys.readouterr().err

    lines, first = collect_and_release()
    assert lines == ["diet: 3 added, 0 unchanged", "mofa: 3 added, 0 unchanged, 1 failed"]
    site.serve("/api/speech?startRecord=1", "diet/speech-new.json", content_type="application/json")
    lines, second = collect_and_release()
    assert lines == ["diet: 1 added, 0 unchanged", "mofa: 0 added, 3 unchanged, 1 failed"]
    old, new = (tuple(int(x) for x in e.split()[-1].split(".")) for e in (first, second))
    assert "published" in second and new == (old[0], old[1] + 1, 0)
    lines, third = collect_and_release()
    assert lines == ["diet: 0 added, 0 unchanged", "mofa: 0 added, 3 unchanged, 1 failed"]
    assert "unchanged" in third and third.split()[-1] == second.split()[-1]


def test_release_takes_the_inbox_first(tmp_path, capsys):
    from nichibei.cli import main

    inbox, raw = tmp_path / "drop", tmp_path / "raw"
    inbox.mkdir()
    (inbox / "a.txt").write_text("2024年4月10日、ワシントンで日米首脳会談が行われた。\n", encoding="utf-8")
    assert main(["release", "--raw", str(raw), "--out", str(tmp_path / "out"), "--inbox", str(inbox)]) == 0
    assert (raw / "a.txt").exists() and not (inbox / "a.txt").exists()
    assert "published" in capsys.readouterr().err


def test_the_scheduled_flow_collects_then_releases(tmp_path, site):
    from flows.collect import collect_release_flow

    text = sources_file(tmp_path, site.base).read_text(encoding="utf-8").split("[[source]]")[1]
    (tmp_path / "diet.toml").write_text("[[source]]" + text, encoding="utf-8")
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "dropped.txt").write_text("2024年4月10日、日米首脳会談が行われた。\n", encoding="utf-8")
    published = collect_release_flow(str(tmp_path / "diet.toml"), str(tmp_path / "raw"), str(tmp_path / "out"),
                                     str(tmp_path / "inbox"))
    assert published.is_new
    assert sorted(p.relative_to(tmp_path / "raw").as_posix() for p in (tmp_path / "raw").rglob("*.txt")) == [
        "diet/2024-04-05_121315254X00220240405_003.txt", "diet/2024-04-12_121304242X00320240412_005.txt",
        "diet/2024-04-12_121304242X00320240412_012.txt", "dropped.txt"]
