@variable_length
Feature: Variable length: timesteps None reads sequences of any length
  The weights of a recurrent layer do not depend on the number of timesteps: each step
  uses the same kernel, (features, units) per gate, and the same recurrent kernel. So a
  model declared with timesteps None, keras.Input(shape=(None, features)), reads a batch
  of any length. Its declared output is (None, None, units) with return_sequences, and
  each call returns the length of the batch it read: (batch, timesteps, units), or
  (batch, units) for the last step alone.

  The lengths may differ from one batch to the next, but not within one batch: sequences
  of different lengths in one batch are padded and masked (see the masking feature).

  Scenario Outline: One model reads batches of different lengths
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is <return_sequences>
    When the model reads a batch of <timesteps> timesteps
    Then the output shape is <rule>
    And the output shape is <shape>

    Examples: The lesson's dimensions, then other lengths read by the same model
      | case                    | input        | layer | units | return_sequences | timesteps | rule                      | shape      |
      | lesson length           | (2, None, 1) | LSTM  | 3     | True             | 5         | (batch, timesteps, units) | (2, 5, 3)  |
      | shorter                 | (2, None, 1) | LSTM  | 3     | True             | 2         | (batch, timesteps, units) | (2, 2, 3)  |
      | longer                  | (2, None, 1) | LSTM  | 3     | True             | 11        | (batch, timesteps, units) | (2, 11, 3) |
      | longer, last step alone | (2, None, 1) | LSTM  | 3     | False            | 11        | (batch, units)            | (2, 3)     |
      | other, GRU              | (3, None, 4) | GRU   | 2     | True             | 7         | (batch, timesteps, units) | (3, 7, 2)  |
      | other, one step         | (3, None, 4) | GRU   | 2     | True             | 1         | (batch, timesteps, units) | (3, 1, 2)  |
