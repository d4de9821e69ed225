"""The embedded server's child process runs every model call on one thread."""

from __future__ import annotations

import asyncio
import threading
import types

import pytest

from eduapp.llm import embedded_child


def _server_module():
    return types.SimpleNamespace(run_in_threadpool=None, iterate_in_threadpool=None)


def test_model_calls_and_streamed_pieces_run_on_one_thread():
    app = _server_module()
    assert embedded_child.one_model_thread(app)

    def answer(n):
        for k in range(n):
            yield k, threading.get_ident()

    async def serve():
        seen = set()
        for _ in range(3):  # three requests, as a server gets them
            stream = await app.run_in_threadpool(answer, 5)
            pieces = [p async for p in app.iterate_in_threadpool(stream)]
            assert [k for k, _ in pieces] == [0, 1, 2, 3, 4]
            seen |= {ident for _, ident in pieces}
        return seen

    seen = asyncio.run(serve())
    assert len(seen) == 1 and threading.get_ident() not in seen


def test_a_client_that_goes_away_stops_the_model_and_frees_it():
    app = _server_module()
    embedded_child.one_model_thread(app)
    made, closed = [], threading.Event()

    def endless():
        try:
            while True:
                made.append(len(made))
                yield made[-1]
        finally:
            closed.set()

    async def serve():
        pieces = app.iterate_in_threadpool(endless())
        got = [await pieces.__anext__() for _ in range(3)]
        await pieces.aclose()  # the server's publisher ends: the client disconnected
        after = await app.run_in_threadpool(lambda: "next request served")
        return got, after

    got, after = asyncio.run(serve())
    assert got == [0, 1, 2] and after == "next request served"
    assert closed.wait(5)


def test_errors_while_streaming_reach_the_server():
    app = _server_module()
    embedded_child.one_model_thread(app)

    def broken():
        yield "a"
        raise ValueError("the grammar cannot be parsed")

    async def serve():
        return [p async for p in app.iterate_in_threadpool(broken())]

    with pytest.raises(ValueError, match="grammar"):
        asyncio.run(serve())


def test_a_changed_server_is_left_alone():
    assert not embedded_child.one_model_thread(types.SimpleNamespace())
