"""Which index a results page shows: PAPI by default, PCI, PAR INDEX or SIPAS by a query
parameter (`?bo-chi-so=pci`), so every existing URL keeps meaning PAPI.

The parameter's value is the framework code as a slug ("papi", "pci", "par-index", "sipas");
anything else is a 404. Links to PAPI pages leave the parameter out.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpRequest

from chiso.index import Framework
from chiso.index.framework import framework_for_slug, framework_slug, shipped_frameworks

PARAM = "bo-chi-so"
DEFAULT = "PAPI"


@dataclass(frozen=True)
class IndexChoice:
    code: str  # framework code: PAPI, PCI, PAR_INDEX, SIPAS
    slug: str  # in URLs
    label: str  # short name on the page: "PAPI", "PAR INDEX"
    query: str  # "" for PAPI, else "bo-chi-so=pci" (to append to a URL's query)
    current: bool


def index_slug(code: str) -> str:
    return framework_slug(code)


def index_label(code: str) -> str:
    """The index's short name as people write it ("PAR INDEX", not the code "PAR_INDEX")."""
    return code.replace("_", " ")


def index_query(code: str) -> str:
    """The query parameter that selects `code` ("" for the default, PAPI)."""
    return "" if code == DEFAULT else f"{PARAM}={index_slug(code)}"


def framework_codes() -> tuple[str, ...]:
    """The shipped indices in the order the pages name them (PAPI, PCI, PAR INDEX, SIPAS)."""
    return tuple(f.code for f in shipped_frameworks())


def index_from(request: HttpRequest) -> str:
    """The framework code the request asks for (PAPI without the parameter); 404 otherwise."""
    raw = request.GET.get(PARAM, "").strip().lower()
    if not raw:
        return DEFAULT
    found = framework_for_slug(raw)
    if found is None:
        raise Http404
    return found.code


def index_choices(current: str, available: frozenset[str]) -> tuple[IndexChoice, ...]:
    """The index switcher: every shipped index with results (and the current one)."""
    return tuple(
        IndexChoice(code, index_slug(code), index_label(code), index_query(code), code == current)
        for code in framework_codes()
        if code in available or code == current
    )


def framework_title(framework: Framework, lang: str) -> str:
    """The index's full name in the page's language."""
    return framework.name.get("en" if lang.lower().startswith("en") else "vi")
