"""A scenario that checks nothing, or uses an undefined step, fails the run."""

import numpy as np

from rnn_spec.keras_errors import raised_by_keras
from tests.spec_runner import run_feature_text

LAYER_STEPS = """
    Given an input of shape (2, 5, 1)
    And an LSTM layer with 3 units
    When the layer reads the batch
"""


def test_scenario_without_then_fails(pytester):
    result = run_feature_text(
        pytester, f"Feature: Sample\n  Scenario: Runs but checks nothing\n{LAYER_STEPS}"
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(['*Scenario "Runs but checks nothing"*has no Then step*'])


def test_scenario_without_steps_fails(pytester):
    result = run_feature_text(pytester, "Feature: Sample\n  Scenario: Empty\n")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(['*Scenario "Empty"*has no steps*'])


def test_undefined_step_fails(pytester):
    text = f"Feature: Sample\n  Scenario: Typo\n{LAYER_STEPS}    Then the outptu is wide\n"
    result = run_feature_text(pytester, text)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(['*Step definition is not found: Then "the outptu is wide"*'])


def test_valid_scenario_passes(pytester):
    text = (
        f"Feature: Sample\n  Scenario: Last step\n{LAYER_STEPS}"
        "    Then the layer returns output\n    And the output shape is (batch, units)\n"
    )
    result = run_feature_text(pytester, text)
    result.assert_outcomes(passed=1)


def test_invalid_layer_in_feature_named(pytester):
    text = (
        "Feature: Sample\n  Scenario: Typo in layer\n"
        "    Given an input of shape (2, 5, 1)\n    And an LTSM layer with 3 units\n"
        "    When the layer reads the batch\n    Then the layer returns output\n"
    )
    result = run_feature_text(pytester, text)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*SpecError: Invalid layer: 'LTSM'. Expected one of LSTM, GRU or SimpleRNN."]
    )


def test_malformed_input_shape_named(pytester):
    text = (
        "Feature: Sample\n  Scenario: Bad shape\n"
        "    Given an input of shape 2x5\n    And an LSTM layer with 3 units\n"
        "    When the layer reads the batch\n    Then the layer returns output\n"
    )
    result = run_feature_text(pytester, text)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*SpecError: Invalid shape: '2x5'.*"])


def test_wrong_stated_shape_reports_all(pytester):
    text = (
        "Feature: Sample\n  Scenario: Wrong statement\n"
        "    Given an input of shape (2, 5, 1)\n    And an LSTM layer with 3 units\n"
        "    When the layer reads the batch\n    Then the output shape is (2, 5, 3)\n"
    )
    result = run_feature_text(pytester, text)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*Feature statement wrong: the rule in rnn_spec and Keras agree, "
            "but the feature states another shape",
            "*Configuration: LSTM(units=3, return_sequences=False, return_state=False), "
            "input (2, 5, 1), call path call",
            "*output: the feature states (2, 5, 3), the rule derives (2, 3) (batch, units), "
            "declared (None, 3), observed (2, 3)*",
            '*Scenario: "Wrong statement" in *sample.feature, step "Then the output shape is (2, 5, 3)"',
        ]
    )


def test_cucumber_json_folder_created(pytester):
    text = (
        f"Feature: Sample\n  Scenario: Last step\n{LAYER_STEPS}"
        "    Then the layer returns output\n"
    )
    result = run_feature_text(pytester, text, "--cucumberjson=reports/cucumber.json")
    result.assert_outcomes(passed=1)
    assert (pytester.path / "reports" / "cucumber.json").is_file()


def test_keras_error_in_step_names_rule(pytester):
    text = (
        "Feature: Sample\n  Scenario: The model reads a longer batch\n"
        "    Given an input of shape (2, 5, 1)\n    And an LSTM layer with 3 units\n"
        "    When the model reads a batch of 7 timesteps\n    Then the layer returns output\n"
    )
    result = run_feature_text(pytester, text)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*ValueError: Input 0 *is incompatible with the layer*",
            "*Rule broken: The model reads a longer batch",
            "*Configuration: LSTM(units=3, return_sequences=False, return_state=False), "
            "input (2, 5, 1)",
            '*Keras raised ValueError in "When the model reads a batch of 7 timesteps", '
            "so no result reached the Then steps.",
        ]
    )


def test_own_error_not_blamed_on_keras():
    try:
        1 / 0
    except ZeroDivisionError as error:
        raised = error

    assert not raised_by_keras(raised)


def test_keras_error_recognised():
    import keras

    try:
        keras.layers.LSTM(3)(np.zeros((2, 5)))
    except ValueError as error:
        raised = error

    assert raised_by_keras(raised)
