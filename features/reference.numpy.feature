Feature: Keras computes what a NumPy forward pass computes from the same weights
  The shape rules say how many numbers come back. This feature says which numbers: a
  forward pass written in NumPy, from the layer's own weights, must agree with Keras
  within 1e-5 absolute on every tensor the layer returns. With TensorFlow 2.21 and
  Keras 3.15.1 the two differ by at most about 4e-7 at both sizes below, from float32
  rounding. So a change in the maths of a step, a gate or the order the backward
  direction is returned in shows up here even when every shape stays the same.

  The reference follows Keras' equations, with tanh as the activation and sigmoid for
  the gates:
    LSTM keeps the gates in the order i, f, c, o in its kernel, recurrent_kernel and bias.
      c = f × c + i × tanh(candidate), then h = o × tanh(c).
    GRU keeps z, r, h. With reset_after True, the Keras 3 default, the reset gate scales
      the recurrent term after its matrix product and the bias is (2, 3 × units). With
      reset_after False it scales h before the product and the bias is (3 × units,).
    SimpleRNN computes h = tanh(x · kernel + h · recurrent_kernel + bias).
  go_backwards reads the last step first and returns the steps in the order it read
  them. Bidirectional runs the same step backwards with the backward layer's weights and
  flips the backward sequence back into input order before it merges.

  Scenario Outline: <layer> agrees with the reference
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is <return_sequences>
    And return_state is True
    When the layer reads the batch
    Then every tensor matches the NumPy reference within 1e-5

    Examples: The lesson's size
      | case              | input     | layer     | units | return_sequences |
      | LSTM, lesson      | (2, 5, 1) | LSTM      | 3     | False            |
      | SimpleRNN, lesson | (2, 5, 1) | SimpleRNN | 3     | False            |
      | LSTM, lesson, seq | (2, 5, 1) | LSTM      | 3     | True             |

    Examples: A larger size
      | case              | input      | layer     | units | return_sequences |
      | LSTM, larger      | (8, 20, 6) | LSTM      | 16    | True             |
      | SimpleRNN, larger | (8, 20, 6) | SimpleRNN | 16    | True             |

  Scenario Outline: GRU agrees with the reference, reset_after <reset_after>
    Given an input of shape <input>
    And a GRU layer with <units> units
    And reset_after is <reset_after>
    And return_sequences is <return_sequences>
    And return_state is True
    When the layer reads the batch
    Then every tensor matches the NumPy reference within 1e-5

    Examples: The lesson's size and a larger one
      | case                 | input      | units | reset_after | return_sequences |
      | reset after, lesson  | (2, 5, 1)  | 3     | True        | False            |
      | reset before, lesson | (2, 5, 1)  | 3     | False       | False            |
      | reset after, larger  | (8, 20, 6) | 16    | True        | True             |
      | reset before, larger | (8, 20, 6) | 16    | False       | True             |

  Scenario Outline: <layer> reading backwards agrees with the reference
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And go_backwards is True
    And return_sequences is True
    And return_state is True
    When the layer reads the batch
    Then every tensor matches the NumPy reference within 1e-5

    Examples: The lesson's size and a larger one
      | case              | input      | layer     | units |
      | LSTM, lesson      | (2, 5, 1)  | LSTM      | 3     |
      | GRU, larger       | (8, 20, 6) | GRU       | 16    |
      | SimpleRNN, larger | (8, 20, 6) | SimpleRNN | 16    |

  Scenario Outline: Bidirectional <layer> with merge_mode <merge_mode> agrees with the reference
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is <return_sequences>
    And return_state is True
    And the layer is wrapped in Bidirectional with merge_mode <merge_mode>
    When the layer reads the batch
    Then every tensor matches the NumPy reference within 1e-5

    Examples: Every merge mode, the lesson's size and a larger one
      | case                     | input      | layer     | units | return_sequences | merge_mode |
      | LSTM concat, lesson, seq | (2, 5, 1)  | LSTM      | 3     | True             | concat     |
      | GRU concat, lesson       | (2, 5, 1)  | GRU       | 3     | False            | concat     |
      | SimpleRNN sum, lesson    | (2, 5, 1)  | SimpleRNN | 3     | True             | sum        |
      | GRU mul, larger          | (8, 20, 6) | GRU       | 16    | True             | mul        |
      | LSTM ave, larger         | (8, 20, 6) | LSTM      | 16    | False            | ave        |
      | LSTM None, larger        | (8, 20, 6) | LSTM      | 16    | True             | None       |
