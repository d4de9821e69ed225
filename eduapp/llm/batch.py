"""Run many model requests at once (bulk generation against vLLM, Ollama, ... clusters)."""

from __future__ import annotations

import concurrent.futures
import logging
from dataclasses import dataclass
from typing import Any, Callable, Generic, Iterable, TypeVar

from ..errors import CancelledError, EduAppError

__all__ = ["Outcome", "run_batch"]

log = logging.getLogger(__name__)
S = TypeVar("S")
R = TypeVar("R")


@dataclass
class Outcome(Generic[S, R]):
    """What became of one spec.

    :ivar spec: the spec as given.
    :ivar value: ``fn(spec)``'s result, or ``None`` if it failed.
    :ivar error: the exception it raised, or ``None``. An :class:`EduAppError` is an
        expected failure (its ``str()`` is a sentence); anything else is a bug and logged
        with its traceback.
    """

    spec: S
    value: R | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        """Whether ``fn(spec)`` returned normally."""
        return self.error is None


def run_batch(fn: Callable[[S], R], specs: Iterable[S], concurrency: int = 4, *,
              cancel: Any = None, on_done: Callable[[int, Outcome], None] | None = None,
              ) -> list[Outcome[S, R]]:
    """Run ``fn(spec)`` for every spec, ``concurrency`` at a time, on a thread pool.

    Blocks until all are done; call it from a worker thread, never the GUI thread. One
    spec's failure does not stop the others.

    :param fn: the request, e.g. ``lambda topic: complete_json(profile, msgs(topic), S)``;
        it runs on pool threads, so it must be thread-safe (the llm client is).
    :param specs: the inputs, in order.
    :param concurrency: requests in flight at once (1..64).
    :param cancel: ``threading.Event``-like; once set, specs not yet started end with
        :class:`~eduapp.errors.CancelledError` (pass the same token to ``fn`` to stop
        running ones too).
    :param on_done: called as ``on_done(index, outcome)`` when each spec finishes, on the
        pool thread that ran it (a GUI forwards it with a signal).
    :returns: one :class:`Outcome` per spec, in the order of ``specs``.

    ::

        outcomes = run_batch(generate_one, topics, concurrency=settings.concurrency)
        items = [o.value for o in outcomes if o.ok]
    """
    specs = list(specs)
    concurrency = max(1, min(int(concurrency), 64))
    outcomes: list[Outcome] = [Outcome(s) for s in specs]

    def one(i: int) -> None:
        out = outcomes[i]
        try:
            if cancel is not None and cancel.is_set():
                raise CancelledError(code="llm.cancelled")
            out.value = fn(out.spec)
        except EduAppError as e:
            out.error = e
        except Exception as e:  # a bug in fn: keep the others going, but log it loudly
            log.exception("batch request %d failed unexpectedly", i)
            out.error = e
        if on_done is not None:
            on_done(i, out)

    if not specs:
        return outcomes
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(concurrency, len(specs)),
                                               thread_name_prefix="llm-batch") as pool:
        for f in [pool.submit(one, i) for i in range(len(specs))]:
            f.result()
    return outcomes
