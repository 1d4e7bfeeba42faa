"""voice-journal: an offline, hands-free evening reflection journal.

The sub-packages follow the pipeline, lowest layer first: ``audio`` (chunks,
microphone, speaker, silence), ``language`` (packs, commands, feelings,
tagging), ``speech`` (recognisers, the Vosk adapter, speech out, models),
``journal`` (TinyDB storage, sealing, queries), ``conversation`` (the
evening, listening, naming, replay), ``render`` (text, exports, charts),
``web`` (the private page), ``app`` (evening runner, standby, recovery,
import, doctor, services) and ``cli``. A module imports only from its own
layer or lower ones. Hardware and model libraries are imported only in their
adapters: ``audio.mic``, ``audio.speaker``, ``audio.devices``,
``speech.voice`` and ``speech.vosk_asr``.
"""

__version__ = "0.1.0"
