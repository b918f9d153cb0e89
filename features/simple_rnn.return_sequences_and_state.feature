Feature: SimpleRNN return_sequences and return_state: the plainest recurrent layer
  SimpleRNN is a recurrent layer with no gates: at each step it computes
  h = tanh(x · kernel + h · recurrent_kernel + bias) and emits h as that step's output.
  Like GRU it keeps one state, h, and no cell state c.

  Its shapes follow the same rule as LSTM and GRU. return_sequences False returns the
  last step, (batch, units); True returns every step, (batch, timesteps, units).
  return_state adds h alone, (batch, units), after the output.

  Scenario Outline: return_sequences <return_sequences>, return_state <return_state>
    Given an input of shape <input>
    And a SimpleRNN layer with <units> units
    And return_sequences is <return_sequences>
    And return_state is <return_state>
    When the layer reads the batch
    Then the layer returns <names>
    And the output shape is <rule>
    And the output shape is <shape>

    Examples: The lesson's dimensions: batch 2, timesteps 5, features 1, units 3
      | case                 | input     | units | return_sequences | return_state | names        | rule                      | shape     |
      | lesson, last         | (2, 5, 1) | 3     | False            | False        | output       | (batch, units)            | (2, 3)    |
      | lesson, every        | (2, 5, 1) | 3     | True             | False        | output       | (batch, timesteps, units) | (2, 5, 3) |
      | lesson, last, state  | (2, 5, 1) | 3     | False            | True         | output and h | (batch, units)            | (2, 3)    |
      | lesson, every, state | (2, 5, 1) | 3     | True             | True         | output and h | (batch, timesteps, units) | (2, 5, 3) |

    Examples: Other dimensions, including one of each
      | case                | input     | units | return_sequences | return_state | names        | rule                      | shape     |
      | other, last, state  | (4, 7, 2) | 6     | False            | True         | output and h | (batch, units)            | (4, 6)    |
      | other, every, state | (4, 7, 2) | 6     | True             | True         | output and h | (batch, timesteps, units) | (4, 7, 6) |
      | ones, every         | (1, 1, 1) | 1     | True             | False        | output       | (batch, timesteps, units) | (1, 1, 1) |

  Scenario Outline: return_state True adds h, which the output's last step equals
    Given an input of shape <input>
    And a SimpleRNN layer with <units> units
    And return_sequences is <return_sequences>
    And return_state is True
    When the layer reads the batch
    Then the h shape is (batch, units)
    And the h shape is <h_shape>
    And <last_output> equals h

    Examples: The lesson's dimensions and others
      | case              | input     | units | return_sequences | h_shape | last_output                 |
      | lesson            | (2, 5, 1) | 3     | False            | (2, 3)  | the output                  |
      | lesson, sequences | (2, 5, 1) | 3     | True             | (2, 3)  | the last step of the output |
      | other, sequences  | (4, 7, 2) | 6     | True             | (4, 6)  | the last step of the output |
