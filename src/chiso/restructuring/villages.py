"""A commune merged into another takes its villages and residential groups with it (the 2025
commune mergers; docs/restructuring.md, "Villages and postings").

The rule, applied by chiso.restructuring.abolition inside the abolition's transaction:

- Every village of an abolished commune committee — active or closed — moves to its successor,
  when the successor is a commune committee (a village belongs to a commune); same row, id,
  kind, code and postings. Otherwise the villages stay with the dissolved commune, and the
  preview says so.
- Names are kept. A name the successor would then hold twice (same kind, names compared as
  agency names are: case and diacritics ignored) — a village already there, or one coming from
  another merged commune in the same operation — is kept by the village already in the
  successor; every moved village with that name takes its old commune's name as a suffix:
  "Tổ dân phố 1" of Vĩnh Hải becomes "Tổ dân phố 1 (Vĩnh Hải)" (then "(Vĩnh Hải 2)", … if that
  too is taken).
- Postings are history and stay on their village: a posting at a village hall follows its
  village to the successor (its commune changes, as a posting's village always belongs to its
  commune), so the posting coverage of the successor counts it; a posting at the dissolved
  commune's own office stays with the dissolved commune (that office is not the successor's).
- Audited: one `village.move` per village (commune, and name when renamed), one `posting.move`
  per posting that follows its village.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from chiso.accounts.models import Agency, AgencyKind, User
from chiso.accounts.names import agency_key
from chiso.activities.models import Posting
from chiso.audit.services import record
from chiso.places.models import Village

_PREFIXES = ("UBND ", "Ủy ban nhân dân ", "phường ", "xã ", "thị trấn ", "đặc khu ")


@dataclass(frozen=True)
class VillageMove:
    """One village of a merged commune, as the preview shows it."""

    pk: int
    kind_label: str
    name: str  # its name now
    new_name: str  # its name in the successor (the same unless it clashes)
    postings: int  # village-hall postings that follow it

    @property
    def renamed(self) -> bool:
        return self.name != self.new_name


def commune_short_name(commune: Agency) -> str:
    """ "UBND phường Vĩnh Hải" → "Vĩnh Hải": the suffix a clashing village takes."""
    name = commune.name
    for prefix in _PREFIXES:
        if name.lower().startswith(prefix.lower()):
            name = name[len(prefix) :]
    return name.strip() or commune.name


def takes_villages(agency: Agency, successor: Agency) -> bool:
    return (
        agency.kind == AgencyKind.COMMUNE_COMMITTEE
        and successor.kind == AgencyKind.COMMUNE_COMMITTEE
    )


def plan_moves(pairs: Iterable[tuple[Agency, Agency]]) -> dict[int, list[VillageMove]]:
    """Abolished commune id → its villages' moves, for the (abolished, successor) pairs where
    villages move; names decided per successor over every commune merged into it."""
    by_successor: dict[int, list[tuple[Agency, Village]]] = {}
    for agency, successor in pairs:
        if not takes_villages(agency, successor):
            continue
        found = Village.objects.filter(commune=agency).order_by("kind", "name_key", "pk")
        by_successor.setdefault(successor.pk, []).extend((agency, v) for v in found)
    moves: dict[int, list[VillageMove]] = {}
    for successor_id, incoming in by_successor.items():
        for agency, village, new_name in _names(successor_id, incoming):
            moves.setdefault(agency.pk, []).append(
                VillageMove(
                    pk=village.pk,
                    kind_label=str(village.get_kind_display()),
                    name=village.name,
                    new_name=new_name,
                    postings=village.postings.count(),
                )
            )
    return moves


def _names(
    successor_id: int, incoming: list[tuple[Agency, Village]]
) -> list[tuple[Agency, Village, str]]:
    taken = set(Village.objects.filter(commune_id=successor_id).values_list("kind", "name_key"))
    counts: dict[tuple[str, str], int] = {}
    for _agency, village in incoming:
        key = (village.kind, village.name_key)
        counts[key] = counts.get(key, 0) + 1
    clashing = {key for key, n in counts.items() if n > 1 or key in taken}
    taken |= {key for key in counts if key not in clashing}
    out = []
    for agency, village in incoming:
        name = village.name
        if (village.kind, village.name_key) in clashing:
            name = _suffixed(village, commune_short_name(agency), taken)
            taken.add((village.kind, agency_key(name)))
        out.append((agency, village, name))
    return out


def _suffixed(village: Village, suffix: str, taken: set[tuple[str, str]]) -> str:
    name, n = f"{village.name} ({suffix})", 1
    while (village.kind, agency_key(name)) in taken:
        n += 1
        name = f"{village.name} ({suffix} {n})"
    return name


def apply_moves(
    user: User | None, agency: Agency, successor: Agency, moves: list[VillageMove], note: str
) -> None:
    """Move `agency`'s villages (and their village-hall postings) to `successor`, audited.
    Inside the abolition's transaction."""
    villages = Village.objects.select_for_update().in_bulk([m.pk for m in moves])
    for move in moves:
        village = villages[move.pk]
        changes = {"commune": [agency.name, successor.name]}
        if move.renamed:
            changes["name"] = [village.name, move.new_name]
        village.commune, village.name = successor, move.new_name
        village.save(update_fields=["commune", "name", "name_key"])
        record(user, village, "village.move", changes, note=note)
        for posting in Posting.objects.select_for_update().filter(village=village, commune=agency):
            posting.commune = successor
            posting.version += 1
            posting.save(update_fields=["commune", "version"])
            record(
                user,
                posting,
                "posting.move",
                {"commune": [agency.name, successor.name]},
                note=note,
            )
