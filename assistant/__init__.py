"""voice-journal: an offline, hands-free evening reflection journal.

The package follows the pipeline: audio in (``mic``, ``audio``), speech out
(``speaker``, ``tts``), recognition (``asr``, ``models``), listening
(``silence``, ``commands``, ``listening``), the conversation (``session``,
``prompts``, ``language``), the journal (``journal``, ``storage``) and the
command line (``cli``). Hardware libraries are imported only in ``mic``,
``speaker``, ``tts`` and ``asr``.
"""

__version__ = "0.1.0"
