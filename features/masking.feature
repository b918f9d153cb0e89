@masking
Feature: Masking: padded steps are skipped
  Sequences of different lengths are padded to one length to share a batch. A user
  expects the padding not to count, and Keras skips it once the input carries a mask: a
  Masking layer masks every step whose features all equal its mask_value (0.0 here), and
  an Embedding with mask_zero=True masks every step whose token is 0. A recurrent layer
  that reads a masked step leaves its states as they were.

  So with trailing padding, the final states are those after the last real step: the
  same as for the sequences without their padding. With return_sequences, a plain layer
  repeats the last real step's output at each masked step, because the output at a step
  is the state, and it did not change. Bidirectional instead writes zeros at masked
  steps: Keras sets zero_output_for_mask on both directions when they return sequences.

  In a Bidirectional layer the backward direction starts at the last real step, not at
  the padding, so h_backward too is the same as for the sequences without padding.

  Scenario Outline: The final states are those after the last real step
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is True
    And return_state is True
    And the last <padding> steps of each sequence are padding, masked by <masker>
    When the model reads the batch
    And a copy reads the batch without its padding
    Then h is the same in both runs
    And the last step of the output is the same in both runs

    Examples: The lesson's dimensions and others
      | case                   | input     | layer | units | padding | masker                                 |
      | lesson, Masking, LSTM  | (2, 5, 1) | LSTM  | 3     | 2       | a Masking layer                        |
      | lesson, Embedding, GRU | (2, 5, 1) | GRU   | 3     | 2       | an Embedding layer with mask_zero True |
      | other, Masking, GRU    | (3, 8, 4) | GRU   | 2     | 3       | a Masking layer                        |
      | other, Embedding, LSTM | (3, 8, 4) | LSTM  | 2     | 1       | an Embedding layer with mask_zero True |

  Scenario Outline: A plain layer repeats the last real output at masked steps
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_sequences is True
    And the last 2 steps of each sequence are padding, masked by <masker>
    When the model reads the batch
    Then step <padded> of the output equals step <last_real> of the output
    And the last step of the output equals step <last_real> of the output
    And step <last_real> of the output differs from step <before_last_real> of the output

    Examples: Two padding steps at the end
      | case             | input     | layer | units | masker                                 | before_last_real | last_real | padded |
      | lesson, Masking  | (2, 5, 1) | LSTM  | 3     | a Masking layer                        | 1                | 2         | 3      |
      | other, Embedding | (3, 8, 4) | GRU   | 2     | an Embedding layer with mask_zero True | 4                | 5         | 6      |

  Scenario Outline: Bidirectional returns zeros at masked steps and the states of the real steps
    Given an input of shape <input>
    And an LSTM layer with <units> units
    And return_sequences is True
    And return_state is True
    And the layer is wrapped in Bidirectional
    And the last 2 steps of each sequence are padding, masked by <masker>
    When the model reads the batch
    And a copy reads the batch without its padding
    Then step <padded> of the output is all zeros
    And the last step of the output is all zeros
    And the forward half of step <last_real> of the output equals h_forward
    And h_forward is the same in both runs
    And h_backward is the same in both runs
    And c_backward is the same in both runs

    Examples: Two padding steps at the end
      | case             | input     | units | masker                                 | last_real | padded |
      | lesson, Masking  | (2, 5, 1) | 3     | a Masking layer                        | 2         | 3      |
      | other, Embedding | (3, 8, 4) | 2     | an Embedding layer with mask_zero True | 5         | 6      |
