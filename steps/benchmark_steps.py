"""Benchmark steps and hooks: time one call path per scenario with pytest-benchmark.

Every scenario marked `benchmark` runs once per device: the CPU, and each GPU the
backend lists. Without a GPU, one GPU case per scenario is skipped with that reason.
With benchmarks disabled (the default run), `benchmark` calls the function once,
untimed, and no warm-up runs, so the smoke check costs one first call per scenario.
"""

from __future__ import annotations

import pytest
from pytest_bdd import parsers, when
from pytest_benchmark.utils import load_timer

from rnn_spec.bench.devices import CPU, backend_name, list_gpus, machine_facts, matmul_peak
from rnn_spec.bench.paths import CALL_PATHS, XLA_BACKENDS
from rnn_spec.bench.scenario import prepare, rates
from rnn_spec.errors import not_one_of

DEVICE_ARGUMENT = "bench_device"


def pytest_generate_tests(metafunc):
    """Run each benchmark scenario on the CPU and on every GPU the backend lists."""
    if metafunc.definition.get_closest_marker("benchmark") is None:
        return
    gpus = list_gpus()
    devices = [CPU, *gpus]
    if not gpus:
        reason = f"No GPU: the {backend_name()} backend lists none, so GPU timings are not taken."
        devices.append(pytest.param("GPU", marks=pytest.mark.skip(reason=reason)))
    # pytest-bdd resolves step arguments at run time, so the test function does not
    # name this argument; it must join the fixture closure to be parametrized.
    if DEVICE_ARGUMENT not in metafunc.fixturenames:
        metafunc.fixturenames.append(DEVICE_ARGUMENT)
    metafunc.parametrize(DEVICE_ARGUMENT, devices)


def pytest_benchmark_update_machine_info(config, machine_info):
    """Name the TensorFlow, Keras and NumPy versions, the backend and the devices."""
    machine_info["rnn_spec"] = machine_facts()


def pytest_benchmark_update_json(config, benchmarks, output_json):
    """Add each device's measured float32 matmul peak, in GFLOP/s, to the JSON.

    It is timed with the benchmarks' timer. It varies from run to run, so it stays out
    of machine_info, which pytest-benchmark compares between runs.
    """
    devices = output_json["machine_info"]["rnn_spec"]["devices"]
    # load_timer returns a NameWrapper around the clock function; .target is the clock.
    timer = load_timer(config.getoption("benchmark_timer")).target
    output_json["matmul_peak_gflop_per_second"] = {
        device: round(matmul_peak(device, timer=timer), 1) for device in devices
    }


@when(
    parsers.re(r"the benchmark times (?P<call_path>\S+) on each device"),
    target_fixture="outcome",
)
def benchmark_times(benchmark, config, input_shape, call_path, bench_device):
    check_call_path(call_path)
    prepared = prepare(config, input_shape, call_path, bench_device)
    benchmark.group = prepared.group
    # The group names the model and device, so within it the call path names the row.
    benchmark.name = call_path
    benchmark.extra_info.update(prepared.extra_info())
    if benchmark.enabled:
        prepared.warm_up()

    results = benchmark(prepared.run)

    if benchmark.enabled:
        benchmark.extra_info.update(rates(benchmark.extra_info, benchmark.stats.stats.median))
    return prepared.outcome(results)


def check_call_path(call_path: str) -> None:
    """Reject an unknown call path; skip jit_compile where the backend has no XLA call."""
    if call_path not in CALL_PATHS:
        raise not_one_of("call path", call_path, CALL_PATHS)
    if call_path == "jit_compile" and backend_name() not in XLA_BACKENDS:
        pytest.skip(f"The {backend_name()} backend has no XLA-compiled call path here.")
