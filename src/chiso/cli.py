"""The `chiso` command: analytics commands from the core, everything else through Django.

`chiso profile|ranking|objectives|target …` run the pure core (reading `--data`, or the database
when no `--data` is given); every other sub-command is a Django management command, with hyphens
allowed in names (`chiso import-results` = `import_results`).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chiso.index import Results

CORE_COMMANDS = frozenset({"profile", "ranking", "objectives", "target"})


def _setup_django() -> None:
    from chiso.site.startup import load_settings_or_exit

    load_settings_or_exit()
    import django

    django.setup()


def load_results_from_database(index: str = "PAPI") -> Results:
    """Results of `index` stored with `chiso import-results`, for core commands run without
    --data (`chiso profile --index PCI …`)."""
    _setup_django()
    from chiso.results.store import load_results

    return load_results(index)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in CORE_COMMANDS:
        from chiso.index.cli import main as core_main

        return core_main(args, db_loader=load_results_from_database)
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    from chiso.site.startup import load_settings_or_exit

    load_settings_or_exit()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["chiso", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
