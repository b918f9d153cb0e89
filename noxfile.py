"""Run the specification against other TensorFlow and Keras releases, each in its own venv.

    nox -l                                  # list the sessions
    nox -s "spec(2.20.0)"                   # the previous TensorFlow minor
    nox -s spec                             # every release pair below
    nox -s jax                              # the JAX backend, from the jax extra
    nox -s spec -- -n 2                     # arguments after -- go to pytest

Each session installs the project with `pip install -e ".[test]"` plus the pinned pair,
which downloads about 600 MB for TensorFlow the first time. Virtual environments are
reused between runs (nox's -R skips the install as well).
"""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["spec"]

# (TensorFlow, Keras) pairs inside the supported ranges in rnn_spec/versions.py. 2.16.2
# and 2.20.0 come with the oldest Keras that both their metadata and the supported range
# accept, so the pairs also cover older Keras releases. 2.21.0 with 3.15.1 is the pair
# the project is developed on.
RELEASE_PAIRS = [
    ("2.16.2", "3.4.1"),
    ("2.20.0", "3.10.0"),
    ("2.21.0", "3.15.1"),
]

SHOW_VERSIONS = (
    "import keras, tensorflow as tf; "
    "print('TensorFlow', tf.__version__, '/ Keras', keras.__version__, '/', keras.backend.backend())"
)


@nox.session
@nox.parametrize(("tensorflow", "keras"), RELEASE_PAIRS, ids=[tf for tf, _ in RELEASE_PAIRS])
def spec(session: nox.Session, tensorflow: str, keras: str) -> None:
    """Run the feature files against one TensorFlow and Keras release pair."""
    session.install("-e", ".[test]", f"tensorflow=={tensorflow}", f"keras=={keras}")
    session.run("python", "-c", SHOW_VERSIONS)
    session.run("pytest", "steps", *session.posargs)


@nox.session
def jax(session: nox.Session) -> None:
    """Run the feature files unchanged on the JAX backend."""
    session.install("-e", ".[test,jax]")
    session.run("python", "-c", SHOW_VERSIONS, env={"KERAS_BACKEND": "jax"})
    session.run("pytest", "steps", *session.posargs, env={"KERAS_BACKEND": "jax"})
