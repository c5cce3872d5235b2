"""URLs served from a local server in the test: a good page lands, a 404 and a server that
answers too slowly are refused by name."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import Cli
from tests.reliability.helpers import no_traceback

PAGE = """<!doctype html><html><head><title>Dock strike enters second week</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>Dock strike enters second week</h1>
<p>Officials said 1,400 dock workers stayed off the job on Monday, and the port authority put
the cost of the stoppage at $35 million so far.</p>
<p>"We will not move a crate until the talks resume," said union leader Mara Osk.</p>
</article></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(3)
        if self.path in ("/article", "/slow"):
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
        else:
            body = b"<html><body>gone</body></html>"
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The slow one's client has given up waiting by now, as it should.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_urls_good_missing_and_slow(sqlite_cli: Cli, server: str) -> None:
    sqlite_cli.env["CLAIMTRACK_FETCH_TIMEOUT"] = "0.5"
    sqlite_cli.env["NO_PROXY"] = "127.0.0.1,localhost"
    good, missing, slow = f"{server}/article", f"{server}/missing", f"{server}/slow"
    started = time.monotonic()
    done = sqlite_cli("ingest", missing, good, slow)
    assert time.monotonic() - started < 30  # the slow one was given up on, not waited out
    assert done.code == 1
    assert done.err.splitlines() == [
        f"claimtrack: {missing}: HTTP 404 Not Found",
        f"claimtrack: {slow}: timed out after 0.5 s",
    ]
    assert no_traceback(done.err)
    docs = json.loads(sqlite_cli("docs", "--json").out)
    assert [(d["url"], d["title"]) for d in docs] == [(good, "Dock strike enters second week")]
    assert docs[0]["claims"] >= 2
