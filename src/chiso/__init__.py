"""chiso — plan, track and analyse a province's governance index (PAPI and others)."""

__version__ = "0.1.0"
