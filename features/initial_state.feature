@initial_state
Feature: initial_state: where a recurrent layer starts
  A recurrent layer starts from states of zeros unless a call passes initial_state: a
  list of tensors, one per state, each (batch, units). An LSTM takes two, [h, c]; a GRU
  and a SimpleRNN take one, [h]. This is how an encoder hands what it read to a decoder:
  the encoder runs with return_state=True, and its final states become the decoder's
  initial_state. The decoder's units must therefore equal the encoder's.

  The final states hold everything the layer has read. So a layer that reads the first
  half of a batch and passes its final states as initial_state to its own call on the
  second half returns what one call over the whole batch returns. Without them, the
  second call starts from zeros and returns something else. The scenarios below use the
  layer as its own encoder and decoder, with the same weights, because that makes the
  decoder's result checkable: it must equal the one call over the whole batch.

  Bidirectional takes the states of both directions, forward first: [h_forward,
  c_forward, h_backward, c_backward] for an LSTM. The forward half of them starts the
  forward layer, so the forward direction continues the sequence. The backward layer
  starts from the other half, but it reads the second half from its end, so it does not
  continue anything.

  A wrong count of states is rejected by the eager call, with errors that say little:
  too few states fail with IndexError "list index out of range", too many with
  ValueError "Too few leaves". A wrong width is rejected by the TensorFlow backend's
  matrix product, with InvalidArgumentError "Matrix size-incompatible". These rows state
  the eager call path ("call the layer") and the TensorFlow backend.

  Upstream gaps in Keras 3.15.1: a symbolic call that builds a keras.Model accepts
  initial states of the wrong width or count without any error, and the model fails
  only when it is called. A GRU given two states, h and one more, accepts them and
  silently uses the first.

  Scenario Outline: The final states, passed on as initial_state, continue the sequence
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_state is True
    When the layer reads the batch in two halves, passing the states of the first half to the second as initial_state
    And a copy reads the batch
    Then the output is the same in both runs
    And <state> is the same in both runs

    Examples: The lesson's dimensions and others
      | case             | input     | layer     | units | state |
      | lesson, LSTM h   | (2, 6, 1) | LSTM      | 3     | h     |
      | lesson, LSTM c   | (2, 6, 1) | LSTM      | 3     | c     |
      | lesson, GRU      | (2, 6, 1) | GRU       | 3     | h     |
      | other, SimpleRNN | (3, 8, 4) | SimpleRNN | 2     | h     |

  Scenario Outline: Without initial_state the second half starts from zeros
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_state is True
    When the layer reads the batch in two halves, passing the states of the first half to the second as initial_state
    And a copy reads the second half of the batch
    Then the output differs between the runs
    And h differs between the runs

    Examples: The lesson's dimensions and others
      | case         | input     | layer | units |
      | lesson, LSTM | (2, 6, 1) | LSTM  | 3     |
      | other, GRU   | (3, 8, 4) | GRU   | 2     |

  Scenario Outline: Bidirectional gives the first half of its initial states to the forward layer
    Given an input of shape <input>
    And an LSTM layer with <units> units
    And return_state is True
    And the layer is wrapped in Bidirectional
    When the layer reads the batch in two halves, passing the states of the first half to the second as initial_state
    And a copy reads the batch
    Then h_forward is the same in both runs
    And c_forward is the same in both runs
    And the forward half of the output is the same in both runs
    And h_backward differs between the runs

    Examples: The lesson's dimensions and others
      | case   | input     | units |
      | lesson | (2, 6, 1) | 3     |
      | other  | (3, 8, 4) | 2     |

  Scenario Outline: The eager call takes one state per state of the layer, each (batch, units)
    Given an input of shape <input>
    And a <layer> layer with <units> units
    When Keras is asked to call the layer with <count> initial states of width <width>
    Then <result>

    Examples: Accepted: h and c for LSTM, h for GRU
      | case         | input     | layer | units | count | width | result           |
      | lesson, LSTM | (2, 5, 1) | LSTM  | 3     | 2     | 3     | Keras accepts it |
      | other, GRU   | (3, 7, 4) | GRU   | 2     | 1     | 2     | Keras accepts it |

    Examples: Rejected, on the eager call path
      | case               | input     | layer | units | count | width | result                                                                |
      | LSTM given h alone | (2, 5, 1) | LSTM  | 3     | 1     | 3     | Keras rejects it with IndexError mentioning "list index out of range" |

  @backend_gap:jax_state_count_type_error
  @backend_gap:tensorflow_state_count_message_before_keras_3_8
  Scenario Outline: The eager call rejects a third state for an LSTM
    Given an input of shape <input>
    And a <layer> layer with <units> units
    When Keras is asked to call the layer with <count> initial states of width <width>
    Then Keras rejects it with ValueError mentioning "Too few leaves"

    Examples: On the eager call path with the TensorFlow backend
      | case                    | input     | layer | units | count | width |
      | LSTM given three states | (3, 7, 4) | LSTM  | 2     | 3     | 2     |

  @backend_gap:jax_width_mismatch_type_error
  Scenario Outline: The eager call rejects states wider than units
    Given an input of shape <input>
    And a <layer> layer with <units> units
    When Keras is asked to call the layer with <count> initial states of width <width>
    Then Keras rejects it with InvalidArgumentError mentioning "Matrix size-incompatible"

    Examples: On the eager call path with the TensorFlow backend
      | case                     | input     | layer | units | count | width |
      | LSTM states one too wide | (2, 5, 1) | LSTM  | 3     | 2     | 4     |

  Scenario Outline: Bidirectional takes the states of both directions, forward first
    Given an input of shape <input>
    And an LSTM layer with <units> units
    And the layer is wrapped in Bidirectional
    When Keras is asked to call the layer with <count> initial states of width <units>
    Then <result>

    Examples: Four states for an LSTM in both directions, eager call path
      | case                    | input     | units | count | result                                                                |
      | both directions         | (2, 5, 1) | 3     | 4     | Keras accepts it                                                      |
      | the forward states only | (3, 7, 4) | 2     | 2     | Keras rejects it with IndexError mentioning "list index out of range" |

  @known_gap:initial_state_unchecked_when_built
  Scenario: Building a model rejects initial states of the wrong width
    Given an input of shape (2, 5, 1)
    And an LSTM layer with 3 units
    When Keras is asked to build the model with 2 initial states of width 4
    Then Keras rejects it with ValueError mentioning "state"

  @known_gap:gru_extra_initial_state_accepted
  Scenario: A GRU rejects a second initial state
    Given an input of shape (3, 7, 4)
    And a GRU layer with 2 units
    When Keras is asked to call the layer with 2 initial states of width 2
    Then Keras rejects it with ValueError mentioning "state"
