"""Is this machine ready for an evening? The checks behind ``voice-journal check``.

One pass through everything an evening uses, in the order it uses it:
espeak-ng speaks a test sentence through the speaker; PortAudio finds the
default (or configured) microphone and speaker; three seconds are recorded
(counted in audio samples, not wall time) with a live level meter on
stderr; the recording is checked for clipping and for silence; and the
language's speech model transcribes it. The summary has one line per check,
✓ or ✗ (– for a check that could not run because an earlier one failed),
and under each ✗ exactly what to do. The exit code is 1 if anything failed.

Hardware is reached only through :mod:`assistant.speech.voice`, :mod:`assistant.audio.speaker`,
:mod:`assistant.audio.mic` and :mod:`assistant.speech.vosk_asr`.
"""
from __future__ import annotations

import math
import sys
from dataclasses import asdict, dataclass, field
from typing import Any, TextIO

from assistant.audio.chunks import AudioChunk, join, silence, tone
from assistant.audio.devices import AudioSystemBroken, device_hint
from assistant.audio.mic import Microphone
from assistant.audio.silence import SilenceDetector, level_db
from assistant.audio.speaker import Speaker
from assistant.errors import UserError
from assistant.language.packs import load_language
from assistant.language.standby import load_standby
from assistant.speech.catalogue import find_model
from assistant.speech.voice import Voice
from assistant.speech.vosk_asr import ModelLoader, model_rate_hz, transcribe

RECORD_S = 3.0
CLIP_LEVEL = 32767
CLIP_FRACTION = 0.001
"""More than this share of samples at full scale is clipping."""
METER_WIDTH = 30
METER_FLOOR_DB = -60.0
PORTAUDIO_FIX = "install PortAudio: sudo apt-get install libportaudio2"
DEVICE_FIX = ("pick one from 'voice-journal devices' and pass its number with {flag} "
              "(or set {setting} in the config file)")


@dataclass
class Check:
    name: str
    ok: bool | None
    """None: not run, because something it needs failed."""
    detail: str
    fix: str = ""

    @property
    def mark(self) -> str:
        return {True: "✓", False: "✗", None: "–"}[self.ok]


@dataclass
class Recording:
    samples: int = 0
    peak_dbfs: float = -math.inf
    level_dbfs: float = -math.inf
    clipped_samples: int = 0
    speech_s: float = 0.0
    chunks: list[AudioChunk] = field(default_factory=list, repr=False)


class LevelMeter:
    """The level while recording: a bar redrawn with \\r on a terminal, else a line a second."""

    def __init__(self, rate_hz: int, total_samples: int, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.rate_hz, self.total = rate_hz, total_samples
        self.seen = 0
        self.loudest = -math.inf
        self._window: list[float] = []
        self._next_line = rate_hz

    def update(self, chunk: AudioChunk) -> None:
        self.seen += chunk.samples
        level = level_db(chunk.array())
        self.loudest = max(self.loudest, level)
        self._window.append(level)
        if self.live:
            self.stream.write(f"\r  {self._bar(level)} {self._db(level):>9}  {self.seen / self.rate_hz:.1f} s")
            self.stream.flush()
        elif self.seen >= self._next_line or self.seen >= self.total:
            self.stream.write(f"  level after {self.seen / self.rate_hz:.1f} s: {self._bar(max(self._window))} "
                              f"{self._db(max(self._window))}\n")
            self.stream.flush()
            self._window = []
            self._next_line += self.rate_hz

    def done(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()

    @staticmethod
    def _bar(level: float) -> str:
        filled = 0 if level == -math.inf else round(METER_WIDTH * (1 - max(METER_FLOOR_DB, level) / METER_FLOOR_DB))
        return "[" + "#" * filled + "." * (METER_WIDTH - filled) + "]"

    @staticmethod
    def _db(level: float) -> str:
        return "silent" if level == -math.inf else f"{min(level, 0.0) + 0.0:.0f} dBFS"


def _loudest(level: float) -> str:
    return "no sound at all" if level == -math.inf else f"loudest {level:.0f} dBFS"


class Doctor:
    def __init__(self, paths, settings, seconds: float = RECORD_S, meter_stream: TextIO | None = None):
        self.paths, self.settings, self.seconds = paths, settings, seconds
        self.meter_stream = meter_stream or sys.stderr
        self.checks: dict[str, Check] = {}
        self.devices: dict[str, str] = {}
        self.transcript: str | None = None
        self.recording: Recording | None = None
        self.rate_hz = 16000
        self.device_rate_hz: int | None = None

    def add(self, name: str, ok: bool | None, detail: str, fix: str = "") -> None:
        self.checks[name] = Check(name, ok, detail, fix)

    @property
    def ok(self) -> bool:
        return all(c.ok is not False for c in self.checks.values())

    def run(self) -> "Doctor":
        pack = load_language(self.settings.language)
        sentence = load_standby(pack.code).say("check_sentence")
        loader = self._start_model(pack)
        try:
            audio = self._synthesize(pack, sentence)
            speaker = self._open_speaker()
            mic = self._open_mic()
            self._portaudio()
            try:
                if speaker is not None:
                    self._play(speaker, audio)
                if mic is not None:
                    self._record(mic)
                else:
                    self.add("recording", None, "not recorded: no microphone")
            finally:
                for device in (mic, speaker):
                    if device is not None:
                        device.close()
        finally:
            if loader is not None:
                loader.settle()  # Ctrl+C must not end the process under Vosk's loading thread
        model = self._model(loader, pack)
        self._transcribe(model)
        return self

    # -- the checks ----------------------------------------------------------
    def _start_model(self, pack):
        try:
            found = find_model(pack.code, self.settings.model, self.paths)
        except UserError as exc:
            self.add("speech model", False, f"no usable speech model for {pack.name}", str(exc))
            return None
        self.model_name = found.name
        self.rate_hz = model_rate_hz(found.path)
        loader = ModelLoader(found.path)
        loader.start()  # loads while the sentence is spoken and the microphone records
        return loader

    def _model(self, loader, pack):
        if loader is None:
            return None
        try:
            model = loader.get()
        except ImportError:
            self.add("speech model", False, "the vosk package is missing", "install it: pip install vosk")
            return None
        except UserError as exc:
            self.add("speech model", False, f"{self.model_name} could not be loaded", str(exc))
            return None
        self.add("speech model", True, f"{self.model_name} ({pack.name}, {self.rate_hz} Hz)")
        return model

    def _synthesize(self, pack, sentence: str) -> AudioChunk | None:
        voice_name = self.settings.voice or pack.voice
        try:
            voice = Voice(voice_name, self.settings.speech_rate_wpm, self.settings.volume)
            try:
                audio = voice.synthesize(sentence)
            finally:
                voice.close()
        except UserError as exc:
            fix = str(exc)
            if "apt-get" not in fix and "has no voice" not in fix:  # a missing voice is not a missing package
                fix += "; (re)install it with: sudo apt-get install espeak-ng libespeak-ng1"
            self.add("speech synthesizer", False, f"espeak-ng voice '{voice_name}' did not speak", fix)
            return None
        self.add("speech synthesizer", True, f"espeak-ng voice '{voice_name}' ({audio.seconds:.1f} s test sentence)")
        return audio

    def _open_speaker(self):
        try:
            speaker = Speaker(self.settings.output_device)
        except (OSError, ImportError, AudioSystemBroken) as exc:
            self._portaudio_error = exc
            self.add("speaker", None, "not tried: PortAudio is not working")
            return None
        except UserError as exc:
            self.add("speaker", False, str(exc).split(";")[0],
                     "connect a speaker, then " + DEVICE_FIX.format(flag="--output-device", setting="output_device")
                     + device_hint(self.settings.output_device))
            return None
        self.devices["output"] = speaker.device_name
        return speaker

    def _open_mic(self):
        try:
            mic = Microphone(self.rate_hz, self.settings.input_device, device_rate_hz=self.settings.input_rate_hz)
        except (OSError, ImportError, AudioSystemBroken) as exc:
            self._portaudio_error = exc
            self.add("microphone", None, "not tried: PortAudio is not working")
            return None
        except UserError as exc:
            self.add("microphone", False, str(exc).split(";")[0],
                     "plug in a microphone, then " + DEVICE_FIX.format(flag="--input-device", setting="input_device")
                     + device_hint(self.settings.input_device))
            return None
        self.devices["input"] = mic.device_name
        self.device_rate_hz = mic.device_rate_hz
        if mic.device_rate_hz != self.rate_hz:
            rate = f"records at {mic.device_rate_hz} Hz, resampled to the model's {self.rate_hz} Hz (fine)"
        else:
            rate = f"records at {self.rate_hz} Hz"
        self.add("microphone", True, f"'{mic.device_name}' {rate}")
        return mic

    def _portaudio(self) -> None:
        error = getattr(self, "_portaudio_error", None)
        if error is not None:
            fix = "install the Python package: pip install sounddevice" if isinstance(error, ImportError) else PORTAUDIO_FIX
            if isinstance(error, AudioSystemBroken):  # says what is wrong (a broken ~/.asoundrc, say) and its own fix
                self.add("PortAudio", False, str(error).removesuffix(f"; {error.fix}"), error.fix)
                return
            self.add("PortAudio", False, f"cannot use the audio system ({error})", fix)
            return
        configured = {"input": self.settings.input_device, "output": self.settings.output_device}
        found = [f"{kind} '{self.devices[kind]}'" + ("" if configured[kind] else " (the system default)")
                 for kind in ("input", "output") if self.devices.get(kind)]
        self.add("PortAudio", True, "devices: " + (", ".join(found) if found else "none usable"))

    def _play(self, speaker, audio: AudioChunk | None) -> None:
        if audio is None:
            self.add("speaker", None, f"'{speaker.device_name}' opened; nothing to play (no speech)")
            return
        try:
            lead = silence(self.settings.lead_in_s, audio.rate_hz)
            speaker.play(join([lead, audio]))
            rate = speaker.rate_hz
            speaker.play(join([silence(0.25, rate), tone(660, 0.09, rate), tone(880, 0.12, rate)]))
        except UserError as exc:
            self.add("speaker", False, str(exc).split(";")[0],
                     "check the speaker is connected and switched on, or " +
                     DEVICE_FIX.format(flag="--output-device", setting="output_device"))
            return
        self.add("speaker", True, f"played the test sentence on '{speaker.device_name}' "
                                  "(you should have heard it)")

    def _record(self, mic) -> None:
        total = int(self.seconds * self.rate_hz)
        rec = Recording()
        detector = SilenceDetector(self.rate_hz, self.settings.silence_threshold_db)
        meter = LevelMeter(self.rate_hz, total, self.meter_stream)
        self.meter_stream.write(f"Recording {self.seconds:g} seconds: say something.\n")
        self.meter_stream.flush()
        try:
            with mic.listening() as chunks:
                for chunk in chunks:
                    if rec.samples + chunk.samples > total:
                        chunk = AudioChunk(chunk.pcm[: (total - rec.samples) * 2], chunk.rate_hz)
                    rec.chunks.append(chunk)
                    rec.samples += chunk.samples
                    detector.feed(chunk)
                    meter.update(chunk)
                    if rec.samples >= total:
                        break
        except UserError as exc:
            meter.done()
            self.add("recording", False, str(exc).split(";")[0],
                     "plug the microphone back in, or " + DEVICE_FIX.format(flag="--input-device", setting="input_device"))
            return
        meter.done()
        import numpy as np  # late: numpy takes 0.1-0.3 s to import; commands with no audio never need it

        samples = join(rec.chunks).array() if rec.chunks else np.zeros(0, dtype=np.int16)
        peak = int(np.max(np.abs(samples.astype(np.int32)))) if len(samples) else 0
        rec.peak_dbfs = 20 * math.log10(peak / 32768) if peak else -math.inf
        rec.level_dbfs = level_db(samples)
        rec.clipped_samples = int(np.count_nonzero(np.abs(samples.astype(np.int32)) >= CLIP_LEVEL))
        rec.speech_s = round(detector.speech_samples / self.rate_hz, 2)
        self.recording = rec
        seconds = rec.samples / self.rate_hz
        threshold = self.settings.silence_threshold_db
        if rec.clipped_samples > CLIP_FRACTION * max(1, rec.samples):
            share = 100 * rec.clipped_samples / max(1, rec.samples)
            self.add("recording", False,
                     f"clipping: {rec.clipped_samples} samples ({share:.1f}%) at full scale (±{CLIP_LEVEL})",
                     "the input is too loud: lower the microphone's capture level ('alsamixer', F6 to choose "
                     "the card, F4 for capture) or move a little further from it")
        elif detector.speech_samples == 0:
            self.add("recording", False,
                     f"silence: nothing above {threshold:.0f} dBFS in {seconds:.1f} s ({_loudest(rec.peak_dbfs)})",
                     "check the microphone is plugged in and not muted, and raise its capture level ('alsamixer', "
                     "F6 to choose the card, F4 for capture); if you have several, "
                     + DEVICE_FIX.format(flag="--input-device", setting="input_device"))
        else:
            self.add("recording", True, f"{seconds:.1f} s, sound for {rec.speech_s:.1f} s, "
                                        f"{_loudest(rec.peak_dbfs)}, no clipping")

    def _transcribe(self, model) -> None:
        if model is None:
            self.add("transcription", None, "not tried: no speech model")
            return
        rec = self.recording
        if rec is None or not rec.chunks:
            self.add("transcription", None, "not tried: nothing was recorded")
            return
        if rec.speech_s == 0:
            self.add("transcription", None, "not tried: the recording was silent")
            return
        self.transcript = " ".join(u.text for u in transcribe(model, rec.chunks, self.rate_hz))
        if self.transcript:
            self.add("transcription", True, f"heard: \"{self.transcript}\"")
        else:
            self.add("transcription", False, "the speech model recognised no words",
                     f"speak a whole sentence, close to the microphone, in {self.settings.language}; "
                     "if the sound was faint, raise the capture level ('alsamixer', F4)")

    # -- output --------------------------------------------------------------
    ORDER = ("speech synthesizer", "PortAudio", "speaker", "microphone", "recording", "speech model", "transcription")

    def ordered(self) -> list[Check]:
        return [self.checks[name] for name in self.ORDER if name in self.checks]

    def as_dict(self) -> dict[str, Any]:
        rec = self.recording

        def finite(value: float) -> float | None:
            return None if value == -math.inf else round(value, 1)

        recording = None if rec is None else {
            "seconds": round(rec.samples / self.rate_hz, 3), "samples": rec.samples,
            "peak_dbfs": finite(rec.peak_dbfs), "level_dbfs": finite(rec.level_dbfs),
            "clipped_samples": rec.clipped_samples, "speech_s": rec.speech_s,
        }
        return {
            "ok": self.ok,
            "checks": [{**asdict(c), "status": {True: "ok", False: "failed", None: "skipped"}[c.ok]}
                       for c in self.ordered()],
            "devices": self.devices,
            "rate_hz": self.rate_hz,
            "device_rate_hz": self.device_rate_hz,
            "recording": recording,
            "transcript": self.transcript,
        }

    def summary(self) -> str:
        width = max(len(c.name) for c in self.ordered())
        lines = []
        for c in self.ordered():
            lines.append(f"{c.mark} {c.name:{width}}  {c.detail}")
            if c.ok is False:
                lines.append(f"  {' ' * width}  fix: {c.fix}")
        failed = sum(1 for c in self.ordered() if c.ok is False)
        lines.append("All checks passed: ready for an evening." if not failed
                     else f"{failed} check(s) failed; fix them and run 'voice-journal check' again.")
        return "\n".join(lines)
