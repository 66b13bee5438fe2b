"""Public pages (no log-in): province profiles, rankings, the published plan; and the
logged-in results page. Charts are drawn server-side as SVG (see `charts`)."""
