"""The evening session: greet, ask, listen, keep, close.

The session talks to a *mouth* (``say``, ``chime``), an *ear*
(``listening()`` yielding audio chunks), a recogniser factory, a journal and
a language pack. It never touches hardware nor loads a model, so tests give
it a scripted ear, a fake mouth and scripted speech
(:mod:`assistant.speech.scripted`).
"""
from __future__ import annotations

import enum
import random
import time
from datetime import date
from types import SimpleNamespace
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from assistant.speech.recognizer import RecognizerFactory
from assistant.language.commands import SpokenCommands, spoken_commands
from assistant.errors import UserError
from assistant.language.crisis import detect as crisis_detect, response as crisis_response
from assistant.language.personal import PersonalCues, cues_path, load_cues, remember_correction
from assistant.conversation.entry import new_entry
from assistant.conversation.followups import Rule, first_match
from assistant.journal.book import Journal, now
from assistant.language.packs import LanguagePack
from assistant.conversation.listening import Answer, Ended, Listener, Outcome
from assistant.conversation.draft import AnswerDraft, draft_path
from assistant.conversation.mouth import LoggedMouth
from assistant.conversation.naming import NUMBER_ALTERNATIVES, FeelingNaming, says_feeling
from assistant.journal.sealed_audio import open_recorder, read_recording
from assistant.conversation.prompts import ROTATION_SESSIONS, Prompt
from assistant.conversation import replay
from assistant.conversation.pin_gate import ReplayGate
from assistant.conversation.spoken_yes import confirm_grammar, is_plain_yes, yes_phrases
from assistant.journal.replay_pin import ReplayPin, pin_file
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.audio.chunks import AudioChunk


class Next(enum.Enum):
    NEXT_PROMPT = "next"
    STOP = "stop"


@dataclass
class SessionReport:
    session_id: str = ""
    saved: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    save_latencies_ms: list[float] = field(default_factory=list)
    stopped_early: bool = False
    nobody_answered: bool = False
    crisis: bool = False
    """An answer spoke of self-harm or suicide: the evening turned to where to find help."""


REPLAY_WAIT_S = 4.0
"""How long to listen for next / previous / stop between replayed entries (seconds of audio)."""
CONFIRM_WAIT_S = 6.0
"""How long to wait for a yes after "Erase this answer?" (seconds of audio); silence is a no."""
WHILE_PAUSED = frozenset({"resume", "stop", "help"})
"""The commands that mean something while paused."""


def _nothing(event: dict) -> None:
    pass


class _NoSink:
    """Where replayed audio goes when the mouth has no speaker (tests with a fake mouth)."""

    rate_hz = 16000

    def play(self, chunk) -> None:
        pass

    def play_all(self, chunks) -> None:
        for _ in chunks:  # the recording is still read through, as a speaker would
            pass


class EveningSession:
    """One evening. ``recognizers()`` gives the recogniser factory; it is called
    once, after the greeting, so a model can load while the greeting is spoken."""

    def __init__(
        self,
        *,
        mouth,
        ear,
        journal: Journal,
        pack: LanguagePack,
        prompts: list[Prompt],
        settings: Settings,
        recognizers: Callable[[], RecognizerFactory],
        model_name: str,
        audio_dir: Path,
        rate_hz: int = 16000,
        events: Callable[[dict], None] = _nothing,
        display=None,
        rng: random.Random | None = None,
        vocabulary=None,
        prompt_pool: list[Prompt] | None = None,
        recent: list[list[str]] | None = None,
        rules: list[Rule] | None = None,
    ):
        self.mouth, self.ear, self.journal, self.pack = mouth, ear, journal, pack
        self.voice = LoggedMouth(mouth, events)
        """Everything the session says goes through here, so each phrase is an event too."""
        self.prompts, self.settings = list(prompts), settings
        self.load_recognizers, self.model_name = recognizers, model_name
        self.audio_dir, self.rate_hz = audio_dir, rate_hz
        self.events, self.display = events, display
        self.rng = rng or random.Random()
        self.vocabulary = vocabulary
        self.prompt_pool = prompt_pool or []
        self.recent = recent or []
        self.rules = rules or []
        self.report = SessionReport()
        self._answer: Answer | None = None
        self._prompt: Prompt | None = None
        self._named_once = False
        self._draft: AnswerDraft | None = None
        """The answer in progress on disk, when there is no recording (keep_audio off)."""
        self._paused = False
        self._set_aside: list[Path] = []
        """Scratched audio of answers already saved, deleted when the evening ends."""
        self._gate: ReplayGate | None = None
        self._samples_heard = 0
        """Microphone audio read so far tonight, in samples: where in the evening's sound each reply sits."""

    # -- the evening ---------------------------------------------------
    def run(self) -> SessionReport:
        first = not self.journal.recent_prompt_ids(1)  # the first evening: no "nice to see you again"
        self.voice.say(self.pack.say("greeting_first" if first else "greeting", self.rng))
        self.recognizers: RecognizerFactory = self.load_recognizers()  # the model loaded while that was said
        spoken = self._spoken_commands()
        self.listener = Listener(
            self.recognizers,
            self.rate_hz,
            self.settings,
            spoken.index,
            command_grammar=spoken.grammar,
            on_partial=self._heard_partial,
            on_utterance=self._heard_utterance,
            correction=spoken.correction,
            replay_request=spoken.replay_request,
            in_context=self._in_context,
            on_evidence=self._weighed,
        )
        if self.settings.on_this_day:
            self._on_this_day()
        self.report.session_id = self.journal.start_session(self.pack.code)
        self.events({"event": "session", "id": self.report.session_id, "language": self.pack.code})
        status = "finished"
        try:
            number = 0
            while number < len(self.prompts):  # follow-ups may change the prompts still ahead
                prompt = self.prompts[number]
                number += 1
                self.journal.note_prompt_asked(self.report.session_id, prompt.id)
                if self.ask(prompt, number) is Next.STOP or self.report.crisis:
                    self.report.stopped_early = True
                    break
            self.close_evening()
        except BaseException:
            status = "interrupted"
            self.keep_unfinished_answer()
            raise
        finally:
            self.listener.close()  # the recognisers now, not when the session's reference cycles are collected
            self.journal.end_session(self.report.session_id, status)
            self._delete_set_aside()
        return self.report

    def close_evening(self) -> None:
        if self.report.nobody_answered or self.report.crisis:
            return
        if self.report.topics:
            topics = self.pack.join_topics(self.report.topics)
            self.voice.say(self.pack.say("closing_summary", self.rng, topics=topics))
        else:
            self.voice.say(self.pack.say("closing_nothing", self.rng))
        self.voice.say(self.pack.say("anchors", self.rng))

    # -- one prompt ----------------------------------------------------
    def ask(self, prompt: Prompt, number: int) -> Next:
        """Read a prompt and listen until its answer is complete (or a command says otherwise).

        Silence does not end an answer at once: people pause to think. After
        the first silence the assistant asks softly whether there is more, and
        ends the answer on a second silence. A prompt met with no speech at all
        gets "still there?"; a second such silence ends the evening politely.
        """
        self._prompt = prompt
        self.events({"event": "prompt", "id": prompt.id, "text": prompt.text})
        self.voice.say(prompt.text)
        self.voice.chime()
        audio_path = self._audio_path(number) if self.settings.keep_audio else None
        vault = getattr(self.journal, "vault", None)
        self._answer = answer = Answer(self.rate_hz, audio_path, open_recorder(vault),
                                       reader=lambda path: read_recording(path, vault))
        self._draft = self._new_draft(number, prompt, vault)
        self._paused = asked_still_there = False
        while True:
            outcome = self._listen(answer, commands_only=self._paused)
            command = outcome.command
            if outcome.ended is Ended.COMMAND:
                self.events({"event": "command", "command": command})
            if self._paused:
                if command == "resume":
                    self._paused = False
                    self.voice.say(self.pack.say("resumed", self.rng))
                    self.voice.say(prompt.text)
                    self.voice.chime()
                elif command == "help":
                    self.voice.say(self.pack.say("help", self.rng))
                elif outcome.ended is Ended.LIMIT or (command == "stop" and self._confirm("confirm_stop", "stop")):
                    return self._stop(outcome)
                elif command == "stop":
                    self.voice.say(self.pack.say("paused", self.rng))
                continue
            if outcome.ended is Ended.SILENCE:
                if self.settings.ask_anything_more and outcome.heard_speech:
                    self.voice.say(self.pack.say("anything_more", self.rng))
                    continue
                return self._reflect(self._keep(outcome), number)
            if outcome.ended is Ended.LIMIT:
                return self._reflect(self._keep(outcome), number)
            if outcome.ended is Ended.NO_SPEECH:
                if answer.has_content:
                    self._keep(outcome)
                    return Next.NEXT_PROMPT
                if not asked_still_there:
                    asked_still_there = True
                    self.voice.say(self.pack.say("still_there", self.rng))
                    self.voice.chime()
                    continue
                self._save(outcome)
                self.voice.say(self.pack.say("no_answer_end" if self.report.saved else "no_answer_end_nothing",
                                             self.rng))
                self.report.nobody_answered = True
                return Next.STOP
            if command == "done":
                if not answer.has_content:  # nothing said: say so rather than move on in silence
                    self._keep(outcome)
                    self.voice.say(self.pack.say("skipped", self.rng))
                    return Next.NEXT_PROMPT
                return self._reflect(self._keep(outcome), number)
            if command == "correct":
                self._apply_correction(*outcome.argument)
                self.voice.chime()
                continue
            if command == "replay":
                self._replay(outcome.argument)
                self.voice.say(prompt.text)
                self.voice.chime()
                continue
            if command == "skip":
                self._keep(outcome)
                self.voice.say(self.pack.say("skipped", self.rng))
                return Next.NEXT_PROMPT
            if command == "stop":
                if self._confirm("confirm_stop", "stop"):
                    return self._stop(outcome)
                self.voice.say(self.pack.say("kept", self.rng))
            elif command == "pause":
                self._paused = True
                self.voice.say(self.pack.say("paused", self.rng))
                continue
            if command == "repeat":
                self.voice.say(prompt.text)
            elif command == "help":
                self.voice.say(self.pack.say("help", self.rng))
            elif command == "read_back":
                if answer.has_content:
                    self.voice.say(self.pack.say("read_back", self.rng, transcript=answer.transcript))
                else:
                    self.voice.say(self.pack.say("read_back_empty", self.rng))
            elif command == "scratch":
                if self._confirm("confirm_scratch", "scratch"):
                    answer.scratch()
                    self._keep_draft()
                    self.voice.say(self.pack.say("scratched", self.rng))
                else:
                    self.voice.say(self.pack.say("kept", self.rng))
            elif command == "undo":
                undone = answer.undo()
                self._keep_draft()
                self.voice.say(self.pack.say("undone" if undone else "nothing_to_undo", self.rng))
            self.voice.chime()

    def _weighed(self, evidence, verdict) -> None:
        """Why a short utterance was or was not taken for a command, in the event stream (``--json``):
        a missed or wrongly taken command can then be explained from the run's own output."""
        if verdict.heard or verdict.command:
            self.events({"event": "weighed", "command": verdict.heard, "accepted": verdict.command,
                         "reason": verdict.reason, "free": evidence.free_text, "grammar": evidence.grammar_text,
                         "conf": round(evidence.grammar_conf, 2), "gap_s": evidence.gap_before_s and
                         round(evidence.gap_before_s, 2), "pause_s": round(evidence.pause_after_s, 2)})

    def _in_context(self, command: str) -> bool:
        """Whether ``command`` makes sense now; one that does not is heard as ordinary speech."""
        if self._paused:
            return command in WHILE_PAUSED
        answer = self._answer
        if command == "resume":
            return False
        if command in ("scratch", "read_back"):
            return answer is not None and answer.has_content
        if command == "undo":
            return answer is not None and answer.can_undo
        return True

    def _confirm(self, question: str, command: str) -> bool:
        """Ask ``question`` and hear a yes (with the grammar listener); anything else, or silence, is a no.

        Nothing destructive or final happens on one uncertain hearing."""
        self.voice.say(self.pack.say(question, self.rng))
        heard = self._hear(confirm_grammar(self.pack), give_up_s=CONFIRM_WAIT_S)
        agreed = is_plain_yes(heard, self.pack)
        self.events({"event": "confirm", "command": command, "heard": heard, "yes": agreed})
        return agreed

    def _listen(self, answer: Answer, commands_only: bool) -> Outcome:
        with self.ear.listening() as chunks:
            return self.listener.listen(self._counted(chunks), answer, commands_only=commands_only)

    def _counted(self, chunks: Iterator[AudioChunk]) -> Iterator[AudioChunk]:
        for chunk in chunks:
            self._samples_heard += chunk.samples
            yield chunk

    def _stop(self, outcome: Outcome) -> Next:
        self._keep(outcome)
        self.voice.say(self.pack.say("stopping", self.rng))
        count = len(self.report.saved)
        if count == 0:
            self.voice.say(self.pack.say("stopped_kept_none", self.rng))
        elif count == 1:
            self.voice.say(self.pack.say("stopped_kept_one", self.rng))
        else:
            self.voice.say(self.pack.say("stopped_kept_many", self.rng, count=count))
        return Next.STOP

    def _keep(self, outcome: Outcome) -> str | None:
        """Save the answer under way and say so out loud.

        An answer that speaks of self-harm or suicide is met, gently and
        offline, with where to find help now; no ordinary prompt follows.
        """
        transcript = self._answer.transcript if self._answer else ""
        entry_id = self._save(outcome)
        if entry_id and crisis_detect(transcript, self.pack.code):
            self.report.crisis = True
            self.events({"event": "crisis", "entry": entry_id})
            self.voice.say(crisis_response(self.pack.code, self.settings.country))
        elif entry_id:
            self.voice.say(self.pack.say("saved", self.rng))
        return entry_id

    # -- keeping -------------------------------------------------------
    def _save(self, outcome: Outcome | None) -> str | None:
        """Store the answer under way (if anything was said); durable on return."""
        answer, prompt = self._answer, self._prompt
        self._answer = None
        if answer is None or prompt is None:
            return None
        self._set_aside.extend(answer.set_aside)
        if not answer.has_content:
            answer.close(keep=False)
            self._end_draft()
            return None
        try:
            audio = answer.close(keep=True)
        except UserError:  # the disk filled: the file is gone, the words are still worth keeping
            if outcome is not None:
                raise
            audio = None
        entry_id = self.journal.add_entry(new_entry(
            session=self.report.session_id, created_at=now(), language=self.pack.code,
            prompt_id=prompt.id, prompt_set=prompt.set, prompt_text=prompt.text,
            transcript=answer.transcript, words=[w.as_dict() for w in answer.words], model=self.model_name,
            duration_s=answer.duration_s, audio=str(audio.relative_to(self.audio_dir)) if audio else None,
            personal=self._personal_cues(),
        ))
        self._end_draft()  # the entry is durable: its draft is no longer needed
        self.report.saved.append(entry_id)
        if prompt.topic not in self.report.topics:
            self.report.topics.append(prompt.topic)
        event = {"event": "saved", "entry": entry_id, "prompt": prompt.id, "transcript": answer.transcript,
                 "duration_s": answer.duration_s, "audio": str(audio) if audio else None}
        if outcome is not None:
            latency = (time.perf_counter() - outcome.at) * 1000
            self.report.save_latencies_ms.append(latency)
            event["save_latency_ms"] = round(latency, 1)
        self.events(event)
        return entry_id

    def keep_unfinished_answer(self) -> None:
        """On Ctrl+C or a lost microphone: keep what was said so far."""
        try:
            self._save(None)
        except Exception:  # never hide the original problem behind a second one
            pass

    # -- the answer in progress on disk, when it is not recorded ------------
    def _new_draft(self, number: int, prompt: Prompt, vault) -> AnswerDraft | None:
        if self.settings.keep_audio:
            return None  # the streaming recording is the answer's copy on disk
        return AnswerDraft(draft_path(self.audio_dir, self.report.session_id, number), {
            "session": self.report.session_id, "number": number, "language": self.pack.code, "prompt_id": prompt.id,
            "prompt_set": prompt.set, "prompt_text": prompt.text, "model": self.model_name}, vault)

    def _heard_partial(self, text: str) -> None:
        if self.display:
            self.display.partial(text)
        self._keep_draft("" if self._paused else text)

    def _heard_utterance(self, text: str) -> None:
        if self.display:
            self.display.utterance(text)
        self._keep_draft()

    def _keep_draft(self, partial: str = "") -> None:
        if self._draft is not None and self._answer is not None:
            self._draft.update(self._answer.utterances, partial)

    def _end_draft(self) -> None:
        if self._draft is not None:
            self._draft.discard()
            self._draft = None

    def _delete_set_aside(self) -> None:
        """The evening is over: scratched audio leaves the disk now, not before."""
        if self._answer is not None:
            self._set_aside.extend(self._answer.set_aside)
        for path in self._set_aside:
            path.unlink(missing_ok=True)
        self._set_aside.clear()

    # -- naming the feeling and what follows ---------------------------
    def _reflect(self, entry_id: str | None, number: int) -> Next:
        """After a saved answer: name the feeling (when due), then choose a follow-up."""
        if not entry_id or self.report.crisis:
            return Next.NEXT_PROMPT
        entry = self.journal.entry(entry_id, with_words=False)
        feelings, intensity = list(entry["feelings"]), entry["intensity"]
        policy = self.settings.name_feelings
        invited = says_feeling(entry["transcript"], self.pack.naming.get("feel_cues", []))
        due = policy == "every" or (policy == "once" and (not self._named_once or invited))
        if self.vocabulary and self.pack.naming and due:
            self._named_once = True
            named = FeelingNaming(self.vocabulary, self.pack.naming, self.voice.say, self._hear,
                                  known=self.recognizers.known,
                                  hear_number=lambda phrases: self._hear(phrases, alternatives=NUMBER_ALTERNATIVES)).run(
                suggested=feelings[0] if invited and feelings else None)
            if named.feelings or named.intensity is not None:
                feelings = named.feelings + [f for f in feelings if f not in named.feelings]
                intensity = named.intensity
                self.journal.update_entry(entry_id, {"feelings": feelings, "named_feelings": named.feelings,
                                                     "intensity": intensity})
                self.events({"event": "named", "entry": entry_id, "feelings": named.feelings, "intensity": intensity})
            if named.stop:
                return Next.STOP
        self._follow_up(feelings, entry["themes"], intensity, number)
        return Next.NEXT_PROMPT

    def _hear(self, phrases: list[str], give_up_s: float | None = None, alternatives: int = 0) -> str | None:
        """A short reply, heard with a grammar; a ``reply`` event says what was heard and where in the
        evening's audio the hearing ended (a reply misheard shifts every turn after it: this shows which)."""
        with self.ear.listening() as chunks:
            heard = self.listener.hear(self._counted(chunks), phrases, give_up_s, alternatives)
        self.events({"event": "reply", "heard": heard, "alternatives": list(getattr(heard, "alternatives", ()))[:3],
                     "at_s": round(self._samples_heard / self.rate_hz, 2)})
        return heard

    def _follow_up(self, feelings, themes, intensity, number: int) -> None:
        """Replace the next prompt (never the closing one) when a rule fits."""
        if number >= len(self.prompts) - 1:
            return
        rule = first_match(self.rules, feelings, themes, intensity)
        if rule is None:
            return
        taken = {p.id for p in self.prompts}
        recent = {pid for ids in self.recent[:ROTATION_SESSIONS] for pid in ids}
        pool = [p for p in self.prompt_pool if p.set in rule.ask_from and p.id not in taken]
        choice = [p for p in pool if p.id not in recent] or pool
        if choice:
            prompt = self.rng.choice(choice)
            self.prompts[number] = prompt
            self.events({"event": "follow_up", "rule": rule.name, "prompt": prompt.id})

    def _personal_cues(self) -> PersonalCues | None:
        """What the person's corrections taught, read afresh for each answer (a correction may just have come)."""
        folder = getattr(self.journal, "folder", None)
        if folder is None or not self.vocabulary:
            return None
        return load_cues(cues_path(folder), self.pack.code, self.vocabulary.match == "joined")

    def _apply_correction(self, action: str, feeling: str) -> None:
        """'Tag that as lonely' / 'remove angry': change the last answer saved tonight."""
        if not self.report.saved:
            self.voice.say(self.pack.say("nothing_to_correct", self.rng))
            return
        entry_id = self.report.saved[-1]
        entry = self.journal.entry(entry_id, with_words=False)
        feelings = list(entry["feelings"])
        if action == "add" and feeling not in feelings:
            feelings.append(feeling)
        elif action == "remove":
            feelings = [f for f in feelings if f != feeling]
        self.journal.update_entry(entry_id, {"feelings": feelings})
        if getattr(self.journal, "folder", None) is not None:  # later answers phrased alike get the same tags
            remember_correction(self.journal.folder, self.pack.code, self.vocabulary.match == "joined",
                                entry.get("transcript") or "", entry, {"feelings": feelings, "themes": entry.get("themes")})
        self.events({"event": "corrected", "entry": entry_id, "action": action, "feeling": feeling})
        self.voice.say(self.pack.say(f"corrected_{action}", self.rng, feeling=feeling))

    # -- looking back ----------------------------------------------------
    def _replay_parser(self):
        """Spoken replay requests, when the language has replay phrases."""
        try:
            replay.load_replay(self.pack.code)
        except UserError:
            return None
        return lambda text: replay.parse_request(text, self.pack.code)

    def _on_this_day(self) -> None:
        """The opt-in line that resurfaces a night from a week, a month or a year ago."""
        today = date.today()
        entry = replay.on_this_day(self.journal, today)
        if entry:
            self.voice.say(replay.on_this_day_line(entry, today, replay.load_replay(self.pack.code)))

    def _replay(self, request) -> list[str]:
        """'Play last night': the date and prompt, then the person's own recording.

        Between entries the assistant listens briefly for next, previous or stop.
        """
        pack = replay.load_replay(self.pack.code)
        if not self._replay_gate(pack).open():  # the PIN first: nothing is said about the journal before it
            return []
        today = date.today()
        entries = replay.select(self.journal, request, today)
        self.events({"event": "replay", "request": request.as_dict(), "entries": [e["id"] for e in entries]})
        if not entries:
            self.voice.say(pack.say("nothing_found"))
            return []
        sink = getattr(self.mouth, "sink", None) or _NoSink()
        controls = self.pack.phrases.get("replay_controls", {})

        def between(index: int) -> str | None:
            if index == len(entries) - 1:
                return "stop"
            phrases = [p for key in ("next", "previous", "stop") for p in controls.get(key, [])]
            if not phrases:
                return None
            heard = self._hear(phrases, give_up_s=REPLAY_WAIT_S)
            return next((key for key in ("next", "previous", "stop") if heard in controls.get(key, [])), None)

        return replay.play_entries(entries, self.voice, sink, SimpleNamespace(audio_dir=self.audio_dir), pack,
                                   between=between, today=today, vault=getattr(self.journal, "vault", None))

    def _replay_gate(self, pack) -> ReplayGate:
        """The ``replay_by_voice`` check, one per evening (the right PIN opens replay until it ends)."""
        if self._gate is None:
            folder = getattr(self.journal, "folder", None)
            self._gate = ReplayGate(
                self.settings.replay_by_voice, ReplayPin(pin_file(folder)) if folder is not None else None, pack,
                say=self.voice.say, say_unlogged=self.mouth.say, hear=self._hear,
                yes=yes_phrases(self.pack),
                no=list(self.pack.naming.get("no", ())), known=lambda phrases: self.recognizers.known(phrases), events=self.events)
        return self._gate

    # -- helpers -------------------------------------------------------
    def _audio_path(self, number: int) -> Path:
        day = self.report.session_id.split(".")[0]
        return self.audio_dir / day / f"{self.report.session_id}-{number}.wav"

    def _spoken_commands(self) -> SpokenCommands:
        """Commands, tag corrections and replay requests, each with grammar phrases (in the model's words)."""
        parse_replay = self._replay_parser()
        vocabulary = self.vocabulary if self.vocabulary and self.pack.corrections else None
        known = getattr(self.recognizers, "known", None)
        return spoken_commands(
            self.pack.commands, self.pack.phrases.get("decoys", []), self.pack.corrections if vocabulary else None,
            self.pack.phrases.get("correction_feelings", []), vocabulary.canonical if vocabulary else None,
            self.pack.phrases.get("replay_phrases", []) if parse_replay else (), parse_replay,
            (lambda word: bool(known([word]))) if known else None,
            (lambda feeling: vocabulary.get(feeling).phrases() if vocabulary.get(feeling) else ()) if vocabulary else None)
