"""Set up one benchmark: the model on its device, the batch, the call, the metadata.

Everything here happens outside the timed function. The model is built inside the
device scope, so its weights live on the device being timed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnn_spec.bench.devices import backend_name, place
from rnn_spec.bench.flops import flop_count
from rnn_spec.bench.paths import CallFunction, make_call, slowdown_factor
from rnn_spec.build import build_layer, cached, declared_shapes, seed_for, seed_weights
from rnn_spec.config import LayerConfig
from rnn_spec.rule import expected_outputs
from rnn_spec.run import Outcome, make_input
from rnn_spec.shapes import Shape

# Untimed calls before timing: the first traces or compiles, the others settle caches.
WARMUP_CALLS = 3


@dataclass(frozen=True)
class Benchmark:
    """One call path of one model on one device, ready to time."""

    config: LayerConfig
    input_shape: Shape
    call_path: str
    device: str
    model: object
    inputs: np.ndarray
    call: CallFunction

    @property
    def layer_name(self) -> str:
        """"LSTM", "GRU", or "Bidirectional LSTM"."""
        prefix = "Bidirectional " if self.config.bidirectional else ""
        return prefix + self.config.layer

    @property
    def group(self) -> str:
        """The pytest-benchmark group: every call path of one model on one device.

        "LSTM, units 3, input (2, 5, 1), CPU:0"
        """
        return f"{self.layer_name}, units {self.config.units}, input {self.input_shape}, {self.device}"

    def run(self):
        """Run the call path once on the device; the function pytest-benchmark times."""
        with place(self.device):
            return self.call(self.inputs)

    def warm_up(self, calls: int = WARMUP_CALLS) -> None:
        for _ in range(calls):
            self.run()

    def extra_info(self) -> dict[str, object]:
        """The configuration, call path and device, for pytest-benchmark's extra_info."""
        batch, timesteps, features = self.input_shape
        return {
            "configuration": self.config.describe(),
            "layer": self.layer_name,
            "batch": batch,
            "timesteps": timesteps,
            "features": features,
            "units": self.config.units,
            "call_path": self.call_path,
            "device": self.device,
            "backend": backend_name(),
            "flop_count": flop_count(self.config, self.input_shape),
            "slowdown_factor": slowdown_factor(self.call_path),
        }

    def outcome(self, results) -> Outcome:
        """Name the arrays a timed call returned, so Then steps can check them."""
        arrays = results if isinstance(results, (list, tuple)) else [results]
        return Outcome(
            expected=expected_outputs(self.config, self.input_shape),
            declared=declared_shapes(self.model),
            arrays=tuple(np.asarray(array) for array in arrays),
            inputs=self.inputs,
            call_path=self.call_path,
        )


def rates(extra_info: dict[str, object], seconds: float) -> dict[str, float]:
    """Throughput in sequences per second and FLOP rate in GFLOP/s for one call's time.

    >>> rates({"batch": 64, "flop_count": 1_000_000_000}, 0.5)
    {'sequences_per_second': 128.0, 'gflop_per_second': 2.0}
    """
    return {
        "sequences_per_second": extra_info["batch"] / seconds,
        "gflop_per_second": extra_info["flop_count"] / seconds / 1e9,
    }


def prepare(config: LayerConfig, input_shape: Shape, call_path: str, device: str) -> Benchmark:
    """Build (or reuse) the model on `device` and the call for `call_path`."""
    model = build_on_device(config, input_shape[1:], device)
    with place(device):
        call = make_call(model, call_path)
    return Benchmark(
        config=config,
        input_shape=input_shape,
        call_path=call_path,
        device=device,
        model=model,
        inputs=make_input(input_shape),
        call=call,
    )


@cached
def build_on_device(config: LayerConfig, sequence_shape: tuple[int, int], device: str):
    """Build the seeded model for `config` with its weights on `device`.

    The call paths of one configuration share this model, so predict and
    predict_on_batch share its compiled predict step, as they would in user code.
    """
    import keras

    timesteps, features = sequence_shape
    with place(device):
        inputs = keras.Input(shape=(timesteps, features))
        model = keras.Model(inputs, build_layer(config)(inputs))
        seed_weights(model, seed_for(config, timesteps, features, device))
    return model
