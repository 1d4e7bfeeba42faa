"""Speech out: pyttsx3 (espeak-ng) renders text to audio; a sink plays it.

pyttsx3's own playback hangs after the first utterance on some systems and
cannot choose a device, so the voice only *synthesizes* (to a private
temporary WAV) and the audio goes out through the same sink as everything
else: a speaker, or a file in tests.
"""
from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path


from assistant.audio.chunks import AudioChunk, join, read_wav, silence, tone
from assistant.errors import UserError
from assistant.paths import runtime_dir


ATTEMPTS = 2
WORK_PREFIX = "tts"
"""Work folders are ``tts-<pid>-<random>`` in the private runtime folder."""
LEGACY_PREFIX = "voice-journal-tts"
"""What versions before 2026-12 named them, in the shared /tmp."""
LEGACY_AGE_S = 24 * 3600
"""A work folder from before names carried a process id is left alone for this long after its last change."""
ESPEAK_RATE_HZ = 22050
"""espeak-ng's voices speak at this rate (pyttsx3 writes its files at it too)."""
END_WAIT_S = 2.0
"""How long, once espeak is idle, the end of the message may still take to arrive."""
ONE_AT_A_TIME = threading.RLock()
"""espeak-ng is one synthesizer per process and pyttsx3 hands every voice the same engine: two voices
speaking at once (the web page's login code, asked twice) crashed the process. Each voice sets its
voice, rate and callback again under this lock before it speaks."""
_engine_set_to: list = [None]
"""The (voice, rate) the shared engine was last given: loading a voice takes some ms, so only a change sets it."""


class Voice:
    """Text to an AudioChunk with pyttsx3's espeak-ng driver.

    pyttsx3's espeak driver synthesizes on espeak's own thread and keeps the
    audio in a buffer of its own, which timing can cut short (the end of a
    sentence, or seconds of one, went missing on a busy machine). So the voice
    keeps every buffer espeak hands over itself (:class:`Capture`), takes an
    utterance only once espeak said it ran to its end, tries again otherwise,
    and as a last resort makes it with the espeak-ng command (same voice and
    rate). pyttsx3 still writes its file (to a private folder): without one it
    would play the audio itself.
    """

    def __init__(self, voice: str, rate_wpm: int = 150, volume: float = 0.9):
        if shutil.which("espeak-ng") is None and not _has_libespeak():
            raise UserError("espeak-ng is not installed: run 'sudo apt-get install espeak-ng libespeak-ng1'", exit_code=3)
        self.voice, self.rate_wpm = voice, rate_wpm
        self.volume = max(0.0, min(1.0, volume))
        self.retries = 0
        self.cli_fallbacks = 0
        with ONE_AT_A_TIME:
            self._engine, self._capture = self._new_engine()
            self._check_voice()
        work = runtime_dir()
        sweep_stale_work(work)
        sweep_stale_work(Path(tempfile.gettempdir()), LEGACY_PREFIX)
        # 0700, not /tmp: may hold read-back answers; the pid in the name tells a live folder from a stale one
        self._tmp = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}-{os.getpid()}-", dir=work))

    def _new_engine(self):
        import pyttsx3  # hardware at the edge: imported here only
        import pyttsx3.drivers.espeak as espeak_driver
        from pyttsx3.drivers import _espeak

        # The driver prints "Audio saved to ..." from espeak's thread, at times after
        # any redirect has ended; stdout carries --json data, so silence it at the source.
        espeak_driver.print = lambda *args, **kwargs: None

        try:
            engine = pyttsx3.init("espeak")
            _engine_set_to[0] = None  # a new driver sets its own voice and rate: tuned before the first sentence
        except Exception as exc:  # pyttsx3 raises whatever its driver raised
            raise UserError(
                f"the speech synthesizer could not start ({exc}); run 'sudo apt-get install espeak-ng libespeak-ng1'",
                exit_code=3,
            ) from None
        return engine, Capture(engine.proxy._driver._onSynth, _espeak)  # installed before each sentence

    def _check_voice(self) -> None:
        """pyttsx3 queues setProperty('voice') and loses its error, so an unknown
        voice would quietly read the text in the previous one: ask espeak itself."""
        from pyttsx3.drivers import _espeak  # late, as above: the hardware library stays at the edge

        if _espeak.SetVoiceByName(self.voice.encode("utf-8")) != _espeak.EE_OK:
            raise UserError(
                f"espeak-ng has no voice '{self.voice}'; list the voices with 'espeak-ng --voices' "
                "and give a code from its Language column with --voice (or leave --voice out)"
            )

    def synthesize(self, text: str) -> AudioChunk:
        with ONE_AT_A_TIME:
            audio = self._synthesize(text)
        if audio is None:
            raise UserError(f"the speech synthesizer produced no sound for '{text[:40]}'; "
                            "check 'espeak-ng \"test\"' works")
        if self.volume < 1.0:
            audio = AudioChunk.from_array(audio.array() * self.volume, audio.rate_hz)
        return audio

    def _synthesize(self, text: str) -> AudioChunk | None:
        from pyttsx3.drivers import _espeak  # late, as above: the hardware library stays at the edge

        path = self._tmp / "utterance.wav"
        audio = None
        try:
            for _ in range(ATTEMPTS):
                self._take_the_engine()
                self._engine.save_to_file(text, str(path))
                self._engine.runAndWait()
                # espeak runs in its asynchronous "retrieval" mode: runAndWait can return
                # before espeak's thread has handed over the last audio
                _espeak.Synchronize()
                audio = self._capture.audio(wait_s=END_WAIT_S)
                if audio is not None:
                    break
                self.retries += 1
                self._engine.stop()
                _espeak.Cancel()  # whatever is left of the broken attempt must not run into the next
                self._engine, self._capture = self._new_engine()
            else:
                audio = self._with_espeak_cli(text, path)
        finally:
            path.unlink(missing_ok=True)
        return audio

    def _take_the_engine(self) -> None:
        """The engine as this voice left it: another voice may have spoken since.

        The voice and rate are set on the driver itself, not queued through pyttsx3 (which runs its queue
        as the next sentence starts), and espeak is let finish them (the rate goes through espeak's own
        queue): set the pyttsx3 way after another voice, the rate was lost (a Korean sentence came out
        at the English voice's rate)."""
        from pyttsx3.drivers import _espeak  # late, as above: the hardware library stays at the edge

        if _engine_set_to[0] != (self.voice, self.rate_wpm):
            driver = self._engine.proxy._driver
            driver.setProperty("voice", self.voice)
            driver.setProperty("rate", self.rate_wpm)
            _espeak.Synchronize()
            _engine_set_to[0] = (self.voice, self.rate_wpm)
        self._capture.install()
        self._capture.begin()

    def _with_espeak_cli(self, text: str, path: Path) -> AudioChunk | None:
        """The last resort: the same espeak-ng voice through its command line.

        Now and then (a busy machine, seen under strace) the driver gives an
        empty or broken utterance however often it is tried: the evening
        should still be spoken."""
        tool = shutil.which("espeak-ng")
        if tool is None:
            return None
        path.unlink(missing_ok=True)
        try:
            subprocess.run([tool, "-v", self.voice, "-s", str(self.rate_wpm), "-w", str(path), "--", text],
                           capture_output=True, timeout=60, check=True)
        except (OSError, subprocess.SubprocessError):
            return None
        self.cli_fallbacks += 1
        if not path.exists() or path.stat().st_size <= 44:
            return None
        return join(read_wav(path))

    def close(self) -> None:
        """Stop espeak first: after a Ctrl+C its thread would go on synthesizing
        into the removed folder (and pyttsx3's callback prints a traceback)."""
        from pyttsx3.drivers import _espeak  # late, as above: the hardware library stays at the edge

        with ONE_AT_A_TIME:  # not in the middle of another voice's sentence
            _espeak.Cancel()  # returns once espeak's thread has stopped
        shutil.rmtree(self._tmp, ignore_errors=True)


def sweep_stale_work(folder: Path, prefix: str = WORK_PREFIX) -> list[Path]:
    """Remove the work folders (``<prefix>-<pid>-*``) of processes that are gone
    (killed before :meth:`Voice.close`): they may hold a spoken answer. A live
    process's folder is never touched; one without a pid in its name (an older
    version's) only once unchanged for a day. Returns what was removed."""
    name = re.compile(rf"^{re.escape(prefix)}-(?:(?P<pid>\d+)-)?\w+$")
    removed = []
    try:
        candidates = list(folder.iterdir())
    except OSError:
        return removed
    for path in candidates:
        match = name.match(path.name)
        if not match or path.is_symlink() or not path.is_dir():
            continue
        try:
            if path.stat().st_uid != os.getuid():
                continue
            if match["pid"] is not None:
                if _alive(int(match["pid"])):
                    continue
            elif time.time() - path.stat().st_mtime < LEGACY_AGE_S:
                continue
        except (OSError, OverflowError):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


class Capture:
    """Every buffer espeak hands over for the utterance being made, kept by the voice.

    It stands in espeak's callback in front of the driver's own: pyttsx3 keeps
    the audio only while it thinks it is speaking, and a buffer that comes with
    the end of the message it writes to its file first and then drops. Here
    the audio counts only once espeak's end of data (a callback without a
    buffer) came before the end of the message: a synthesis that was stopped
    half-way never sends it. The callback always returns 0 (any other value
    tells espeak to stop) and lets no exception out (one in the driver's lost
    that buffer; ctypes then returns what it likes).
    """

    def __init__(self, driver_callback, _espeak, rate_hz: int = ESPEAK_RATE_HZ):
        self._driver_callback = driver_callback
        self._espeak = _espeak
        self.rate_hz = rate_hz
        self.begin()

    def install(self) -> None:
        self._espeak.SetSynthCallback(self)

    def begin(self) -> None:
        self._buffers: list[bytes] = []
        self._ran_to_end = False
        self._ended = threading.Event()

    def __call__(self, wav, numsamples, events) -> int:
        ends = False
        try:
            ends = _ends_message(events, self._espeak)
            if numsamples > 0:
                self._buffers.append(ctypes.string_at(wav, numsamples * ctypes.sizeof(ctypes.c_short)))
            elif not wav and not ends:
                self._ran_to_end = True
            self._driver_callback(wav, numsamples, events)
        except BaseException:  # noqa: BLE001 - nothing may leave espeak's thread (see above)
            pass
        finally:
            if ends:
                self._ended.set()
        return 0

    def audio(self, wait_s: float) -> AudioChunk | None:
        """The utterance, or None when it did not come whole (or at all)."""
        if not self._ended.wait(wait_s) or not self._ran_to_end or not self._buffers:
            return None
        return AudioChunk(b"".join(self._buffers), self.rate_hz)


def _ends_message(events, _espeak) -> bool:
    i = 0
    while events[i].type != _espeak.EVENT_LIST_TERMINATED:
        if events[i].type == _espeak.EVENT_MSG_TERMINATED:
            return True
        i += 1
    return False


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: not ours to judge
        return True
    return True


def _has_libespeak() -> bool:
    return ctypes.util.find_library("espeak-ng") is not None


class SpokenOutput:
    """The assistant's mouth: says text and plays earcons into a sink."""

    def __init__(self, voice: Voice, sink, lead_in_s: float = 0.25):
        self.voice = voice
        self.sink = sink
        self.lead_in_s = lead_in_s
        self.spoken: list[str] = []

    def say(self, text: str) -> None:
        if not text.strip():
            return
        audio = self.voice.synthesize(text)
        self.sink.play(join([silence(self.lead_in_s, audio.rate_hz), audio]))
        self.spoken.append(text)

    def chime(self) -> None:
        """A short rising two-note earcon: 'your turn'."""
        rate = getattr(self.sink, "rate_hz", 22050)
        self.sink.play(join([silence(self.lead_in_s, rate), tone(660, 0.09, rate), tone(880, 0.12, rate)]))

    def close(self) -> None:
        self.voice.close()
        self.sink.close()
