"""Speech out: pyttsx3 (espeak-ng) renders text to audio; a sink plays it.

pyttsx3's own playback hangs after the first utterance on some systems and
cannot choose a device, so the voice only *synthesizes* (to a private
temporary WAV) and the audio goes out through the same sink as everything
else: a speaker, or a file in tests.
"""
from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from pathlib import Path


from .audio import AudioChunk, join, read_wav, silence, tone
from .errors import UserError


class Voice:
    """Text to an AudioChunk with pyttsx3's espeak-ng driver."""

    def __init__(self, voice: str, rate_wpm: int = 150, volume: float = 0.9):
        if shutil.which("espeak-ng") is None and not _has_libespeak():
            raise UserError("espeak-ng is not installed: run 'sudo apt-get install espeak-ng libespeak-ng1'", exit_code=3)
        import pyttsx3  # hardware at the edge: imported here only

        try:
            self._engine = pyttsx3.init("espeak")
            self._engine.setProperty("voice", voice)
            self._engine.setProperty("rate", rate_wpm)
        except Exception as exc:  # pyttsx3 raises whatever its driver raised
            raise UserError(
                f"the speech synthesizer could not start ({exc}); run 'sudo apt-get install espeak-ng libespeak-ng1'",
                exit_code=3,
            ) from None
        self.volume = max(0.0, min(1.0, volume))
        self._tmp = Path(tempfile.mkdtemp(prefix="voice-journal-tts-"))  # 0700: may hold read-back answers

    def synthesize(self, text: str) -> AudioChunk:
        path = self._tmp / "utterance.wav"
        with contextlib.redirect_stdout(io.StringIO()):  # pyttsx3 prints "Audio saved to ..."
            self._engine.save_to_file(text, str(path))
            self._engine.runAndWait()
        try:
            audio = join(read_wav(path))
        finally:
            path.unlink(missing_ok=True)
        if self.volume < 1.0:
            audio = AudioChunk.from_array(audio.array() * self.volume, audio.rate_hz)
        return audio

    def close(self) -> None:
        shutil.rmtree(self._tmp, ignore_errors=True)


def _has_libespeak() -> bool:
    import ctypes.util

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
