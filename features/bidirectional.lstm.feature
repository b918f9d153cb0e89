@lstm @bidirectional @lesson
Feature: Bidirectional LSTM: forward and backward, joined
  Bidirectional runs two copies of a layer over the same sequence: one forward, from the
  first step to the last, and one backward, from the last step to the first. Each copy
  has its own weights.

  The output joins the two on the last axis, forward first (merge_mode concat, the
  default), so it is twice as wide: (batch, 2 × units) with return_sequences False and
  (batch, timesteps, 2 × units) with return_sequences True. At each step the backward
  half is aligned to the same input step as the forward half.

  The states are not joined: with return_state, each direction returns its own, forward
  first: output, h_forward, c_forward, h_backward, c_backward, each state (batch, units).
  The lesson calls them h1, c1, h2, c2. The forward h is the forward half of the last
  step; the backward direction finishes at step 0, so the backward h is the backward half
  of the first step.

  The lesson's last cell is labelled "return_sequences=True, return_state=True", but it
  passes return_state alone, so it ran with return_sequences False and printed an output
  of (2, 6). Both cases are stated below: the cell as it ran and the cell as labelled,
  whose output is (2, 5, 6).

  Scenario Outline: The output is forward and backward concatenated
    Given an input of shape <input>
    And an LSTM layer with <units> units
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
      | other             | (4, 6, 3) | 5     | False            | (batch, 2 × units)            | (4, 10)   |
      | other, sequences  | (4, 6, 3) | 5     | True             | (batch, timesteps, 2 × units) | (4, 6, 10) |

  Scenario Outline: return_state adds h and c of each direction, forward first
    Given an input of shape <input>
    And an LSTM layer with <units> units
    And return_sequences is <return_sequences>
    And return_state is True
    And the layer is wrapped in Bidirectional
    When the layer reads the batch
    Then the layer returns output, h_forward, c_forward, h_backward and c_backward
    And the output shape is <shape>
    And each state shape is (batch, units)
    And <forward_end> equals h_forward
    And <backward_end> equals h_backward
    And c_forward differs from h_forward
    And c_backward differs from h_backward

    Examples: The lesson's last cell as it ran, as it is labelled, and other dimensions
      | case                          | input     | units | return_sequences | shape      | forward_end                                     | backward_end                                     |
      | lesson's last cell as run     | (2, 5, 1) | 3     | False            | (2, 6)     | the forward half of the output                  | the backward half of the output                  |
      | lesson's last cell as labelled | (2, 5, 1) | 3     | True             | (2, 5, 6)  | the forward half of the last step of the output | the backward half of the first step of the output |
      | other                         | (4, 6, 3) | 5     | False            | (4, 10)    | the forward half of the output                  | the backward half of the output                  |
      | other, sequences              | (4, 6, 3) | 5     | True             | (4, 6, 10) | the forward half of the last step of the output | the backward half of the first step of the output |

  Scenario: The lesson's last cell, run with model.predict as the lesson runs it
    Given an input of shape (2, 5, 1)
    And an LSTM layer with 3 units
    And return_state is True
    And the layer is wrapped in Bidirectional
    When the model predicts the batch
    Then the layer returns output, h_forward, c_forward, h_backward and c_backward
    And the output shape is (2, 6)
    And each state shape is (2, 3)
