"""``python -m assistant`` is the same as the ``voice-journal`` command."""
from .cli import main

raise SystemExit(main())
