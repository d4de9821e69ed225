"""The embedded model server's own process (started by :class:`~.embedded.EmbeddedServer`).

Run as a script file (``runpy.run_path``), never imported by the app: it imports nothing of
EduApp, so the child starts as fast as llama-cpp-python's server itself. It

* exits when its parent's end of stdin closes (the app quit or crashed), and
* runs every model call on one thread (:func:`one_model_thread`), then
* runs ``llama_cpp.server`` with the command-line arguments it was given.

Tests import it to check :func:`one_model_thread`.
"""

from __future__ import annotations

import asyncio
import functools
import os
import runpy
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

_END = object()


def exit_with_parent() -> None:
    """Exit this process as soon as stdin reaches its end (a daemon thread watches it)."""
    def watch():
        try:
            while os.read(0, 1):
                pass
        finally:
            os._exit(0)
    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def one_model_thread(app_module) -> bool:
    """Make ``app_module``'s ``run_in_threadpool`` and ``iterate_in_threadpool`` (the
    starlette helpers ``llama_cpp.server.app`` imported) run on one dedicated thread.

    Why: the server hands each step of a streamed answer to whichever thread of starlette's
    pool is free, and llama.cpp's OpenMP runtime keeps a team of worker threads per calling
    thread. Once a second pool thread had called the model, two teams spun against each
    other, and generation fell from about 75 to about 40 tokens/s on two cores for the rest
    of the server's life (llama-cpp-python issue #1039 is about its slow streaming).

    A streamed answer is made by the model thread from start to end, each piece handed to
    the event loop as it is made, so the model never waits for a piece to be sent before
    making the next. When the consumer stops early (the client went away), the model
    thread stops after the piece it is making and closes the generator.

    :param app_module: ``llama_cpp.server.app`` (or anything with those two attributes).
    :returns: False when the module does not have them (a changed server: left as it is).
    """
    if not (hasattr(app_module, "run_in_threadpool")
            and hasattr(app_module, "iterate_in_threadpool")):
        return False
    model_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="model")

    async def run(func, *args, **kwargs):
        return await asyncio.get_running_loop().run_in_executor(
            model_thread, functools.partial(func, *args, **kwargs))

    async def iterate(iterator):
        loop, pieces, stop = asyncio.get_running_loop(), asyncio.Queue(), threading.Event()

        def produce():
            try:
                for item in iterator:
                    loop.call_soon_threadsafe(pieces.put_nowait, (item, None))
                    if stop.is_set():
                        break
                getattr(iterator, "close", lambda: None)()
                loop.call_soon_threadsafe(pieces.put_nowait, (_END, None))
            except BaseException as e:  # handed to the consumer, raised there
                loop.call_soon_threadsafe(pieces.put_nowait, (_END, e))

        loop.run_in_executor(model_thread, produce)
        try:
            while True:
                item, error = await pieces.get()
                if error is not None:
                    raise error
                if item is _END:
                    return
                yield item
        finally:
            stop.set()

    app_module.run_in_threadpool, app_module.iterate_in_threadpool = run, iterate
    return True


def main(argv: list[str]) -> None:
    """Run ``llama_cpp.server`` with ``argv`` (its own options: ``--model`` ...)."""
    exit_with_parent()
    try:
        import llama_cpp.server.app as app_module
    except ImportError:
        pass  # the server's own start-up reports what is missing
    else:
        one_model_thread(app_module)
    sys.argv = ["llama_cpp.server", *argv]
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
