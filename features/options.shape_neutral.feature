@options
Feature: Options that leave the shapes alone: dropout, recurrent_dropout and unroll
  Some options change how a recurrent layer computes, never what it returns. Their
  shapes are those of the same layer without them: (batch, timesteps, units) with
  return_sequences, and (batch, units) for each state.

  dropout drops input features and recurrent_dropout drops entries of the previous h,
  each with its rate, during training only: a call in training mode returns other values
  than the same layer without dropout, and an inference call (training=False, as
  model.predict and the calls here use) returns the same values.

  unroll=True writes the loop over timesteps out as one step after another. The Keras
  docstring says this can speed up short sequences at the cost of memory, and it needs a
  fixed number of timesteps. It is the same computation: the same weights give the same
  output and states as the loop.

  Scenario Outline: Dropout keeps the shapes, and an inference call ignores it
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is True
    And return_state is True
    And dropout is <dropout>
    And recurrent_dropout is <recurrent_dropout>
    When the model reads the batch
    And a copy with dropout 0.0 reads the batch
    Then the output shape is (batch, timesteps, units)
    And the output shape is <shape>
    And each state shape is (batch, units)
    And the output is the same in both runs
    And h is the same in both runs

    Examples: The lesson's dimensions and others
      | case                   | input     | layer | units | dropout | recurrent_dropout | shape     |
      | lesson, LSTM           | (2, 5, 1) | LSTM  | 3     | 0.5     | 0.5               | (2, 5, 3) |
      | other, GRU, input only | (3, 7, 4) | GRU   | 2     | 0.3     | 0.0               | (3, 7, 2) |

  Scenario Outline: Dropout keeps the shapes in training mode and changes the values
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is True
    And dropout is 0.5
    And recurrent_dropout is 0.5
    When the model reads the batch in training mode
    And a copy with dropout 0.0 reads the batch
    Then the output shape is (batch, timesteps, units)
    And the output shape is <shape>
    And the output differs between the runs

    Examples: The lesson's dimensions and others
      | case         | input     | layer | units | shape     |
      | lesson, LSTM | (2, 5, 1) | LSTM  | 3     | (2, 5, 3) |
      | other, GRU   | (3, 7, 4) | GRU   | 2     | (3, 7, 2) |

  Scenario Outline: unroll=True returns what the loop returns
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is True
    And return_state is True
    And unroll is True
    When the model reads the batch
    And a copy with unroll False reads the batch
    Then the output shape is (batch, timesteps, units)
    And the output shape is <shape>
    And the output is the same in both runs
    And h is the same in both runs

    Examples: The lesson's dimensions and others
      | case             | input     | layer     | units | shape     |
      | lesson, LSTM     | (2, 5, 1) | LSTM      | 3     | (2, 5, 3) |
      | lesson, GRU      | (2, 5, 1) | GRU       | 3     | (2, 5, 3) |
      | other, SimpleRNN | (3, 7, 4) | SimpleRNN | 2     | (3, 7, 2) |
