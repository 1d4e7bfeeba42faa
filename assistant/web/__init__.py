"""The journal on a phone: a private page served by the Pi (``voice-journal web``).

Starlette and Jinja2 (the ``web`` extra), server-rendered, no scripts, no
build step; it reads and corrects the journal through the same library as
the command line. ``access`` (logins, sessions, CSRF), ``app`` (routes and
the guard before them), ``pages`` (the journal's pages), ``timeline``,
``moods`` and ``recordings`` (what the pages show), ``site`` (state and
templates), ``serve`` (address and server).
"""
