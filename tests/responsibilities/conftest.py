from tests.public.conftest import papi  # noqa: F401  (the published results, patched in)
