@bidirectional
Feature: Bidirectional merge_mode: how the two directions become the output
  Bidirectional runs a forward and a backward copy of the layer, each (batch, units) per
  step, and merge_mode decides how the two outputs become what the layer returns:

    concat, the default, joins them on the last axis, forward first: 2 × units wide.
    sum, mul and ave combine them element by element: forward + backward,
      forward × backward or (forward + backward) / 2, so the output stays units wide.
    None does not merge: the layer returns output_forward and output_backward apart.

  return_sequences decides the axes in front, as for a plain layer: (batch, ...) or
  (batch, timesteps, ...). merge_mode touches only the output: with return_state, the
  states of each direction follow unmerged, forward first, each (batch, units).

  Scenario Outline: merge_mode <merge_mode>, return_sequences <return_sequences>
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is <return_sequences>
    And the layer is wrapped in Bidirectional with merge_mode <merge_mode>
    When the layer reads the batch
    Then the layer returns output
    And the output shape is <rule>
    And the output shape is <shape>

    Examples: The lesson's dimensions: batch 2, timesteps 5, features 1, units 3
      | case        | input     | layer     | units | merge_mode | return_sequences | rule                          | shape     |
      | concat      | (2, 5, 1) | LSTM      | 3     | concat     | False            | (batch, 2 × units)            | (2, 6)    |
      | concat, seq | (2, 5, 1) | LSTM      | 3     | concat     | True             | (batch, timesteps, 2 × units) | (2, 5, 6) |
      | sum         | (2, 5, 1) | GRU       | 3     | sum        | False            | (batch, units)                | (2, 3)    |
      | sum, seq    | (2, 5, 1) | GRU       | 3     | sum        | True             | (batch, timesteps, units)     | (2, 5, 3) |
      | mul         | (2, 5, 1) | SimpleRNN | 3     | mul        | False            | (batch, units)                | (2, 3)    |
      | mul, seq    | (2, 5, 1) | SimpleRNN | 3     | mul        | True             | (batch, timesteps, units)     | (2, 5, 3) |
      | ave         | (2, 5, 1) | LSTM      | 3     | ave        | False            | (batch, units)                | (2, 3)    |
      | ave, seq    | (2, 5, 1) | LSTM      | 3     | ave        | True             | (batch, timesteps, units)     | (2, 5, 3) |

    Examples: Other dimensions
      | case          | input     | layer     | units | merge_mode | return_sequences | rule                          | shape      |
      | concat, other | (3, 4, 2) | GRU       | 7     | concat     | True             | (batch, timesteps, 2 × units) | (3, 4, 14) |
      | sum, other    | (3, 4, 2) | LSTM      | 7     | sum        | True             | (batch, timesteps, units)     | (3, 4, 7)  |
      | mul, other    | (3, 4, 2) | GRU       | 7     | mul        | False            | (batch, units)                | (3, 7)     |
      | ave, other    | (1, 1, 1) | SimpleRNN | 1     | ave        | True             | (batch, timesteps, units)     | (1, 1, 1)  |

  Scenario Outline: merge_mode None returns the directions apart, return_sequences <return_sequences>
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is <return_sequences>
    And the layer is wrapped in Bidirectional with merge_mode None
    When the layer reads the batch
    Then the layer returns output_forward and output_backward
    And the output_forward shape is <rule>
    And the output_backward shape is <rule>
    And the output_backward shape is <shape>

    Examples: The lesson's dimensions and others
      | case        | input     | layer | units | return_sequences | rule                      | shape     |
      | lesson      | (2, 5, 1) | LSTM  | 3     | False            | (batch, units)            | (2, 3)    |
      | lesson, seq | (2, 5, 1) | GRU   | 3     | True             | (batch, timesteps, units) | (2, 5, 3) |
      | other, seq  | (3, 4, 2) | LSTM  | 7     | True             | (batch, timesteps, units) | (3, 4, 7) |

  Scenario Outline: merge_mode <merge_mode> with return_state: the states stay unmerged
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_state is True
    And the layer is wrapped in Bidirectional with merge_mode <merge_mode>
    When the layer reads the batch
    Then the layer returns <names>
    And the output shape is <shape>
    And each state shape is (batch, units)

    Examples: The lesson's dimensions and others
      | case             | input     | layer     | units | merge_mode | names                                                   | shape   |
      | LSTM sum, lesson | (2, 5, 1) | LSTM      | 3     | sum        | output, h_forward, c_forward, h_backward and c_backward | (2, 3)  |
      | GRU ave, lesson  | (2, 5, 1) | GRU       | 3     | ave        | output, h_forward and h_backward                        | (2, 3)  |
      | SimpleRNN concat | (3, 4, 2) | SimpleRNN | 7     | concat     | output, h_forward and h_backward                        | (3, 14) |

  Scenario Outline: merge_mode None with return_state: two outputs, then the states
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_state is True
    And the layer is wrapped in Bidirectional with merge_mode None
    When the layer reads the batch
    Then the layer returns <names>
    And the output_forward shape is (batch, units)
    And the output_backward shape is (batch, units)
    And each state shape is <state_shape>

    Examples: The lesson's dimensions and others
      | case         | input     | layer | units | names                                                                            | state_shape |
      | LSTM, lesson | (2, 5, 1) | LSTM  | 3     | output_forward, output_backward, h_forward, c_forward, h_backward and c_backward | (2, 3)      |
      | GRU, other   | (3, 4, 2) | GRU   | 7     | output_forward, output_backward, h_forward and h_backward                        | (3, 7)      |
