"""A download made as it is sent: a writer's output, a chunk at a time.

The exporters and the backup write to a file they are given, a month or a
file at a time; a download must instead be *read* from. :func:`streamed`
runs the writer in a thread over a small bounded queue, so no more than a
few chunks are ever held (never the whole journal, however large), and a
phone that stops reading stops the writer. The first chunk (or the
writer's error) is awaited before the answer starts, so a journal that is
busy or locked is said as a page, not as a download cut short.
"""
from __future__ import annotations

import io
import queue
import threading
from typing import Any, AsyncIterator, Callable

import anyio

CHUNK_BYTES = 64 * 1024
DEPTH = 4
"""Chunks held at most between the writer and the network (with one being filled: 320 KiB)."""
_DONE = object()
_AGAIN = object()


class Stopped(Exception):
    """The download was abandoned: the writer is told by its next write."""


class _Pipe(io.RawIOBase):
    """The writer's end: bytes gathered into chunks and handed over."""

    def __init__(self, chunks: queue.Queue, stop: threading.Event):
        super().__init__()
        self._chunks, self._stop, self._buffer = chunks, stop, bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._buffer += data
        while len(self._buffer) >= CHUNK_BYTES:
            self._hand_over(bytes(self._buffer[:CHUNK_BYTES]))
            del self._buffer[:CHUNK_BYTES]
        return len(data)

    def flush_all(self) -> None:
        if self._buffer:
            self._hand_over(bytes(self._buffer))
            self._buffer.clear()

    def _hand_over(self, chunk: Any) -> None:
        while True:
            if self._stop.is_set():
                raise Stopped()
            try:
                self._chunks.put(chunk, timeout=0.5)
                return
            except queue.Full:
                continue


class Utf8:
    """Text written as UTF-8, line ends as given (what the exporters write to)."""

    def __init__(self, out):
        self._out = out

    def write(self, text: str) -> int:
        self._out.write(text.encode("utf-8"))
        return len(text)


async def streamed(write: Callable[[Any], Any]) -> AsyncIterator[bytes]:
    """``write(out)``'s bytes, a chunk at a time; raises the writer's error
    before the first chunk (so the caller can answer with a page instead)."""
    chunks: queue.Queue = queue.Queue(maxsize=DEPTH)
    stop = threading.Event()
    pipe = _Pipe(chunks, stop)

    def run() -> None:
        try:
            write(pipe)
            pipe.flush_all()
            outcome: Any = _DONE
        except Stopped:
            return
        except BaseException as exc:  # handed to the reader, raised there
            outcome = exc
        while not stop.is_set():
            try:
                chunks.put(outcome, timeout=0.5)
                return
            except queue.Full:
                continue

    def next_chunk() -> Any:
        try:
            return chunks.get(timeout=0.25)
        except queue.Empty:
            return _AGAIN  # back to the event loop now and then: an abandoned download is noticed

    async def next_item() -> Any:
        while True:
            item = await anyio.to_thread.run_sync(next_chunk)
            if item is not _AGAIN:
                return item

    threading.Thread(target=run, name="download", daemon=True).start()
    try:
        first = await next_item()
    except BaseException:
        stop.set()
        raise
    if isinstance(first, BaseException):
        raise first

    async def rest() -> AsyncIterator[bytes]:
        item = first
        try:
            while item is not _DONE:
                if isinstance(item, BaseException):
                    raise item  # after the first chunk: the download ends short, the browser says it failed
                yield item
                item = await next_item()
        finally:
            stop.set()  # done, failed or abandoned: the writer stops at its next write

    return rest()
