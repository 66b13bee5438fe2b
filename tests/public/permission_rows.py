"""Permission-matrix rows for the peers page and its workbook (read by test_permission_matrix).

The cross-index page (the province on PAPI, PCI, PAR INDEX and SIPAS) is leadership's: provincial
leadership, coordinators and administrators, each on their own province (the other province's
coordinator sees theirs). A results page asks for an index by `?bo-chi-so=`; an unknown one is
404 for everyone, an index without results shows the page's notice.

The peers page: every signed-in user reads it (results are public figures; a user without a
province sees the first province of the data); anonymous users are sent to log in."""

from __future__ import annotations

from tests.test_permission_matrix import DENIED, LOGIN, MISSING, OK, SIGNED_IN, Row, expect

ROWS = [
    Row("public:peers", SIGNED_IN, query="nam=2022", needs_results=True),
    Row(
        "public:peers",
        SIGNED_IN,
        query="nam=2022&nhom=custom",
        label="custom empty",
        needs_results=True,
    ),
    Row("public:peers-xlsx", SIGNED_IN, query="nam=2022&nhom=region", needs_results=True),
    Row(
        "public:indices",
        expect(DENIED, admin=OK, coordinator=OK, leadership=OK, other_province=OK, anonymous=LOGIN),
        needs_results=True,
    ),
    Row("public:results", SIGNED_IN, query="bo-chi-so=pci", label="PCI", needs_results=True),
    Row(
        "public:ranking",
        expect(MISSING),
        lambda w: {"year": 2022},
        query="bo-chi-so=khong-co",
        label="unknown index",
        needs_results=True,
    ),
    Row(
        "public:profile",
        expect(MISSING),
        lambda w: {"slug": "khanh-hoa", "year": 2022},
        query="bo-chi-so=sipas",
        label="index without results",
        needs_results=True,
    ),
]
