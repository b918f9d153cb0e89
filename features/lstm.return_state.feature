@lstm @lesson
Feature: LSTM return_state: the output, then h and c
  Besides its hidden state h, an LSTM carries a cell state c from step to step: the
  long-term memory its gates write to and read from. Both are (batch, units).

  return_state decides whether the final states come back:
    False, the default, returns the output alone.
    True returns three tensors, in this order: output, h, c.

  With return_sequences False the output is the last step's h, so output and h are
  equal in value, not only in shape. With return_sequences True as well, the output is
  (batch, timesteps, units) and its last step equals h. c is a different tensor: it is
  the memory, and h is the gated view of it.

  Scenario Outline: return_state False returns the output alone
    Given an input of shape <input>
    And an LSTM layer with <units> units
    And return_sequences is <return_sequences>
    And return_state is False
    When the layer reads the batch
    Then the layer returns output
    And the output shape is <shape>

    Examples: The lesson's dimensions and others
      | case               | input     | units | return_sequences | shape     |
      | lesson             | (2, 5, 1) | 3     | False            | (2, 3)    |
      | lesson, sequences  | (2, 5, 1) | 3     | True             | (2, 5, 3) |
      | other              | (3, 8, 4) | 2     | False            | (3, 2)    |
      | other, sequences   | (3, 8, 4) | 2     | True             | (3, 8, 2) |

  Scenario Outline: return_state True returns output, h and c in that order
    Given an input of shape <input>
    And an LSTM layer with <units> units
    And return_sequences is <return_sequences>
    And return_state is True
    When the layer reads the batch
    Then the layer returns output, h and c
    And the output shape is <rule>
    And the output shape is <shape>
    And each state shape is (batch, units)
    And <last_output> equals h
    And c differs from h

    Examples: The lesson's dimensions and others
      | case              | input     | units | return_sequences | rule                      | shape     | last_output                |
      | lesson            | (2, 5, 1) | 3     | False            | (batch, units)            | (2, 3)    | the output                 |
      | lesson, sequences | (2, 5, 1) | 3     | True             | (batch, timesteps, units) | (2, 5, 3) | the last step of the output |
      | other             | (3, 8, 4) | 2     | False            | (batch, units)            | (3, 2)    | the output                 |
      | other, sequences  | (3, 8, 4) | 2     | True             | (batch, timesteps, units) | (3, 8, 2) | the last step of the output |
      | single step       | (1, 1, 2) | 4     | True             | (batch, timesteps, units) | (1, 1, 4) | the last step of the output |

  Scenario: The lesson's cell, run with model.predict as the lesson runs it
    Given an input of shape (2, 5, 1)
    And an LSTM layer with 3 units
    And return_state is True
    When the model predicts the batch
    Then the layer returns output, h and c
    And the output shape is (2, 3)
    And each state shape is (2, 3)
    And the output equals h
    And c differs from h
