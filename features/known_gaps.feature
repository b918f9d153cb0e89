@bidirectional
Feature: Known gaps: where Keras' symbolic and real shapes disagree
  Keras states every output twice: symbolically, when a layer is called on a
  keras.Input to build a model, and really, when it is called on an array. The two
  agree for every layer, flag and merge_mode in the other features. This feature
  records where they do not, as Keras 3.15.1 behaves, and states the rule a real call
  follows. Each tagged scenario runs as a strict expected failure with its reason: it
  must fail today, with a broken rule, and the day Keras fixes the gap it passes, the
  run fails and says so.

  Bidirectional accepts a backward_layer of its own. A real call then follows that
  layer: concat is (batch, units + backward_units) wide, and the backward states are
  the backward layer's, in its class and units. The symbolic shapes are derived from
  the forward layer alone, as if the backward layer were its copy.

  A backward layer of another class with the same units and no states is a case where
  the two agree: both outputs are (batch, units) per step, so the merged shape holds.

  SEE ALSO: features/cells.rnn_over_cells.feature, where RNN over a list of cells
  nests states differently in a symbolic and an eager call.

  @known_gap:bidirectional_backward_units
  Scenario Outline: A backward layer of other units makes concat units + backward_units wide
    Given an input of shape <input>
    And an LSTM layer with <units> units
    And return_sequences is <return_sequences>
    And the layer is wrapped in Bidirectional
    And its backward layer is an LSTM layer with <backward_units> units
    When the layer reads the batch
    Then the output shape is <rule>
    And the output shape is <shape>

    Examples: The lesson's dimensions with a wider backward layer
      | case              | input     | units | backward_units | return_sequences | rule                                       | shape     |
      | lesson            | (2, 5, 1) | 3     | 5              | False            | (batch, units + backward_units)            | (2, 8)    |
      | lesson, sequences | (2, 5, 1) | 3     | 5              | True             | (batch, timesteps, units + backward_units) | (2, 5, 8) |

  @known_gap:bidirectional_backward_units
  Scenario: merge_mode None returns a backward output as wide as the backward layer
    Given an input of shape (3, 4, 2)
    And a GRU layer with 2 units
    And the layer is wrapped in Bidirectional with merge_mode None
    And its backward layer is a GRU layer with 6 units
    When the layer reads the batch
    Then the layer returns output_forward and output_backward
    And the output_backward shape is (batch, backward_units)
    And the output_backward shape is (3, 6)

  @known_gap:bidirectional_backward_class_states
  Scenario: A GRU backward layer under an LSTM returns one backward state, not two
    Given an input of shape (2, 5, 1)
    And an LSTM layer with 3 units
    And return_state is True
    And the layer is wrapped in Bidirectional
    And its backward layer is a GRU layer with 3 units
    When the layer reads the batch
    Then the layer returns output, h_forward, c_forward and h_backward

  Scenario Outline: A backward layer of another class and the same units agrees
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is <return_sequences>
    And the layer is wrapped in Bidirectional
    And its backward layer is a <backward> layer with <units> units
    When the layer reads the batch
    Then the layer returns output
    And the output shape is <rule>
    And the output shape is <shape>

    Examples: The lesson's dimensions and others
      | case                 | input     | layer | backward  | units | return_sequences | rule                          | shape     |
      | LSTM and GRU, lesson | (2, 5, 1) | LSTM  | GRU       | 3     | False            | (batch, 2 × units)            | (2, 6)    |
      | GRU and SimpleRNN    | (3, 4, 2) | GRU   | SimpleRNN | 4     | True             | (batch, timesteps, 2 × units) | (3, 4, 8) |
