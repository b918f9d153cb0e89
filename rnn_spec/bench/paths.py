"""The call paths a benchmark times, each a function of the input batch.

- "predict": `model.predict(x, batch_size=len(x))`, the lesson's way. Each call builds a
  data adapter and runs a one-batch prediction loop around the compiled predict step.
- "predict_on_batch": `model.predict_on_batch(x)`, the compiled predict step on one batch.
- "call": `model(x, training=False)`, a direct call. It runs eagerly on TensorFlow, so a
  recurrent layer steps through the sequence one operation at a time.
- "jit_compile": the model call compiled with XLA: `tf.function(jit_compile=True)` on
  TensorFlow, `jax.jit` of `model.stateless_call` on JAX. Other backends have no XLA
  path here, so make_call raises SpecError for them.

RNN_SPEC_BENCH_SLOWDOWN injects a known slowdown to test a benchmark gate:
"predict_on_batch=2" makes that path run its call twice per timed call.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from rnn_spec.bench.devices import backend_name
from rnn_spec.errors import invalid, not_one_of

CALL_PATHS = ("predict", "predict_on_batch", "call", "jit_compile")
# Backends with an XLA-compiled model call here; jit_compile raises on the others.
XLA_BACKENDS = ("tensorflow", "jax")
SLOWDOWN_VARIABLE = "RNN_SPEC_BENCH_SLOWDOWN"

CallFunction = Callable[[object], object]


def parse_slowdown(text: str) -> dict[str, int]:
    """Parse "PATH=FACTOR[,PATH=FACTOR]" into {path: factor}.

    >>> parse_slowdown("predict_on_batch=2")
    {'predict_on_batch': 2}
    >>> parse_slowdown("")
    {}
    """
    factors: dict[str, int] = {}
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        path, _, factor = part.partition("=")
        if path not in CALL_PATHS:
            raise not_one_of(f"call path in {SLOWDOWN_VARIABLE}", path, CALL_PATHS)
        if not factor.isdigit() or int(factor) < 1:
            raise invalid(f"slowdown factor for {path}", factor, "a positive integer")
        factors[path] = int(factor)
    return factors


def slowdown_factor(call_path: str) -> int:
    """How many times the timed function repeats `call_path`: 1 unless injected."""
    return parse_slowdown(os.environ.get(SLOWDOWN_VARIABLE, "")).get(call_path, 1)


def make_call(model, call_path: str) -> CallFunction:
    """Return a function that runs `model` on a batch by `call_path` and returns NumPy."""
    if call_path not in CALL_PATHS:
        raise not_one_of("call path", call_path, CALL_PATHS)
    call = _BUILDERS[call_path](model)
    repeats = slowdown_factor(call_path)
    if repeats == 1:
        return call

    def repeated(inputs):
        for _ in range(repeats - 1):
            call(inputs)
        return call(inputs)

    return repeated


def _predict(model) -> CallFunction:
    return lambda inputs: model.predict(inputs, batch_size=len(inputs), verbose=0)


def _predict_on_batch(model) -> CallFunction:
    return model.predict_on_batch


def _call(model) -> CallFunction:
    import keras

    return lambda inputs: _to_numpy(keras, model(inputs, training=False))


def _jit_compile(model) -> CallFunction:
    import keras

    backend = backend_name()
    if backend == "tensorflow":
        import tensorflow as tf

        compiled = tf.function(lambda inputs: model(inputs, training=False), jit_compile=True)
        return lambda inputs: _to_numpy(keras, compiled(inputs))
    if backend == "jax":
        import jax

        # stateless_call takes the weights as arguments, so jax.jit traces a pure function.
        def forward(trainable, non_trainable, inputs):
            outputs, _ = model.stateless_call(trainable, non_trainable, inputs, training=False)
            return outputs

        compiled = jax.jit(forward)
        trainable = [variable.value for variable in model.trainable_variables]
        non_trainable = [variable.value for variable in model.non_trainable_variables]
        return lambda inputs: _to_numpy(keras, compiled(trainable, non_trainable, inputs))
    raise not_one_of("backend for call path jit_compile", backend, XLA_BACKENDS)


def _to_numpy(keras, results):
    # Copying to NumPy waits for the device, so the timing covers the whole computation.
    if isinstance(results, (list, tuple)):
        return [keras.ops.convert_to_numpy(result) for result in results]
    return keras.ops.convert_to_numpy(results)


_BUILDERS: dict[str, Callable[[object], CallFunction]] = {
    "predict": _predict,
    "predict_on_batch": _predict_on_batch,
    "call": _call,
    "jit_compile": _jit_compile,
}
