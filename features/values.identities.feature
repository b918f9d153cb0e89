Feature: Value identities: which returned tensors hold the same numbers
  Shapes alone cannot tell h from c, or the forward half from the backward half. These
  rules are about values, and each follows from how a recurrent layer runs:

    The output at a step is h after that step. So with return_sequences False the output
    equals h, and with return_sequences True the last step of the output equals h.
    LSTM's c is the memory that h is a gated view of: a different tensor.
    Bidirectional's forward direction finishes at the last step, so the forward half of
    the last step equals h_forward. The backward direction reads from the last step to
    the first and finishes at step 0; its sequence is flipped back into input order, so
    the backward half of the first step equals h_backward. With return_sequences False,
    the backward half is that same final backward state, the view after reading step 0.
    merge_mode sum, mul and ave combine the two outputs that merge_mode None returns
    apart: forward + backward, forward × backward and (forward + backward) / 2.

  Each check compares values within 1e-6 absolute; two views of one float32 computation
  are equal to the bit.

  Scenario Outline: <layer> output is h, return_sequences <return_sequences>
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is <return_sequences>
    And return_state is True
    When the layer reads the batch
    Then <last_output> equals h

    Examples: Every layer, the last step and every step
      | case                  | input     | layer     | units | return_sequences | last_output                 |
      | LSTM, lesson          | (2, 5, 1) | LSTM      | 3     | False            | the output                  |
      | LSTM, lesson, seq     | (2, 5, 1) | LSTM      | 3     | True             | the last step of the output |
      | GRU, lesson           | (2, 5, 1) | GRU       | 3     | False            | the output                  |
      | GRU, other, seq       | (3, 4, 2) | GRU       | 4     | True             | the last step of the output |
      | SimpleRNN, lesson     | (2, 5, 1) | SimpleRNN | 3     | False            | the output                  |
      | SimpleRNN, other, seq | (3, 4, 2) | SimpleRNN | 4     | True             | the last step of the output |

  Scenario Outline: LSTM's c differs from h
    Given an input of shape <input>
    And an LSTM layer with <units> units
    And return_state is True
    When the layer reads the batch
    Then c differs from h
    And the output equals h

    Examples: The lesson's dimensions and others
      | case   | input     | units |
      | lesson | (2, 5, 1) | 3     |
      | other  | (3, 4, 2) | 4     |

  Scenario Outline: Bidirectional <layer> halves are the final states, return_sequences <return_sequences>
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is <return_sequences>
    And return_state is True
    And the layer is wrapped in Bidirectional
    When the layer reads the batch
    Then <forward_end> equals h_forward
    And <backward_end> equals h_backward

    Examples: Every step: forward ends at the last step, backward at the first
      | case                  | input     | layer     | units | return_sequences | forward_end                                     | backward_end                                      |
      | LSTM, lesson, seq     | (2, 5, 1) | LSTM      | 3     | True             | the forward half of the last step of the output | the backward half of the first step of the output |
      | SimpleRNN, other, seq | (3, 4, 2) | SimpleRNN | 4     | True             | the forward half of the last step of the output | the backward half of the first step of the output |

    Examples: The last step only: each half is its direction's final state
      | case             | input     | layer     | units | return_sequences | forward_end                    | backward_end                    |
      | GRU, lesson      | (2, 5, 1) | GRU       | 3     | False            | the forward half of the output | the backward half of the output |
      | SimpleRNN, other | (3, 4, 2) | SimpleRNN | 4     | False            | the forward half of the output | the backward half of the output |

  Scenario Outline: merge_mode None returns the two directions apart, in input order
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is True
    And return_state is True
    And the layer is wrapped in Bidirectional with merge_mode None
    When the layer reads the batch
    Then the last step of the output_forward equals h_forward
    And the first step of the output_backward equals h_backward

    Examples: The lesson's dimensions and others
      | case         | input     | layer | units |
      | LSTM, lesson | (2, 5, 1) | LSTM  | 3     |
      | GRU, other   | (3, 4, 2) | GRU   | 4     |

  Scenario Outline: merge_mode <merge_mode> is <combination> of the two directions
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is <return_sequences>
    And the layer is wrapped in Bidirectional with merge_mode <merge_mode>
    When the layer reads the batch
    And the same weights read the batch with merge_mode None
    Then the output is <combination> from merge_mode None

    Examples: Each element-wise merge mode, the lesson's dimensions and others
      | case             | input     | layer     | units | return_sequences | merge_mode | combination                            |
      | sum, lesson      | (2, 5, 1) | LSTM      | 3     | False            | sum        | output_forward + output_backward       |
      | sum, other, seq  | (3, 4, 2) | GRU       | 4     | True             | sum        | output_forward + output_backward       |
      | mul, lesson, seq | (2, 5, 1) | GRU       | 3     | True             | mul        | output_forward × output_backward       |
      | mul, other       | (3, 4, 2) | SimpleRNN | 4     | False            | mul        | output_forward × output_backward       |
      | ave, lesson      | (2, 5, 1) | SimpleRNN | 3     | False            | ave        | (output_forward + output_backward) / 2 |
      | ave, other, seq  | (3, 4, 2) | LSTM      | 4     | True             | ave        | (output_forward + output_backward) / 2 |
