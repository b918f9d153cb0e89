@lstm @lesson
Feature: LSTM return_sequences: the last step or every step
  An LSTM reads a batch of sequences shaped (batch, timesteps, features), one time step
  after another, and keeps `units` numbers per sequence: its hidden state h. After each
  step it emits h as that step's output.

  return_sequences decides how many of those outputs come back:
    False, the default, returns the last step's output only: (batch, units).
    True returns the output of every step: (batch, timesteps, units).

  The features axis never reaches the output: units takes its place. Each scenario checks
  the shape Keras declares for a symbolic input whose batch is unknown, and the shape of
  the arrays a real call returns.

  Scenario Outline: return_sequences <return_sequences> returns <what>
    Given an input of shape <input>
    And an LSTM layer with <units> units
    And return_sequences is <return_sequences>
    When the layer reads the batch
    Then the layer returns output
    And the output shape is <rule>
    And the output shape is <shape>

    Examples: The lesson's dimensions: batch 2, timesteps 5, features 1, units 3
      | case                | input     | units | return_sequences | what             | rule                      | shape     |
      | lesson, last step   | (2, 5, 1) | 3     | False            | the last step    | (batch, units)            | (2, 3)    |
      | lesson, every step  | (2, 5, 1) | 3     | True             | every step       | (batch, timesteps, units) | (2, 5, 3) |

    Examples: Other dimensions, so that the rule is tested and not the numbers
      | case                | input     | units | return_sequences | what             | rule                      | shape     |
      | wide, last step     | (4, 7, 2) | 6     | False            | the last step    | (batch, units)            | (4, 6)    |
      | wide, every step    | (4, 7, 2) | 6     | True             | every step       | (batch, timesteps, units) | (4, 7, 6) |
      | one of each, last   | (1, 1, 1) | 1     | False            | the last step    | (batch, units)            | (1, 1)    |
      | one of each, every  | (1, 1, 1) | 1     | True             | every step       | (batch, timesteps, units) | (1, 1, 1) |

  Scenario: The lesson's cell, run with model.predict as the lesson runs it
    Given an input of shape (2, 5, 1)
    And an LSTM layer with 3 units
    And return_sequences is True
    When the model predicts the batch
    Then the layer returns output
    And the output shape is (2, 5, 3)
