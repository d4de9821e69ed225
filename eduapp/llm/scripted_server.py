"""A scripted OpenAI-compatible HTTP server on loopback, for tests.

Real HTTP (``http.server`` in a thread on 127.0.0.1, a free port), real SSE streaming with
chunked transfer encoding, so the real ``openai`` client is exercised end to end. Each test
scripts the answers to ``POST /v1/chat/completions`` in order::

    server.script(answer('{"stem": "..."}'), error(429, headers={"retry-after-ms": "10"}))

A request with ``"stream": true`` gets the scripted content as SSE pieces, otherwise one JSON
body. When the script is used up, ``server.responder(body)`` decides (if set), else the
server answers HTTP 418 "script exhausted" (not retried by the client, so a test that makes
more requests than it scripted fails clearly).

The server also checks the API key (HTTP 401) and the model name (HTTP 404), and serves
``GET /v1/models``. Every request is recorded in ``server.requests``.

The test suite gets it through the ``scripted_server`` and ``scripted_profile`` fixtures
of ``tests/conftest.py``; ``bench/`` uses it directly. It lives in the package (not in
``tests/``) because benchmarks must not import from the tests; it imports neither openai
nor pytest.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

__all__ = ["Reply", "answer", "error", "Recorded", "ScriptedServer", "TEST_KEY", "TEST_MODEL"]

TEST_KEY = "sk-test-0123456789abcdef"
TEST_MODEL = "test-model"


@dataclass
class Reply:
    """One scripted answer.

    :ivar content: the assistant's text (streamed in ``chunk_size``-character pieces, or as
        the given ``chunks``).
    :ivar status: HTTP status; non-200 sends an OpenAI-style error body with ``message``.
    :ivar finish_reason: sent at the end; ``None`` ends the stream without one.
    :ivar delay: seconds to wait before sending anything (to trigger client timeouts).
    :ivar chunk_delay: seconds between streamed pieces.
    :ivar cut_after: drop the connection after this many pieces (no end of the stream).
    :ivar headers: extra response headers (e.g. ``retry-after-ms``).
    :ivar model: model name reported; default the one requested.
    """

    content: str = ""
    status: int = 200
    message: str = ""
    finish_reason: str | None = "stop"
    delay: float = 0.0
    chunk_delay: float = 0.0
    chunk_size: int = 4
    chunks: list[str] | None = None
    cut_after: int | None = None
    headers: dict = field(default_factory=dict)
    model: str | None = None

    def pieces(self) -> list[str]:
        if self.chunks is not None:
            return list(self.chunks)
        n = max(1, self.chunk_size)
        return [self.content[i:i + n] for i in range(0, len(self.content), n)]


def answer(content: str | dict | list, **kw) -> Reply:
    """A successful answer; a dict or list is sent as its JSON text."""
    if not isinstance(content, str):
        content = json.dumps(content, ensure_ascii=False)
    return Reply(content=content, **kw)


def error(status: int, message: str = "scripted error", **kw) -> Reply:
    """An HTTP error answer with an OpenAI-style ``{"error": {...}}`` body."""
    return Reply(status=status, message=message, **kw)


@dataclass
class Recorded:
    """One request the server received (header names lower-cased)."""

    method: str
    path: str
    headers: dict
    body: dict | None


class ScriptedServer:
    """The server; see the module docstring. Use as a context manager or start()/stop().

    :param api_key: the key clients must send (``None``: any key is fine).
    :param models: model names that exist (others get 404).
    """

    def __init__(self, api_key: str | None = TEST_KEY, models=(TEST_MODEL,)):
        self.api_key = api_key
        self.models = list(models)
        self.requests: list[Recorded] = []
        self.responder: Callable[[dict], Reply] | None = None
        self.models_reply: Reply | None = None  # scripted answer for GET /v1/models
        self.in_flight = 0
        self.max_in_flight = 0
        self.disconnects = 0  # streams whose client hung up before the end
        self._queue: list[Reply] = []
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- control ---------------------------------------------------------------------
    def start(self) -> "ScriptedServer":
        server = self

        class Handler(_Handler):
            scripted = server

        self._httpd = _QuietHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True,
                                        name="scripted-openai")
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> "ScriptedServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        """Base URL for clients: ``http://127.0.0.1:PORT/v1``."""
        return f"http://127.0.0.1:{self.port}/v1"

    def script(self, *replies: Reply) -> "ScriptedServer":
        """Queue answers for the next chat-completion requests, in order."""
        with self._lock:
            self._queue.extend(replies)
        return self

    @property
    def pending(self) -> int:
        """Scripted answers not used yet."""
        with self._lock:
            return len(self._queue)

    @property
    def chat_requests(self) -> list[dict]:
        """Bodies of the chat-completion requests received, in order."""
        return [r.body for r in self.requests if r.path.endswith("/chat/completions")]

    def _next(self, body: dict) -> Reply:
        with self._lock:
            if self._queue:
                return self._queue.pop(0)
        if self.responder is not None:
            return self.responder(body)
        return error(418, "script exhausted: no scripted reply left")


class _QuietHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # clients that hang up (timeouts, cancels, cut streams) are part of the script


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    scripted: ScriptedServer

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    # -- helpers -----------------------------------------------------------------------
    def _send_json(self, status: int, obj: dict, headers: dict | None = None) -> None:
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _send_error(self, status: int, message: str, code: str | None = None,
                    headers: dict | None = None) -> None:
        self._send_json(status, {"error": {"message": message, "type": "invalid_request_error",
                                           "code": code}}, headers)

    def _authorized(self) -> bool:
        s = self.scripted
        if s.api_key is not None and self.headers.get("Authorization") != f"Bearer {s.api_key}":
            self._send_error(401, "Incorrect API key provided: sk-w***ng", "invalid_api_key")
            return False
        return True

    def _record(self, body: dict | None) -> None:
        with self.scripted._lock:
            self.scripted.requests.append(
                Recorded(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body))

    # -- routes -----------------------------------------------------------------------
    def do_GET(self) -> None:
        self._record(None)
        if not self._authorized():
            return
        if self.path.rstrip("/").endswith("/v1/models"):
            r = self.scripted.models_reply
            if r is not None and r.status != 200:
                time.sleep(r.delay)
                self._send_error(r.status, r.message, headers=r.headers)
                return
            self._send_json(200, {"object": "list", "data": [
                {"id": m, "object": "model", "created": 0, "owned_by": "test"}
                for m in self.scripted.models]})
            return
        self._send_error(404, f"no route {self.path}")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = None
        self._record(body)
        if not self._authorized():
            return
        if not self.path.rstrip("/").endswith("/chat/completions") or body is None:
            self._send_error(404, f"no route {self.path}")
            return
        model = body.get("model")
        if model not in self.scripted.models:
            self._send_error(404, f"The model `{model}` does not exist", "model_not_found")
            return
        reply = self.scripted._next(body)
        s = self.scripted
        with s._lock:
            s.in_flight += 1
            s.max_in_flight = max(s.max_in_flight, s.in_flight)
        try:
            if reply.delay:
                time.sleep(reply.delay)
            if reply.status != 200:
                self._send_error(reply.status, reply.message, headers=reply.headers)
            elif body.get("stream"):
                self._stream(reply, reply.model or model)
            else:
                self._complete(reply, reply.model or model)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            with s._lock:
                s.disconnects += 1
            self.close_connection = True
        finally:
            with s._lock:
                s.in_flight -= 1

    def _complete(self, reply: Reply, model: str) -> None:
        self._send_json(200, {
            "id": "chatcmpl-scripted", "object": "chat.completion", "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": reply.content},
                         "finish_reason": reply.finish_reason}],
            "usage": {"prompt_tokens": 10, "completion_tokens": len(reply.pieces()),
                      "total_tokens": 10 + len(reply.pieces())}}, reply.headers)

    def _chunk(self, data: str) -> None:
        raw = data.encode()
        self.wfile.write(f"{len(raw):x}\r\n".encode() + raw + b"\r\n")
        self.wfile.flush()

    def _stream(self, reply: Reply, model: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        for k, v in reply.headers.items():
            self.send_header(k, v)
        self.end_headers()

        def event(delta: dict, finish: str | None) -> None:
            self._chunk("data: " + json.dumps({
                "id": "chatcmpl-scripted", "object": "chat.completion.chunk",
                "created": int(time.time()), "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}) + "\n\n")

        for i, piece in enumerate(reply.pieces()):
            if reply.cut_after is not None and i >= reply.cut_after:
                # drop the connection mid-stream: no final chunk, no [DONE]
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if i and reply.chunk_delay:
                time.sleep(reply.chunk_delay)
            event({"role": "assistant", "content": piece} if i == 0 else {"content": piece}, None)
        if reply.finish_reason is not None:
            event({}, reply.finish_reason)
        self._chunk("data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()
