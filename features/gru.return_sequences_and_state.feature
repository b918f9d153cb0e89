@gru
Feature: GRU return_sequences and return_state: output and h, no cell state
  A GRU is the lesson's other recurrent layer. Like an LSTM it reads (batch, timesteps,
  features) and keeps a hidden state h of `units` numbers per sequence, but it has no
  separate cell state: its gates update h directly.

  return_sequences works as for LSTM: the last step, (batch, units), or every step,
  (batch, timesteps, units). return_state adds one tensor only, h, so a GRU returns
  output and h, where an LSTM returns output, h and c.

  As with LSTM, the output equals h when only the last step comes back, and the last
  step of the sequence equals h when every step does.

  Scenario Outline: return_sequences <return_sequences> without return_state
    Given an input of shape <input>
    And a GRU layer with <units> units
    And return_sequences is <return_sequences>
    When the layer reads the batch
    Then the layer returns output
    And the output shape is <rule>
    And the output shape is <shape>

    Examples: The lesson's dimensions and others
      | case              | input     | units | return_sequences | rule                      | shape     |
      | lesson            | (2, 5, 1) | 3     | False            | (batch, units)            | (2, 3)    |
      | lesson, sequences | (2, 5, 1) | 3     | True             | (batch, timesteps, units) | (2, 5, 3) |
      | other             | (4, 7, 2) | 6     | False            | (batch, units)            | (4, 6)    |
      | other, sequences  | (4, 7, 2) | 6     | True             | (batch, timesteps, units) | (4, 7, 6) |

  Scenario Outline: return_state True returns output and h, and no c
    Given an input of shape <input>
    And a GRU layer with <units> units
    And return_sequences is <return_sequences>
    And return_state is True
    When the layer reads the batch
    Then the layer returns output and h
    And the output shape is <shape>
    And the h shape is (batch, units)
    And <last_output> equals h

    Examples: The lesson's dimensions and others
      | case              | input     | units | return_sequences | shape     | last_output                 |
      | lesson            | (2, 5, 1) | 3     | False            | (2, 3)    | the output                  |
      | lesson, sequences | (2, 5, 1) | 3     | True             | (2, 5, 3) | the last step of the output |
      | other             | (4, 7, 2) | 6     | False            | (4, 6)    | the output                  |
      | other, sequences  | (4, 7, 2) | 6     | True             | (4, 7, 6) | the last step of the output |
