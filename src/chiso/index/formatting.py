"""Display formatting of core figures (the only place numbers are rounded)."""

from __future__ import annotations


def fmt_number(
    value: float | None, lang: str = "vi", decimals: int = 2, sign: bool = False, minus: str = "-"
) -> str:
    """43.4369 → "43,44" (vi) or "43.44" (en); None → "—". `minus` is the sign written for a
    negative number (the objectives' sentences use the typographic "−")."""
    if value is None:
        return "—"
    if round(value, decimals) == 0:
        value = 0.0  # no "-0,00"
    text = f"{value:+.{decimals}f}" if sign else f"{value:.{decimals}f}"
    text = text.replace("-", minus)
    return text.replace(".", ",") if lang.startswith("vi") else text


def fmt_int_change(value: int | None) -> str:
    return "—" if value is None else f"{value:+d}"


def fmt_rank_change(value: int | None, lang: str = "vi") -> str:
    """Places gained ("+24", "-3"); an unchanged rank in words ("không đổi" / "unchanged"), as the
    pages say it, never "+0"."""
    if value == 0:
        return "unchanged" if lang == "en" else "không đổi"
    return fmt_int_change(value)


def fmt_rank(rank: int | None, of: int) -> str:
    return "—" if rank is None else f"{rank}/{of}"


def render_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)
    ]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)
