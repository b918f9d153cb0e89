@benchmark
Feature: Benchmark: the cost of one forward pass on each call path
  The lesson times model.predict on a batch of two sequences and sees 190 to 360 ms per
  call. These scenarios time the same forward pass by four call paths, so a reader can
  see what each costs on their own hardware and notice when an upgrade made one slower:

    predict           model.predict(x, batch_size=len(x)), the lesson's way
    predict_on_batch  model.predict_on_batch(x), the compiled predict step on one batch
    call              model(x, training=False), a direct call; eager on TensorFlow
    jit_compile       the model call compiled with XLA: tf.function(jit_compile=True) on
                      TensorFlow, jax.jit on JAX

  Two sizes: the lesson's (batch 2, timesteps 5, features 1, units 3) and a realistic
  one (batch 64, timesteps 100, features 32, units 128). Each scenario runs on the CPU
  and on every GPU the backend lists; without a GPU its GPU case is skipped with that
  reason. The model is built and warmed up before the timing, and each scenario makes
  one timed call per round. A plain `pytest` runs each scenario once, untimed, as a
  smoke check; docs/benchmarks.md gives the timing and gating commands.

  The timed call must still return what the rule says, so each scenario checks the
  output shape: (batch, units), or (batch, 2 × units) for Bidirectional.

  Scenario Outline: LSTM and GRU, one call path timed
    Given an input of shape <input>
    And an <layer> layer with <units> units
    When the benchmark times <call_path> on each device
    Then the layer returns output
    And the output shape is (batch, units)
    And the output shape is <shape>

    Examples: The lesson's size
      | case                   | input     | layer | units | call_path        | shape  |
      | LSTM, predict          | (2, 5, 1) | LSTM  | 3     | predict          | (2, 3) |
      | LSTM, predict_on_batch | (2, 5, 1) | LSTM  | 3     | predict_on_batch | (2, 3) |
      | LSTM, call             | (2, 5, 1) | LSTM  | 3     | call             | (2, 3) |
      | LSTM, jit_compile      | (2, 5, 1) | LSTM  | 3     | jit_compile      | (2, 3) |
      | GRU, predict           | (2, 5, 1) | GRU   | 3     | predict          | (2, 3) |
      | GRU, predict_on_batch  | (2, 5, 1) | GRU   | 3     | predict_on_batch | (2, 3) |
      | GRU, call              | (2, 5, 1) | GRU   | 3     | call             | (2, 3) |
      | GRU, jit_compile       | (2, 5, 1) | GRU   | 3     | jit_compile      | (2, 3) |

    @realistic
    Examples: A realistic size
      | case                   | input         | layer | units | call_path        | shape     |
      | LSTM, predict          | (64, 100, 32) | LSTM  | 128   | predict          | (64, 128) |
      | LSTM, predict_on_batch | (64, 100, 32) | LSTM  | 128   | predict_on_batch | (64, 128) |
      | LSTM, call             | (64, 100, 32) | LSTM  | 128   | call             | (64, 128) |
      | LSTM, jit_compile      | (64, 100, 32) | LSTM  | 128   | jit_compile      | (64, 128) |
      | GRU, predict           | (64, 100, 32) | GRU   | 128   | predict          | (64, 128) |
      | GRU, predict_on_batch  | (64, 100, 32) | GRU   | 128   | predict_on_batch | (64, 128) |
      | GRU, call              | (64, 100, 32) | GRU   | 128   | call             | (64, 128) |
      | GRU, jit_compile       | (64, 100, 32) | GRU   | 128   | jit_compile      | (64, 128) |

  Scenario Outline: Bidirectional LSTM, one call path timed
    Given an input of shape <input>
    And an LSTM layer with <units> units
    And the layer is wrapped in Bidirectional
    When the benchmark times <call_path> on each device
    Then the layer returns output
    And the output shape is (batch, 2 × units)
    And the output shape is <shape>

    Examples: The lesson's size
      | case             | input     | units | call_path        | shape  |
      | predict          | (2, 5, 1) | 3     | predict          | (2, 6) |
      | predict_on_batch | (2, 5, 1) | 3     | predict_on_batch | (2, 6) |
      | call             | (2, 5, 1) | 3     | call             | (2, 6) |
      | jit_compile      | (2, 5, 1) | 3     | jit_compile      | (2, 6) |

    @realistic
    Examples: A realistic size
      | case             | input         | units | call_path        | shape     |
      | predict          | (64, 100, 32) | 128   | predict          | (64, 256) |
      | predict_on_batch | (64, 100, 32) | 128   | predict_on_batch | (64, 256) |
      | call             | (64, 100, 32) | 128   | call             | (64, 256) |
      | jit_compile      | (64, 100, 32) | 128   | jit_compile      | (64, 256) |
