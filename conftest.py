"""Session-wide settings for the specification and the unit tests.

Keras' global state is set here and nowhere else: the backend and TensorFlow's log
level. Each test makes its own seeded input and weights, so no global seed is needed
for the results to be the same in any order.
"""

from __future__ import annotations

import os

# Set before anything imports Keras. An explicit KERAS_BACKEND from the caller wins.
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

pytest_plugins = ["pytester", "steps.hooks", "steps.given", "steps.when", "steps.then", "steps.version_gate", "steps.backend_gaps", "steps.benchmark_steps", "rnn_spec.results_plugin", "steps.behaviours", "steps.bidirectional_steps"]
