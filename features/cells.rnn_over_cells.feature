@cells
Feature: RNN over cells: the loop and the step, apart
  LSTM, GRU and SimpleRNN are each a loop over timesteps around a cell, the code for
  one step. keras.layers.RNN takes the cell and runs the loop: RNN over an LSTMCell with
  3 units returns the shapes an LSTM with 3 units returns, (batch, units), and with
  return_state the output, h and c, flat: (output, h, c).

  Given a list of cells, RNN stacks them: at every step the input passes through each
  cell in turn, and the output is the last cell's, (batch, units of the last cell). With
  return_state, the states come one entry per cell, first cell first, each a list of
  that cell's states: (output, [h, c], [h]) for an LSTMCell then a GRUCell. Each state
  has its own cell's width.

  A cell called alone reads one step, (batch, features), with its states, and returns
  (output, [new states]): for an LSTMCell (output, [h, c]), each (batch, units), and
  the output is the new h.

  Upstream gap: in Keras 3.15.1 a symbolic call (the one that builds a keras.Model)
  drops the list around the states of a cell that has one state, so a model returns
  (output, [h, c], h) where an eager call of the layer returns (output, [h, c], [h]).

  Scenario Outline: RNN over one cell returns the output and that cell's states, flat
    Given an input of shape <input>
    And an RNN layer over <cell>
    And return_state is True
    When the model reads the batch
    Then the call returns the structure <structure>
    And the output shape is (batch, units)
    And the output shape is <shape>
    And each state shape is (batch, units)
    And the output equals h

    Examples: The lesson's dimensions and others
      | case                 | input     | cell                         | structure      | shape  |
      | lesson, LSTMCell     | (2, 5, 1) | an LSTMCell with 3 units     | (output, h, c) | (2, 3) |
      | lesson, GRUCell      | (2, 5, 1) | a GRUCell with 3 units       | (output, h)    | (2, 3) |
      | other, SimpleRNNCell | (3, 7, 4) | a SimpleRNNCell with 2 units | (output, h)    | (3, 2) |

  Scenario Outline: RNN over a list of cells nests the states one list per cell
    Given an input of shape <input>
    And an RNN layer over <cells>
    And return_state is True
    When the layer on its own reads the batch
    Then the call returns the structure <structure>
    And the output shape is <shape>
    And the <last_h> shape is <shape>
    And the output equals <last_h>

    Examples: The lesson's dimensions and others
      | case                  | input     | cells                                               | structure                                               | shape  | last_h        |
      | lesson, LSTM then GRU | (2, 5, 1) | an LSTMCell with 3 units and a GRUCell with 2 units | (output, [h_first_cell, c_first_cell], [h_second_cell]) | (2, 2) | h_second_cell |
      | other, two GRUCells   | (3, 7, 4) | a GRUCell with 5 units and a GRUCell with 2 units   | (output, [h_first_cell], [h_second_cell])               | (3, 2) | h_second_cell |

  Scenario Outline: Each cell's states have that cell's width
    Given an input of shape <input>
    And an RNN layer over an LSTMCell with <first> units and a GRUCell with <units> units
    And return_state is True
    When the layer on its own reads the batch
    Then the h_first_cell shape is <first_shape>
    And the c_first_cell shape is <first_shape>
    And the h_second_cell shape is (batch, units)

    Examples: The lesson's dimensions and others
      | case   | input     | first | units | first_shape |
      | lesson | (2, 5, 1) | 3     | 2     | (2, 3)      |
      | other  | (3, 7, 4) | 6     | 4     | (3, 6)      |

  @known_gap:rnn_symbolic_single_state_unnested
  Scenario: A model of RNN over a list of cells nests each cell's states in a list
    Given an input of shape (2, 5, 1)
    And an RNN layer over an LSTMCell with 3 units and a GRUCell with 2 units
    And return_state is True
    When the model reads the batch
    Then the call returns the structure (output, [h_first_cell, c_first_cell], [h_second_cell])

  Scenario Outline: A cell called alone reads one step and returns (output, [states])
    Given an input of shape <input>
    And an RNN layer over <cell>
    When the cell reads the first step
    Then the call returns the structure <structure>
    And the output shape is (batch, units)
    And the output shape is <shape>
    And each state shape is (batch, units)
    And the output equals h

    Examples: The lesson's dimensions and others
      | case             | input     | cell                     | structure        | shape  |
      | lesson, LSTMCell | (2, 5, 1) | an LSTMCell with 3 units | (output, [h, c]) | (2, 3) |
      | other, GRUCell   | (3, 7, 4) | a GRUCell with 2 units   | (output, [h])    | (3, 2) |
