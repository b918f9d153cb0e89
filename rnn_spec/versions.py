"""The TensorFlow and Keras versions this specification supports, and the check for them.

The ranges match the dependencies in pyproject.toml. TensorFlow 2.16 is the first
release that depends on Keras 3 (its metadata requires keras>=3.0.0, where 2.15.1
requires keras<2.16). TensorFlow 2.21 with Keras 3.15.1 is the newest pair this
specification was run on, so the upper bounds stop before the next minor releases.
Keras 3.4 is the lower bound because Keras 3.3.3 cannot build a functional model whose
outputs nest lists (the states of RNN over a list of cells): it raises ValueError "all
values in the list/tuple must be KerasTensors".

The check reads installed package metadata, not the modules, so it costs no TensorFlow
import and runs before any scenario.

>>> version_problems(Installed(tensorflow="2.21.0", keras="3.15.1"))
[]
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import metadata

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

from rnn_spec.errors import invalid

# Written as pyproject.toml writes them; packaging would print them reordered.
TENSORFLOW_RANGE = ">=2.16,<2.22"
KERAS_RANGE = ">=3.4,<4"

# TensorFlow ships under several distribution names; the first one installed counts.
TENSORFLOW_DISTRIBUTIONS = ("tensorflow", "tensorflow-cpu", "tensorflow-macos", "tf-nightly")

# The environment variable with which TensorFlow 2.16 and later make tf.keras Keras 2
# (the tf-keras package), and the values TensorFlow treats as on.
LEGACY_KERAS_VARIABLE = "TF_USE_LEGACY_KERAS"
LEGACY_KERAS_ON = ("1", "true", "True")

# EX_CONFIG from BSD's sysexits.h, "configuration error": distinct from pytest's own
# exit codes 0 to 5, so CI can tell a wrong environment from a broken rule.
UNSUPPORTED_EXIT_CODE = 78


@dataclass(frozen=True)
class Installed:
    """Installed versions as text, None where the package is missing."""

    tensorflow: str | None
    keras: str | None
    legacy_keras: str | None = None

    def describe(self) -> str:
        """One line for the report header: 'TensorFlow 2.21.0, Keras 3.15.1'."""
        return f"TensorFlow {self.tensorflow or 'missing'}, Keras {self.keras or 'missing'}"


def supported_versions() -> str:
    """The supported ranges as one line, for the report header and messages."""
    return f"TensorFlow {TENSORFLOW_RANGE}, Keras {KERAS_RANGE}"


def installed_versions() -> Installed:
    """Read the installed TensorFlow and Keras versions from package metadata."""
    tensorflow = next(
        (version for name in TENSORFLOW_DISTRIBUTIONS if (version := _version_of(name))), None
    )
    return Installed(
        tensorflow=tensorflow,
        keras=_version_of("keras"),
        legacy_keras=os.environ.get(LEGACY_KERAS_VARIABLE),
    )


def _version_of(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def version_problems(installed: Installed, any_version: bool = False) -> list[str]:
    """List why `installed` cannot run the specification, one message per problem.

    Keras 2, in any form, is always a problem. With `any_version`, a Keras 3 or
    TensorFlow outside the supported range is not.
    """
    problems = []
    if installed.legacy_keras in LEGACY_KERAS_ON:
        problems.append(
            str(
                invalid(
                    LEGACY_KERAS_VARIABLE,
                    installed.legacy_keras,
                    "it unset or 0, because it makes tf.keras Keras 2 (tf-keras), "
                    "which this specification does not cover",
                )
            )
        )
    keras_version = _parse(installed.keras)
    if keras_version is not None and keras_version.major < 3:
        problems.append(
            str(invalid("Keras version", installed.keras, f"Keras 3: {KERAS_RANGE}"))
            + " Keras 2 is not covered by this specification."
        )
    else:
        problems.extend(_range_problems("Keras", installed.keras, KERAS_RANGE, any_version))
    problems.extend(
        _range_problems("TensorFlow", installed.tensorflow, TENSORFLOW_RANGE, any_version)
    )
    return problems


def _range_problems(
    package: str, version: str | None, supported: str, any_version: bool
) -> list[str]:
    if version is None:
        return [f"Missing {package}: it is not installed. Expected a version in {supported}."]
    if any_version:
        return []
    parsed = _parse(version)
    if parsed is None or not SpecifierSet(supported).contains(parsed, prereleases=True):
        return [str(invalid(f"{package} version", version, f"a version in {supported}"))]
    return []


def _parse(version: str | None) -> Version | None:
    if version is None:
        return None
    try:
        return Version(version)
    except InvalidVersion:
        return None


def stop_message(installed: Installed, problems: list[str]) -> str:
    """The one message that stops a run on an unsupported environment."""
    lines = [
        f"rnn-spec stopped before any scenario ran: this environment ({installed.describe()}) "
        "is not supported.",
        *(f"  {problem}" for problem in problems),
        f"  Supported: {supported_versions()}.",
        f'  Install a supported pair: pip install "tensorflow{TENSORFLOW_RANGE}" '
        f'"keras{KERAS_RANGE}", or pass --any-version to try Keras 3 and TensorFlow '
        "releases outside the range.",
    ]
    return "\n".join(lines)
