@gru @bidirectional
Feature: Bidirectional GRU: joined output, one h per direction
  A Bidirectional GRU joins its outputs exactly as a Bidirectional LSTM does: forward
  then backward on the last axis, (batch, 2 × units) or (batch, timesteps, 2 × units).

  Its states follow the GRU rule: one h per direction and no c. With return_state it
  returns output, h_forward, h_backward, each state (batch, units). The forward h is
  the forward half of the last step, and the backward h is the backward half of the
  first step, where the backward direction finishes.

  Scenario Outline: The output is forward and backward concatenated
    Given an input of shape <input>
    And a GRU layer with <units> units
    And return_sequences is <return_sequences>
    And the layer is wrapped in Bidirectional
    When the layer reads the batch
    Then the layer returns output
    And the output shape is <rule>
    And the output shape is <shape>

    Examples: The lesson's dimensions and others
      | case              | input     | units | return_sequences | rule                          | shape     |
      | lesson            | (2, 5, 1) | 3     | False            | (batch, 2 × units)            | (2, 6)    |
      | lesson, sequences | (2, 5, 1) | 3     | True             | (batch, timesteps, 2 × units) | (2, 5, 6) |
      | other             | (3, 4, 2) | 7     | False            | (batch, 2 × units)            | (3, 14)   |
      | other, sequences  | (3, 4, 2) | 7     | True             | (batch, timesteps, 2 × units) | (3, 4, 14) |

  Scenario Outline: return_state adds one h per direction, forward first
    Given an input of shape <input>
    And a GRU layer with <units> units
    And return_sequences is <return_sequences>
    And return_state is True
    And the layer is wrapped in Bidirectional
    When the layer reads the batch
    Then the layer returns output, h_forward and h_backward
    And the output shape is <shape>
    And each state shape is (batch, units)
    And <forward_end> equals h_forward
    And <backward_end> equals h_backward

    Examples: The lesson's dimensions and others
      | case              | input     | units | return_sequences | shape      | forward_end                                     | backward_end                                      |
      | lesson            | (2, 5, 1) | 3     | False            | (2, 6)     | the forward half of the output                  | the backward half of the output                   |
      | lesson, sequences | (2, 5, 1) | 3     | True             | (2, 5, 6)  | the forward half of the last step of the output | the backward half of the first step of the output |
      | other             | (3, 4, 2) | 7     | False            | (3, 14)    | the forward half of the output                  | the backward half of the output                   |
      | other, sequences  | (3, 4, 2) | 7     | True             | (3, 4, 14) | the forward half of the last step of the output | the backward half of the first step of the output |
