"""Devices the Keras backend lists, placement on one of them, and machine facts.

Device names are written "CPU:0", "GPU:0", the form `keras.device` accepts on every
backend (JAX lower-cases it, TensorFlow takes it as is).
"""

from __future__ import annotations

import importlib.metadata
import os
import time
from collections.abc import Callable

CPU = "CPU:0"
MATMUL_SIZE = 2048
MATMUL_REPEATS = 5


def backend_name() -> str:
    """The Keras backend in use, read without importing Keras when it is set."""
    name = os.environ.get("KERAS_BACKEND")
    if name:
        return name
    import keras

    return keras.backend.backend()


def list_gpus() -> list[str]:
    """Name every GPU the backend lists, in its order: ["GPU:0", "GPU:1"], or []."""
    backend = backend_name()
    if backend == "tensorflow":
        import tensorflow as tf

        return [f"GPU:{index}" for index, _ in enumerate(tf.config.list_logical_devices("GPU"))]
    if backend == "jax":
        import jax

        try:
            return [f"GPU:{device.id}" for device in jax.devices("gpu")]
        except RuntimeError:
            # JAX raises RuntimeError, not an empty list, when no GPU platform loaded.
            return []
    if backend == "torch":
        import torch

        return [f"GPU:{index}" for index in range(torch.cuda.device_count())]
    return []


def place(device: str):
    """Return the context manager that puts new variables and operations on `device`."""
    import keras

    return keras.device(device)


def package_version(name: str) -> str | None:
    """The installed version of a distribution, None when it is not installed."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def machine_facts() -> dict[str, object]:
    """The versions, backend and devices that a timing depends on."""
    return {
        "tensorflow": package_version("tensorflow"),
        "keras": package_version("keras"),
        "numpy": package_version("numpy"),
        "jax": package_version("jax"),
        "keras_backend": backend_name(),
        "devices": [CPU, *list_gpus()],
        "threads": {
            name: os.environ.get(name)
            for name in ("TF_NUM_INTRAOP_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")
        },
    }


def matmul_peak(
    device: str,
    size: int = MATMUL_SIZE,
    repeats: int = MATMUL_REPEATS,
    timer: Callable[[], float] = time.perf_counter,
) -> float:
    """Measure the float32 matrix-multiply rate on `device`, in GFLOP/s.

    Times `keras.ops.matmul` of two size × size matrices, the best of `repeats` calls
    after one untimed call, so it is the backend's own kernel on that device. Copying
    the product back to NumPy waits for the device to finish. That copy is inside the
    timing and costs an estimated 2% at size 2048 on a CPU. Pass the benchmarks' own
    `timer`, so that rates compared with this peak come from the same clock.
    """
    import keras
    import numpy as np

    generator = np.random.default_rng(0)
    with place(device):
        left = keras.ops.convert_to_tensor(generator.standard_normal((size, size)), "float32")
        right = keras.ops.convert_to_tensor(generator.standard_normal((size, size)), "float32")
        keras.ops.convert_to_numpy(keras.ops.matmul(left, right))
        best = float("inf")
        for _ in range(repeats):
            start = timer()
            keras.ops.convert_to_numpy(keras.ops.matmul(left, right))
            best = min(best, timer() - start)
    return 2 * size**3 / best / 1e9
