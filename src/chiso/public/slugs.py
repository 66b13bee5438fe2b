"""Province slugs in public URLs ("khanh-hoa"), derived from the official name."""

from __future__ import annotations

from django.http import Http404

from chiso.index import Province, Results, normalize_name


def province_slug(province: Province) -> str:
    return normalize_name(province.name).replace(" ", "-")


def province_for_slug(results: Results, slug: str) -> Province:
    """The province of the loaded results with this slug; 404 for anything else."""
    wanted = normalize_name(slug.replace("-", " "))
    for province in results.provinces:
        if normalize_name(province.name) == wanted:
            return province
    raise Http404
