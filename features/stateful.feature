@stateful
Feature: stateful=True: the states carry from one call to the next
  By default each call of a recurrent layer starts from states of zeros, so two calls
  are independent. With stateful=True the layer keeps its final states and starts the
  next call from them: sample i of one batch continues sample i of the previous batch.
  So reading a batch in two halves, one call each, returns what one call over the whole
  batch returns: the same output and the same final states.

  The kept states have a fixed shape, (batch, units), so a stateful layer needs a fixed
  batch size: keras.Input(shape=(timesteps, features), batch_size=batch). Without one,
  Keras rejects the model when it is built: "the batch size must be static".

  layer.reset_states() sets the kept states back to zeros, so the next call reads as if
  the layer were new. In Keras 3 it is a method of the recurrent layer; keras.Model has
  no reset_states (see the migration feature).

  Scenario Outline: A stateful layer needs a fixed batch size
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And stateful is True
    When Keras is asked to <request>
    Then <result>

    Examples: Rejected without a batch size, accepted with one
      | case                     | input     | layer | units | request                                 | result                                                                  |
      | lesson, no batch size    | (2, 5, 1) | LSTM  | 3     | build the model                         | Keras rejects it with ValueError mentioning "batch size must be static" |
      | other, no batch size     | (3, 7, 4) | GRU   | 2     | build the model                         | Keras rejects it with ValueError mentioning "batch size must be static" |
      | lesson, fixed batch size | (2, 5, 1) | LSTM  | 3     | build the model with a fixed batch size | Keras accepts it                                                        |

  Scenario Outline: Two calls on the halves return what one call on the whole batch returns
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_state is True
    And stateful is True
    When the layer reads the batch in two halves
    And a copy with stateful False reads the batch
    Then the output is the same in both runs
    And <state> is the same in both runs

    Examples: The lesson's dimensions and others
      | case             | input     | layer     | units | state |
      | lesson, LSTM h   | (2, 6, 1) | LSTM      | 3     | h     |
      | lesson, LSTM c   | (2, 6, 1) | LSTM      | 3     | c     |
      | lesson, GRU      | (2, 6, 1) | GRU       | 3     | h     |
      | other, SimpleRNN | (3, 8, 4) | SimpleRNN | 2     | h     |

  Scenario Outline: reset_states between the calls forgets the first half
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_state is True
    And stateful is True
    When the layer reads the batch in two halves, with its states reset between them
    And a copy reads the second half of the batch
    Then the output is the same in both runs
    And h is the same in both runs

    Examples: The lesson's dimensions and others
      | case         | input     | layer | units |
      | lesson, LSTM | (2, 6, 1) | LSTM  | 3     |
      | other, GRU   | (3, 8, 4) | GRU   | 2     |

  Scenario Outline: After reset_states the second half no longer continues the first
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_state is True
    And stateful is True
    When the layer reads the batch in two halves, with its states reset between them
    And a copy with stateful False reads the batch
    Then the output differs between the runs
    And h differs between the runs

    Examples: The lesson's dimensions and others
      | case         | input     | layer | units |
      | lesson, LSTM | (2, 6, 1) | LSTM  | 3     |
      | other, GRU   | (3, 8, 4) | GRU   | 2     |
