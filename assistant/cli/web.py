"""``voice-journal web [--lan] [--port N]``: the journal as a private page, served by the Pi."""
from __future__ import annotations

from assistant.errors import UserError

WEB_HINT = "the page needs the web extra: pip install 'voice-journal[web]'"


def register(subparsers, common) -> None:
    p = subparsers.add_parser(
        "web", parents=[common], help="serve the journal as a private web page (127.0.0.1 unless --lan; login link printed)",
        description="Serve the journal as a web page for your phone: on 127.0.0.1 (this Pi only) unless --lan, and "
                    "nothing of it without logging in, with the one-time link printed here (or the passphrase of an "
                    "encrypted journal).")
    p.add_argument("--lan", action="store_true",
                   help="listen on the local network too, so a phone on the same Wi-Fi can open it (login still needed)")
    p.add_argument("--https", action="store_true",
                   help="serve over HTTPS with a certificate the Pi makes itself (the browser warns once)")
    p.add_argument("--port", type=int, default=8765, help="port to listen on (default 8765; 0: any free one)")
    p.set_defaults(handler=cmd_web)


def cmd_web(args, paths, settings) -> int:
    if not 0 <= args.port <= 65535:
        raise UserError("--port takes a number from 0 to 65535")
    try:
        # late: Starlette, Jinja2 and uvicorn are the web extra, loaded only by this command
        from assistant.web.serve import serve
    except ImportError:
        raise UserError(WEB_HINT) from None
    return serve(paths, settings, lan=args.lan, port=args.port, as_json=args.json, https=args.https)
