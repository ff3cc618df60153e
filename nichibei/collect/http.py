"""The HTTP client of collection: timeouts, a per-host rate limit, robots.txt honoured, an honest User-Agent and
conditional GET (the ETag and Last-Modified of each URL remembered in a state file). Retries are not here: a
transient failure raises `Transient`, and the Prefect task that fetches a source retries it with backoff."""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from nichibei import __version__

USER_AGENT = (f"nichibei-collector/{__version__} (Nichibei, an open dataset of US-Japan leaders' and "
              "ministers' meetings; one request a second per host)")


class FetchError(Exception):
    """A request that failed: its URL, HTTP status (None when no answer came) and reason."""

    def __init__(self, url: str, status: int | None, reason: str):
        super().__init__(f"{url}: {status or 'no answer'}: {reason}")
        self.url, self.status, self.reason = url, status, reason


class Transient(FetchError):
    """Worth retrying: a timeout, a refused or dropped connection, HTTP 429 or 5xx."""


class Disallowed(FetchError):
    """robots.txt of the host disallows the URL for this User-Agent."""


@dataclass(frozen=True)
class ClientOptions:
    user_agent: str = USER_AGENT
    timeout: float = 30.0        # seconds, to connect and between bytes read
    min_interval: float = 1.0    # seconds between two requests to one host
    robots: bool = True


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    body: bytes
    content_type: str     # the media type, e.g. text/html
    charset: str          # the charset declared in Content-Type, as written ("" if none)
    retrieved_at: str     # UTC, ISO 8601
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def content_type_of(header: str) -> tuple[str, str]:
    """`text/html; charset=Shift_JIS` → ("text/html", "Shift_JIS")."""
    msg = Message()
    msg["content-type"] = header or ""
    return (msg.get_content_type() if header else ""), (msg.get_param("charset") or "")


@dataclass
class Validators:
    """ETag / Last-Modified per URL, kept in a JSON file so that the next run asks conditionally."""
    path: Path
    seen: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Validators":
        seen = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        return cls(path, seen.get("validators", {}))

    def headers_for(self, url: str) -> dict[str, str]:
        v = self.seen.get(url, {})
        return {k: v[name] for k, name in (("If-None-Match", "etag"), ("If-Modified-Since", "last_modified"))
                if v.get(name)}

    def remember(self, answer: "Response") -> None:
        """Ask for `answer.url` conditionally from now on: call it once what came is safely stored."""
        v = {"etag": answer.etag, "last_modified": answer.last_modified}
        if answer.status == 200 and any(v.values()):
            self.seen[answer.url] = v

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.part")
        tmp.write_text(json.dumps({"validators": self.seen}, indent=1, sort_keys=True, ensure_ascii=False),
                       encoding="utf-8")
        os.replace(tmp, self.path)


class Client:
    """One client per collection run; requests to one host are spaced by `min_interval` seconds."""

    def __init__(self, validators: Validators, options: ClientOptions = ClientOptions(),
                 transport: httpx.BaseTransport | None = None):
        self.options, self.validators = options, validators
        self._http = httpx.Client(headers={"User-Agent": options.user_agent}, timeout=options.timeout,
                                  follow_redirects=True, transport=transport)
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _wait_turn(self, host: str) -> None:
        with self._lock:
            wait = self._last.get(host, 0.0) + self.options.min_interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last[host] = time.monotonic()

    def _request(self, url: str, params: dict | None, headers: dict[str, str]) -> httpx.Response:
        self._wait_turn(urlsplit(url).netloc)
        try:
            return self._http.get(url, params=params, headers=headers)
        except httpx.TimeoutException as exc:
            raise Transient(url, None, f"timed out ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            raise Transient(url, None, f"{type(exc).__name__}: {exc}") from None

    def allowed(self, url: str) -> bool:
        if not self.options.robots:
            return True
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._robots:
            rules = urllib.robotparser.RobotFileParser(f"{base}/robots.txt")
            answer = self._request(f"{base}/robots.txt", None, {})
            if answer.status_code in (401, 403):
                rules.disallow_all = True
            elif answer.status_code >= 500:
                raise Transient(f"{base}/robots.txt", answer.status_code, "robots.txt unavailable")
            elif answer.status_code == 200:
                rules.parse(answer.content.decode("utf-8", "replace").splitlines())
            else:
                rules.allow_all = True
            self._robots[base] = rules
        return self._robots[base].can_fetch(self.options.user_agent, url)

    def get(self, url: str, params: dict | None = None, conditional: bool = True,
            ok: tuple[int, ...] = (200,)) -> Response:
        """GET `url`; 304 when unchanged since the validators remembered (`Validators.remember`, called by the
        caller once the answer is stored, so that a failure on the way is asked for again). Any other status not
        in `ok` raises."""
        full = str(httpx.URL(url, params=params)) if params else url
        if not self.allowed(full):
            raise Disallowed(full, None, "disallowed by robots.txt")
        answer = self._request(url, params, self.validators.headers_for(full) if conditional else {})
        status = answer.status_code
        if status == 429 or status >= 500:
            raise Transient(full, status, answer.reason_phrase or "server error")
        if status != 304 and status not in ok:
            raise FetchError(full, status, _reason(answer))
        media, charset = content_type_of(answer.headers.get("content-type", ""))
        return Response(full, status, answer.content if status == 200 else b"", media, charset,
                        time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                        answer.headers.get("etag", ""), answer.headers.get("last-modified", ""))


def _reason(answer: httpx.Response) -> str:
    """An error's reason: the `message` of a JSON error body (the Diet API's), else the reason phrase."""
    try:
        message = answer.json().get("message")
    except (ValueError, AttributeError):
        message = None
    return str(message or answer.reason_phrase or "error").splitlines()[0][:200]
