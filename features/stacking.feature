@stacking
Feature: Stacking: a recurrent layer on a recurrent layer, and a head on top
  A recurrent layer reads a sequence, (batch, timesteps, features). To stack a second
  one on the first, the first must hand on a sequence: return_sequences=True, so that
  its output is (batch, timesteps, units). With the default return_sequences=False the
  first layer returns its last step alone, (batch, units), a 2-D tensor, and Keras
  rejects it when the model is built: the second layer's input spec wants 3 axes. The
  message says "expected ndim=3, found ndim=2".

  The top layer decides the model's output: (batch, stacked_units) with its default
  return_sequences=False. A Dense head then maps the last axis to head_units, as in a
  stacked LSTM classifier: (batch, head_units). TimeDistributed(Dense) applies the same
  Dense to every step of a sequence: (batch, timesteps, head_units). A plain Dense on a
  sequence also maps the last axis, so both give that shape.

  Scenario Outline: A second layer on a first that returns its last step alone is rejected
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And a <layer> layer with 4 units stacked on top
    When Keras is asked to build the model
    Then Keras rejects it with ValueError mentioning "expected ndim=3, found ndim=2"

    Examples: The lesson's dimensions and others
      | case         | input     | layer | units |
      | lesson, LSTM | (2, 5, 1) | LSTM  | 3     |
      | other, GRU   | (3, 7, 4) | GRU   | 2     |

  Scenario Outline: A first layer that returns sequences can be stacked on
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is True
    And a <layer> layer with <stacked> units stacked on top
    When the model reads the batch
    Then the output shape is (batch, stacked_units)
    And the output shape is <shape>

    Examples: The lesson's dimensions and others
      | case         | input     | layer | units | stacked | shape  |
      | lesson, LSTM | (2, 5, 1) | LSTM  | 3     | 4       | (2, 4) |
      | other, GRU   | (3, 7, 4) | GRU   | 2     | 6       | (3, 6) |

  Scenario Outline: A stacked LSTM with a Dense head returns (batch, head_units)
    Given an input of shape <input>
    And an LSTM layer with <units> units
    And return_sequences is True
    And an LSTM layer with <stacked> units stacked on top
    And a Dense head with <head> units
    When the model reads the batch
    Then the output shape is (batch, head_units)
    And the output shape is <shape>

    Examples: The lesson's dimensions and others
      | case   | input     | units | stacked | head | shape  |
      | lesson | (2, 5, 1) | 3     | 4       | 2    | (2, 2) |
      | other  | (3, 7, 4) | 8     | 5       | 1    | (3, 1) |

  Scenario Outline: A head on a sequence maps every step's last axis
    Given an input of shape <input>
    And an LSTM layer with <units> units
    And return_sequences is True
    And a <head> head with <head_units> units
    When the model reads the batch
    Then the output shape is (batch, timesteps, head_units)
    And the output shape is <shape>

    Examples: The lesson's dimensions and others
      | case                          | input     | units | head                  | head_units | shape     |
      | lesson, TimeDistributed Dense | (2, 5, 1) | 3     | TimeDistributed Dense | 2          | (2, 5, 2) |
      | other, TimeDistributed Dense  | (3, 7, 4) | 8     | TimeDistributed Dense | 5          | (3, 7, 5) |
      | lesson, Dense on the sequence | (2, 5, 1) | 3     | Dense                 | 2          | (2, 5, 2) |
