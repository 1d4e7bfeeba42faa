"""Putting an evening together: real microphone, speaker, voice and model.

This is where hardware meets the conversation; the session itself only
sees a mouth, an ear and a journal.
"""
from __future__ import annotations

import threading
from typing import Callable

from assistant.app.backup_notice import say_backup_notice
from assistant.app.failures import MicrophoneUnavailable, ModelUnavailable, failure_kind, say_failure
from assistant.app.recovery import CheckedNote, recover_at_start
from assistant.audio.mic import Microphone
from assistant.audio.speaker import Speaker
from assistant.conversation.display import LiveTranscript
from assistant.conversation.followups import load_rules
from assistant.conversation.mouth import LoggedMouth
from assistant.conversation.prompts import ROTATION_SESSIONS, choose_prompts, load_arc, load_prompts
from assistant.conversation.session import EveningSession
from assistant.errors import UserError
from assistant.journal.book import Journal
from assistant.journal.passphrase import journal_vault
from assistant.language.feelings import load_vocabulary
from assistant.language.packs import load_language
from assistant.language.tagging import tag
from assistant.paths import Paths
from assistant.settings import Settings
from assistant.speech.catalogue import find_model
from assistant.speech.voice import SpokenOutput, Voice
from assistant.speech.vosk_asr import ModelLoader, VoskRecognizers, model_rate_hz
from assistant.jsonout import print_event


def _json_events(event: dict) -> None:
    print_event(event)


class _Loaded:
    """A model loader for a model already in memory (lent by the standby)."""

    def __init__(self, model):
        self._model = model

    def start(self) -> None:
        pass

    def get(self):
        return self._model

    def settle(self) -> None:
        pass


class _Mouth:
    """The evening's mouth, opened when first needed: a failure before the
    evening begins (no model) is spoken too. Closed once, at the end."""

    def __init__(self, make: Callable[[], object]):
        self._make = make
        self._mouth = None
        self.started = False
        """The evening is under way: any failure from now on is said."""

    def get(self):
        if self._mouth is None:
            self._mouth = self._make()
        return self._mouth

    def close(self) -> None:
        if self._mouth is not None:
            self._mouth.close()


class _ModelLoad:
    """A model loader whose failure to load says it is the model's."""

    def __init__(self, loader):
        self.loader = loader

    def start(self) -> None:
        self.loader.start()

    def get(self):
        try:
            return self.loader.get()
        except UserError as exc:
            raise ModelUnavailable(str(exc)) from exc

    def settle(self) -> None:
        self.loader.settle()


def _load_tagging_rules(language: str) -> None:
    """Compile the tagging rules and load the learned layer (and English's index of nearest answers) now,
    while the greeting is spoken: the first save would pay it (0.8 s of CPU here, 0.4 s without the index;
    two to three times that on a Pi 4)."""
    try:
        tag("", language)
    except Exception:  # noqa: BLE001 - the save tags again, and warns there
        pass


def _spoken_output(settings: Settings, pack) -> SpokenOutput:
    return SpokenOutput(Voice(settings.voice or pack.voice, settings.speech_rate_wpm, settings.volume),
                        Speaker(settings.output_device), settings.lead_in_s)


def run_evening(paths: Paths, settings: Settings, json_events: bool = False, *, ear=None, model=None,
                make_mouth: Callable[[], object] | None = None) -> int:
    """One evening on the real devices.

    ``ear`` and ``model`` let the standby lend its open microphone and its
    loaded model, so the words right after the wake phrase reach the session
    and the model is loaded once; the ear is then left open afterwards.
    ``make_mouth``: what speaks (tests give a fake one); by default espeak-ng
    on the configured speaker.

    A missing model, a lost microphone and a full disk are said out loud
    as well as printed (:mod:`assistant.app.failures`), and so is any other
    failure once the evening is under way.
    """
    pack = load_language(settings.language)
    mouth = _Mouth(make_mouth or (lambda: _spoken_output(settings, pack)))
    try:
        return _evening(paths, settings, pack, mouth, json_events, ear, model)
    except UserError as exc:
        if mouth.started or failure_kind(exc) != "failed":
            say_failure(lambda: LoggedMouth(mouth.get(), _json_events) if json_events else mouth.get(), pack.code, exc)
        raise
    finally:
        mouth.close()


def _evening(paths: Paths, settings: Settings, pack, mouths: _Mouth, json_events: bool, ear, model) -> int:
    all_prompts = load_prompts(pack.code)
    arc = load_arc()
    found = find_model(pack.code, settings.model, paths)  # before any device opens: fail fast and plainly
    paths.ensure_private_dirs()
    display = LiveTranscript()

    with Journal(paths.journal_dir, vault=journal_vault(paths, settings)) as journal:
        loader = _ModelLoad(ModelLoader(found.path) if model is None else _Loaded(model))
        loader.start()  # loads while the greeting is spoken (recovery below waits for it only if it needs it)
        threading.Thread(target=_load_tagging_rules, args=(pack.code,), name="rules-loader", daemon=True).start()
        checked = CheckedNote()  # written once the devices are open: a refused evening leaves the data folder as it was
        try:
            recovered = recover_at_start(journal, paths, loader, pack.code, found.name,
                                         events=_json_events if json_events else None, note=checked)
            recent = journal.recent_prompt_ids(ROTATION_SESSIONS, pack.code)
            chosen = choose_prompts(all_prompts, settings.prompts_per_session, recent, arc)

            rate_hz = model_rate_hz(found.path)
            mouth = mouths.get()
            own_ear = ear is None
            try:
                if own_ear:
                    try:
                        ear = Microphone(rate_hz, settings.input_device, device_rate_hz=settings.input_rate_hz)
                    except UserError as exc:
                        raise MicrophoneUnavailable(str(exc), exc.exit_code) from exc
                session = EveningSession(
                    mouth=mouth, ear=ear, journal=journal, pack=pack, prompts=chosen, settings=settings,
                    recognizers=lambda: VoskRecognizers(loader.get(), rate_hz),  # after the greeting: loads meanwhile
                    model_name=found.name, audio_dir=paths.audio_dir, rate_hz=rate_hz,
                    events=_json_events if json_events else (lambda event: None), display=display,
                    vocabulary=load_vocabulary(pack.code), prompt_pool=all_prompts, recent=recent, rules=load_rules(),
                )
                if recovered and "recovered" in pack.phrases:  # last time's cut-off answer was kept
                    session.voice.say(pack.say("recovered", session.rng))
                say_backup_notice(paths, pack.code, session.voice.say)  # last night's backup failed: said once
                mouths.started = True
                checked.write()
                try:
                    report = session.run()
                except KeyboardInterrupt:
                    display.note("Stopped. Everything you said so far is saved.")
                    return 130
                except UserError as exc:
                    saved = len(session.report.saved)
                    raise UserError(f"{exc} ({saved} answer(s) from tonight are saved)", exc.exit_code) from None
            finally:
                if own_ear and ear is not None:
                    ear.close()
        finally:
            loader.settle()  # exiting while Vosk still loads crashes it (SIGSEGV), so even Ctrl+C waits here
    display.note(f"Saved {len(report.saved)} answer(s) to {paths.journal_dir}")
    return 0
