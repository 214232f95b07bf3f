"""Shared test configuration: hypothesis settings profiles.

* "dev" (the default): random examples, hypothesis' usual budget.
* "ci": derandomised and without the example database, so every CI run tests
  the same examples and never flakes on a new random seed; loaded when the
  environment variable CI is set (as GitHub Actions and most CI services do).
  Select a profile by hand with ``pytest --hypothesis-profile=ci``.

Neither profile has a deadline: the first call into the reader loads the
lexicon, and shared CI machines have noisy timings.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    max_examples=200,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
