"""``python -m assistant`` is the same as the ``voice-journal`` command."""
from assistant.cli.main import main

raise SystemExit(main())
