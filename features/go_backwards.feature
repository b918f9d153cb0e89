@go_backwards
Feature: go_backwards: the layer reads the last step first
  A user who sets go_backwards=True may expect the layer to read the sequence backwards
  and hand the output back in the input's time order. Keras reads it backwards and hands
  the output back in reading order: step 0 of the output comes after reading only the
  last input step, and the last step of the output after reading all of them.

  So a go_backwards layer returns exactly what the same layer, with the same weights and
  go_backwards=False, returns for the batch reversed in time, step for step. Its final
  state is what it holds after reading input step 0, and it is the last step of the
  output. The shapes are those of a forward layer: (batch, timesteps, units) with
  return_sequences. Bidirectional uses such a layer as its backward direction, and
  reverses its output again so that each step lines up with the forward one.

  Scenario Outline: go_backwards returns what a forward copy returns for the reversed batch
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is True
    And return_state is True
    And go_backwards is True
    When the model reads the batch
    And a copy with go_backwards False reads the batch reversed in time
    Then the output shape is (batch, timesteps, units)
    And the output shape is <shape>
    And the output is the same in both runs
    And h is the same in both runs
    And the last step of the output equals h

    Examples: The lesson's dimensions and others
      | case             | input     | layer     | units | shape     |
      | lesson, LSTM     | (2, 5, 1) | LSTM      | 3     | (2, 5, 3) |
      | lesson, GRU      | (2, 5, 1) | GRU       | 3     | (2, 5, 3) |
      | other, SimpleRNN | (3, 7, 4) | SimpleRNN | 2     | (3, 7, 2) |

  Scenario Outline: go_backwards is not the forward reading of the batch in order
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is True
    And go_backwards is True
    When the model reads the batch
    And a copy with go_backwards False reads the batch
    Then the output differs between the runs
    And the last step of the output differs between the runs

    Examples: The lesson's dimensions and others
      | case         | input     | layer | units |
      | lesson, LSTM | (2, 5, 1) | LSTM  | 3     |
      | other, GRU   | (3, 7, 4) | GRU   | 2     |

  Scenario Outline: Bidirectional rejects a layer that already reads backwards
    Keras 2 gave the backward direction the opposite of the layer's go_backwards, so a
    go_backwards layer became a Bidirectional whose "forward" direction read backwards.
    Keras 3 sets go_backwards True on the backward copy whatever the layer has, and then
    rejects two directions that read the same way.

    Given an input of shape (2, 5, 1)
    And a <layer> layer with 3 units
    And go_backwards is True
    When Keras is asked to wrap the layer in Bidirectional
    Then Keras rejects it with ValueError mentioning "should have different `go_backwards` value"

    Examples: Every recurrent layer
      | case      | layer     |
      | LSTM      | LSTM      |
      | GRU       | GRU       |
      | SimpleRNN | SimpleRNN |
