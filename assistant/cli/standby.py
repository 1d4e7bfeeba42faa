"""``voice-journal listen``: the hands-free standby on the real microphone and model.

The standby itself (:class:`assistant.app.standby.Standby`) only sees an ear,
a mouth factory and a recogniser factory; this is where the devices and the
Vosk model are opened and lent to it, and to the evenings it starts
(``run_evening(..., ear=, model=)``), so the model is loaded once.
"""
from __future__ import annotations

import datetime as dt
import os
import signal

from assistant.journal.passphrase import journal_vault
from assistant.app.evening import run_evening
from assistant.app.service import parse_at
from assistant.app.standby import LOCK_FILE, AskSignal, ListenerLock, Standby, note
from assistant.jsonout import print_event
from assistant.audio.mic import Microphone
from assistant.audio.speaker import Speaker
from assistant.cli.session import session_options
from assistant.errors import UserError
from assistant.language.packs import load_language
from assistant.language.standby import StandbyPack, load_standby
from assistant.speech.catalogue import find_model
from assistant.speech.voice import SpokenOutput, Voice
from assistant.speech.vosk_asr import VoskRecognizers, load_model, model_rate_hz


def cmd_listen(args, paths, settings) -> int:
    if args.window and args.ask_now:
        window = parse_window(args.window)
        now = dt.datetime.now().time()
        if not in_window(now, window):
            note(f"voice-journal: not asking at {now:%H:%M}, outside the evening window {args.window}")
            return 0
    pack = load_language(settings.language)
    phrases = load_standby(pack.code)
    found = find_model(pack.code, settings.model, paths)  # before any device opens: fail fast and plainly
    paths.ensure_private_dirs()
    journal_vault(paths, settings)  # an encrypted journal: unlocked now (or one line), not at the wake phrase
    events = print_event if args.json else (lambda event: None)
    with AskSignal() as asks:
        lock = ListenerLock(paths.data_dir / LOCK_FILE)
        if not lock.try_acquire():
            pid = lock.holder_pid()
            if args.ask_now and pid:
                try:
                    os.kill(pid, signal.SIGUSR1)
                except ProcessLookupError:
                    pass
                else:
                    events({"event": "handed_over", "pid": pid})
                    note(f"voice-journal: the listener already running (pid {pid}) asks now")
                    return 0
            note(f"voice-journal: another voice-journal listener (pid {pid or '?'}) has the microphone; "
                 "waiting for it to finish (Ctrl+C to stop)")
            lock.acquire()
        try:
            return _listen(args, paths, settings, pack, phrases, found, events, asks)
        finally:
            lock.release()


def _listen(args, paths, settings, pack, phrases: StandbyPack, found, events, asks: AskSignal) -> int:
    rate_hz = model_rate_hz(found.path)
    model = load_model(found.path)
    ear = Microphone(rate_hz, settings.input_device, device_rate_hz=settings.input_rate_hz)

    def session() -> int:
        return run_evening(paths, settings, json_events=args.json, ear=ear, model=model)

    def mouth():
        voice = Voice(settings.voice or pack.voice, settings.speech_rate_wpm, settings.volume)
        return SpokenOutput(voice, Speaker(settings.output_device), settings.lead_in_s)

    standby = Standby(ear=ear, recognizers=VoskRecognizers(model, rate_hz), rate_hz=rate_hz, pack=phrases,
                      session=session, mouth=mouth, threshold_db=settings.silence_threshold_db, once=args.once,
                      events=events, note=note, confirm_wake=settings.confirm_wake)
    asks.attach(standby)
    try:
        return standby.run(ask_first=args.ask_now)
    finally:
        ear.close()
        counts = standby.counters()
        events({"event": "standby_end", "sessions": standby.sessions, **counts})
        note(f"Heard {counts['heard_s']} s of audio, decoded {counts['decoded_s']} s "
             f"({100 * counts['decoded_fraction']:.0f}%).")


def in_window(now: dt.time, window: tuple[dt.time, dt.time]) -> bool:
    """Whether ``now`` is in ``window`` (start, end), which may cross midnight."""
    start, end = window
    return start <= now <= end if start <= end else (now >= start or now <= end)


def parse_window(text: str) -> tuple[dt.time, dt.time]:
    try:
        start, end = text.split("-")
        return (dt.time.fromisoformat(parse_at(start.strip())), dt.time.fromisoformat(parse_at(end.strip())))
    except (ValueError, UserError):
        raise UserError(f"--window takes two times of day, like 21:00-01:00, not '{text}'") from None


def register(subparsers, common) -> None:
    p = subparsers.add_parser(
        "listen", parents=[common],
        help="wait hands-free for a wake phrase (or ask now), then start an evening; see 'install-service'")
    p.add_argument("--ask-now", action="store_true",
                   help="ask 'Would you like to reflect now?' first (what the evening timer runs)")
    p.add_argument("--once", action="store_true",
                   help="exit after one evening (or one answered ask) instead of waiting again")
    p.add_argument("--window", metavar="HH:MM-HH:MM",
                   help="with --ask-now: ask only between these times (the timer's catch-up after the "
                        "machine was off does not ask the next morning)")
    session_options(p, top=False)
    p.set_defaults(handler=cmd_listen)
