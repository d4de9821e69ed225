"""The one client for all model traffic, on the ``openai`` package.

Every provider is an OpenAI-compatible server described by a
:class:`~eduapp.llm.profiles.ProviderProfile`. This module turns a profile into a configured
``openai.OpenAI`` client (cached), sends chat completions (plain or streamed) and turns every
failure into :class:`~eduapp.errors.LLMUnavailableError` or
:class:`~eduapp.errors.LLMOutputError` with a sentence for the user.

Retries are the ``openai`` client's own (``max_retries`` of the profile, exponential backoff
on 408/409/429/5xx and connection errors, honouring ``Retry-After``); nothing here retries
on top of it. All functions block and belong on worker threads, never on the GUI thread;
they are safe to call from many threads at once.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any, Callable, Protocol, Sequence

import openai

from ..errors import CancelledError, LLMOutputError, LLMUnavailableError, Phrase
from . import keys
from .embedded import embedded_server
from .profiles import ProviderProfile

__all__ = ["Completion", "LLMTruncatedError", "CancelToken", "ProgressCallback", "chat",
           "stream_text", "test_connection", "list_models", "describe_provider",
           "close_clients"]

log = logging.getLogger(__name__)

Message = dict  # {"role": "system"|"user"|"assistant", "content": str}
ProgressCallback = Callable[[int, float], None]


class CancelToken(Protocol):
    """Anything with ``is_set() -> bool``, such as :class:`threading.Event`."""

    def is_set(self) -> bool: ...


class LLMTruncatedError(LLMOutputError):
    """The answer was cut off at the token limit; ``text`` holds the part that came.

    :ivar text: the partial answer.
    :ivar completion_tokens: tokens generated before the cut.
    """

    def __init__(self, message: str | None = None, text: str = "", completion_tokens: int = 0,
                 *, code: str | None = None, values: dict | None = None):
        super().__init__(message, code=code, values=values)
        self.text = text
        self.completion_tokens = completion_tokens


@dataclass(frozen=True)
class Completion:
    """One finished answer.

    :ivar text: the answer text (Markdown or JSON as asked).
    :ivar model: the model name the server reported.
    :ivar finish_reason: ``"stop"`` normally.
    :ivar completion_tokens: answer length in tokens (the server's count when it sends one,
        else the number of streamed pieces, which is one per token for llama.cpp and vLLM).
    :ivar elapsed_seconds: wall time from sending the request to the last piece.
    :ivar first_token_seconds: wall time until the first piece of text (``elapsed_seconds``
        for a non-streamed answer).
    """

    text: str
    model: str
    finish_reason: str
    completion_tokens: int
    elapsed_seconds: float
    first_token_seconds: float

    @property
    def tokens_per_second(self) -> float:
        """Generation speed after the first token, in tokens per second."""
        gen = self.elapsed_seconds - self.first_token_seconds
        return (self.completion_tokens - 1) / gen if gen > 0 and self.completion_tokens > 1 else 0.0


# ----------------------------------------------------------------------------- connection

_clients: dict[tuple, openai.OpenAI] = {}
_clients_lock = threading.Lock()
_NO_KEY = "no-key-needed"  # the openai client insists on a non-empty key


def describe_provider(profile: ProviderProfile) -> str:
    """How error messages name the provider: ``"the built-in model"`` or
    ``"the provider at https://…/v1"`` (English; :func:`provider_phrase` for errors)."""
    return str(provider_phrase(profile))


def provider_phrase(profile: ProviderProfile) -> Phrase:
    """The provider as a value of a coded error: "the built-in model" / "内置模型", or
    "the provider at https://…/v1" / "模型服务 https://…/v1"."""
    if profile.is_embedded:
        return Phrase("llm.where-builtin")
    return Phrase("llm.where-url", url=profile.base_url)


def _connect(profile: ProviderProfile) -> openai.OpenAI:
    if profile.is_embedded:
        base_url, key = embedded_server(profile.model_path,
                                        profile.model or "smollm2-135m-instruct").ensure_running()
    else:
        base_url = profile.base_url
        try:
            key = keys.get_api_key(profile.api_key_ref)
        except keys.KeychainUnavailableError:
            if profile.capabilities.needs_key:
                raise
            key = None  # a local server that takes no key works without a keychain
        if not key:
            if profile.capabilities.needs_key:
                raise LLMUnavailableError(code="llm.no-key", values={
                    "name": profile.name, "env": keys.key_env_var(profile.api_key_ref)})
            key = _NO_KEY
    cache_key = (base_url, key, profile.timeout, profile.max_retries)
    with _clients_lock:
        client = _clients.get(cache_key)
        if client is None:
            while len(_clients) >= 32:  # forget the oldest; a request using it still finishes
                _clients.pop(next(iter(_clients)))
            extra: dict[str, Any] = {}
            url = urllib.parse.urlsplit(base_url)
            if url.hostname in ("127.0.0.1", "localhost", "::1"):
                # a proxy from the environment must not swallow loopback traffic; plain
                # http needs no TLS context, whose creation (loading the CA store, ~50 ms
                # holding the GIL) would stall the GUI thread
                extra["http_client"] = openai.DefaultHttpxClient(
                    trust_env=False, **({"verify": False} if url.scheme == "http" else {}))
            client = openai.OpenAI(
                api_key=key, base_url=base_url, max_retries=profile.max_retries,
                timeout=openai.Timeout(profile.timeout, connect=min(profile.timeout, 10.0)),
                **extra)
            _clients[cache_key] = client
        return client


def _close_all_locked() -> None:
    for c in _clients.values():
        try:
            c.close()
        except Exception:  # pragma: no cover - closing is best effort
            pass
    _clients.clear()


def close_clients() -> None:
    """Close every cached HTTP connection pool (at app exit, or after editing profiles)."""
    with _clients_lock:
        _close_all_locked()


def _translate(e: Exception, profile: ProviderProfile, *, streaming: bool = False) -> Exception:
    """The EduApp error for an ``openai`` exception (never quotes the key)."""
    where = provider_phrase(profile)
    tries = Phrase("llm.tries", n=profile.max_retries + 1) if profile.max_retries else ""
    status = getattr(e, "status_code", None)
    log.warning("%s failed for provider %s: %s (HTTP %s)", "streaming" if streaming else
                "request", profile.name, type(e).__name__, status)
    if isinstance(e, openai.APITimeoutError):
        return LLMUnavailableError(code="llm.timeout", values={
            "where": where, "seconds": profile.timeout, "tries": tries})
    if isinstance(e, openai.APIConnectionError):
        if streaming:
            return LLMUnavailableError(code="llm.stream-broken", values={"where": where})
        return LLMUnavailableError(code="llm.unreachable", values={"where": where,
                                                                   "tries": tries})
    if isinstance(e, openai.AuthenticationError):
        return LLMUnavailableError(code="llm.key-refused", values={"where": where,
                                                                   "name": profile.name})
    if isinstance(e, openai.PermissionDeniedError):
        return LLMUnavailableError(code="llm.permission", values={
            "name": profile.name, "model": profile.model, "where": where})
    if isinstance(e, openai.NotFoundError):
        return LLMUnavailableError(code="llm.model-missing", values={"model": profile.model,
                                                                     "where": where})
    if isinstance(e, openai.RateLimitError):
        return LLMUnavailableError(code="llm.rate-limit", values={"where": where,
                                                                  "tries": tries})
    if isinstance(e, openai.InternalServerError):
        return LLMUnavailableError(code="llm.server-error", values={
            "where": where, "status": status, "tries": tries})
    if isinstance(e, openai.APIResponseValidationError):
        return LLMOutputError(code="llm.bad-completion", values={"where": where})
    if isinstance(e, openai.APIStatusError):
        return LLMUnavailableError(code="llm.rejected", values={
            "where": where, "status": status, "detail": _server_message(e)})
    if isinstance(e, openai.APIError):
        return LLMUnavailableError(code="llm.api-error", values={
            "where": where, "detail": _server_message(e)})
    return e


def _server_message(e: Exception) -> str:
    body = getattr(e, "body", None)
    msg = None
    if isinstance(body, dict):
        err = body.get("error")
        msg = err.get("message") if isinstance(err, dict) else body.get("message")
    return str(msg or getattr(e, "message", "") or type(e).__name__)[:200]


def _kwargs(profile, messages, max_tokens, temperature, response_format, extra):
    kw: dict[str, Any] = {"model": profile.model, "messages": list(messages),
                          "max_tokens": max_tokens or profile.max_tokens}
    if temperature is not None:
        kw["temperature"] = temperature
    if response_format is not None:
        kw["response_format"] = response_format
    if extra:
        kw.update(extra)
    return kw


def _check_finish(finish: str | None, text: str, tokens: int, profile: ProviderProfile) -> None:
    where = provider_phrase(profile)
    if finish == "length":
        raise LLMTruncatedError(None, text, tokens, code="llm.truncated",
                                values={"where": where, "tokens": tokens})
    if finish == "content_filter":
        raise LLMOutputError(code="llm.content-filter", values={"where": where})
    if finish is None:
        raise LLMOutputError(code="llm.unfinished", values={"where": where})


# ----------------------------------------------------------------------------- requests

def chat(profile: ProviderProfile, messages: Sequence[Message], *, max_tokens: int | None = None,
         temperature: float | None = None, response_format: dict | None = None,
         allow_truncated: bool = False, extra: dict | None = None) -> Completion:
    """One chat completion without streaming (short answers: titles, classifications).

    :param messages: ``[{"role": "system"|"user"|"assistant", "content": str}, ...]``.
    :param max_tokens: answer cap in tokens; default ``profile.max_tokens``.
    :param temperature: sampling temperature (0..2); default the server's.
    :param response_format: passed through (see :func:`~eduapp.llm.structured.complete_json`).
    :param allow_truncated: return a cut-off answer instead of raising.
    :param extra: more request fields, passed through.
    :raises LLMUnavailableError: unreachable, key refused, unknown model, overloaded, timeout.
    :raises LLMOutputError: cut off (:class:`LLMTruncatedError`) or withheld.
    """
    client = _connect(profile)
    start = time.monotonic()
    try:
        r = client.chat.completions.create(**_kwargs(profile, messages, max_tokens, temperature,
                                                     response_format, extra))
    except openai.OpenAIError as e:
        raise _translate(e, profile) from e
    elapsed = time.monotonic() - start
    if not r.choices:
        raise LLMOutputError(code="llm.no-choices", values={"where": provider_phrase(profile)})
    choice = r.choices[0]
    text = choice.message.content or ""
    tokens = r.usage.completion_tokens if r.usage else 0
    if not (allow_truncated and choice.finish_reason == "length"):
        _check_finish(choice.finish_reason, text, tokens, profile)
    return Completion(text, r.model or profile.model, choice.finish_reason, tokens, elapsed, elapsed)


def stream_text(profile: ProviderProfile, messages: Sequence[Message], *,
                on_delta: Callable[[str], None] | None = None,
                on_progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                max_tokens: int | None = None, temperature: float | None = None,
                response_format: dict | None = None, allow_truncated: bool = False,
                extra: dict | None = None) -> Completion:
    """Stream one chat completion: Markdown for lecture notes, the tutor's replies, or JSON.

    Runs on a worker thread; the callbacks are called on that same thread (a GUI forwards
    them with a signal).

    :param messages: ``[{"role": ..., "content": str}, ...]``.
    :param on_delta: called with each new piece of text as it arrives.
    :param on_progress: called after each piece with ``(tokens_so_far, elapsed_seconds)``.
    :param cancel: checked between pieces (a ``threading.Event`` works); when set, the
        connection is closed and :class:`~eduapp.errors.CancelledError` raised. A server
        that has not started answering is waited for, up to ``profile.timeout`` seconds.
    :param max_tokens: answer cap in tokens; default ``profile.max_tokens``.
    :param temperature: sampling temperature; default the server's.
    :param response_format: ``response_format`` field of the request, passed through.
    :param allow_truncated: return a cut-off answer (``finish_reason == "length"``) instead
        of raising :class:`LLMTruncatedError`.
    :param extra: further fields of the request body (``{"top_p": 0.9}``).
    :returns: the whole answer, see :class:`Completion`.
    :raises LLMUnavailableError: unreachable, key refused, unknown model, overloaded, timed
        out (also in the middle of the stream), or the connection broke off.
    :raises LLMOutputError: the answer was cut off or withheld.
    :raises CancelledError: ``cancel`` was set.

    ::

        done = stream_text(profile, [{"role": "user", "content": "Explain shock."}],
                           on_delta=append_to_view, cancel=stop_event)
    """
    if cancel is not None and cancel.is_set():
        raise CancelledError(code="llm.cancelled")
    client = _connect(profile)
    start = time.monotonic()
    first: float | None = None
    parts: list[str] = []
    pieces = 0
    usage_tokens = None
    finish = None
    model = profile.model
    body = {"stream": True,
            **_kwargs(profile, messages, max_tokens, temperature, response_format, extra)}
    try:
        # The chunks arrive as plain dicts (cast_to=object): building openai's pydantic
        # chunk objects took 40% of this process's CPU while streaming (0.083 s -> 0.051 s
        # per 128-token answer), and with the embedded model both cores are busy, so the
        # client's CPU is taken from generation (and its GIL time from the GUI).
        # openai's Stream still parses the server-sent events and maps errors.
        stream = client.post("/chat/completions", body=body, cast_to=object, stream=True,
                             stream_cls=openai.Stream[object])
    except openai.OpenAIError as e:
        raise _translate(e, profile) from e
    try:
        with stream:
            for chunk in stream:
                if cancel is not None and cancel.is_set():
                    raise CancelledError(code="llm.cancelled")
                if not isinstance(chunk, dict):
                    continue
                model = chunk.get("model") or model
                usage = chunk.get("usage")
                if isinstance(usage, dict) and usage.get("completion_tokens"):
                    usage_tokens = usage["completion_tokens"]
                choices = chunk.get("choices")
                if not choices or not isinstance(choices, list) or not isinstance(
                        choices[0], dict):
                    continue
                choice = choices[0]
                piece = (choice.get("delta") or {}).get("content")
                if piece and isinstance(piece, str):
                    if first is None:
                        first = time.monotonic() - start
                    parts.append(piece)
                    pieces += 1
                    if on_delta is not None:
                        on_delta(piece)
                    if on_progress is not None:
                        on_progress(pieces, time.monotonic() - start)
                if choice.get("finish_reason"):
                    finish = choice["finish_reason"]
    except openai.OpenAIError as e:
        raise _translate(e, profile, streaming=True) from e
    elapsed = time.monotonic() - start
    text = "".join(parts)
    tokens = usage_tokens or pieces
    if not (allow_truncated and finish == "length"):
        _check_finish(finish, text, tokens, profile)
    return Completion(text, model, finish or "stop", tokens, elapsed,
                      first if first is not None else elapsed)


def test_connection(profile: ProviderProfile) -> tuple[float, str]:
    """Send a tiny request (a few tokens) to check the provider works.

    Starts the embedded server if needed (the first call then takes a few seconds longer).
    Worker thread.

    :returns: ``(latency_seconds, model_name)``: the round trip of the tiny request, and
        the model name the server reported.
    :raises LLMUnavailableError: unreachable, key refused, unknown model, overloaded,
        timed out (the message says which).
    """
    client = _connect(profile)
    start = time.monotonic()
    try:
        r = client.chat.completions.create(
            model=profile.model, max_tokens=4,
            messages=[{"role": "user", "content": "Reply with the word OK."}])
    except openai.OpenAIError as e:
        raise _translate(e, profile) from e
    return time.monotonic() - start, (r.model or profile.model)


test_connection.__test__ = False  # not a pytest test, despite the name


def list_models(profile: ProviderProfile) -> list[str]:
    """The model names the provider offers (``GET /v1/models``), sorted.

    Worker thread.

    :returns: model ids; ``[]`` when the profile says the server does not list models.
    :raises LLMUnavailableError: unreachable, key refused, timed out, or the server has no
        model list (HTTP 404).
    """
    if not profile.capabilities.list_models:
        return []
    client = _connect(profile)
    try:
        return sorted(m.id for m in client.models.list())
    except openai.NotFoundError as e:
        raise LLMUnavailableError(code="llm.no-model-list",
                                  values={"where": provider_phrase(profile)}) from e
    except openai.OpenAIError as e:
        raise _translate(e, profile) from e
