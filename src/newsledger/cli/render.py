"""Terminal rendering of query results (rich)."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from newsledger.cli.common import out


def _ev(e: dict[str, Any]) -> str:
    return f"{e['doc']}:{e['start']}-{e['end']}"


def print_dossier(d: dict[str, Any]) -> None:
    out.rule(f"[bold]{d['name']}[/]  {d['type']}  ({d['id']})")
    seen = f"first seen {d['first_seen'] or '?'}, last seen {d['last_seen'] or '?'}"
    out.print(
        f"{len(d['documents'])} document(s), {d['mentions']} mention(s); {seen}", highlight=False
    )
    if d["aliases"]:
        out.print(
            "aliases: " + ", ".join(f"{a['text']} ({a['count']})" for a in d["aliases"]),
            highlight=False,
        )
    if d["roles"]:
        t = Table(title="roles")
        for c in ("role", "org", "evidence"):
            t.add_column(c)
        for r in d["roles"]:
            t.add_row(r["role"], r["org"] or "", _ev(r["evidence"]))
        out.print(t)
    for key, title in (("quotes_by", "quotes by"), ("quotes_about", "quotes about")):
        if d[key]:
            t = Table(title=title)
            for c in ("kind", "speaker", "date", "text", "evidence"):
                t.add_column(c, overflow="fold")
            for q in d[key][:50]:
                sp = (q["speaker"] or {}).get("name", "")
                t.add_row(
                    q["kind"],
                    sp,
                    q.get("date") or q.get("published") or "",
                    q["text"][:240],
                    _ev(q["evidence"]),
                )
            out.print(t)
    if d["cooccurring"]:
        out.print(
            "co-occurs with: " + ", ".join(f"{c['name']} ({c['count']})" for c in d["cooccurring"]),
            highlight=False,
        )
    if d["events"]:
        t = Table(title="events")
        for c in ("type", "date", "place", "killed", "evidence"):
            t.add_column(c)
        for ev in d["events"]:
            t.add_row(
                ev["type"],
                ev.get("date") or "",
                ev.get("place") or "",
                "" if ev.get("killed") is None else str(ev["killed"]),
                _ev(ev["evidence"]),
            )
        out.print(t)
    if d["claims"]:
        t = Table(title="claims")
        for c in ("attribute", "value", "evidence"):
            t.add_column(c)
        for c in d["claims"]:
            t.add_row(c["attribute"], str(c["value"]), _ev(c["evidence"]))
        out.print(t)
    for c in d["conflicts"]:
        vals = " vs ".join(str(v["value"]) for v in c["values"])
        out.print(f"[bold red]conflict[/] {c['attribute']}: {vals}", highlight=False)
