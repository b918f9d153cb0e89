@migration
Feature: Keras 2 to Keras 3: recurrent-layer code that no longer runs, and what replaces it
  Code written for Keras 2 (tf.keras before TensorFlow 2.16) often fails under Keras 3
  at the first line that builds a recurrent layer, because Keras 3 rejects keyword
  arguments it does not know, with ValueError "Unrecognized keyword arguments passed to
  LSTM" (or to GRU, SimpleRNN):

    batch_input_shape=(batch, timesteps, features): write
      keras.Input(shape=(timesteps, features), batch_size=batch) instead, as a stateful
      layer needs;
    input_length=timesteps: drop it; the input's shape gives the timesteps;
    time_major=True: drop it and transpose a (timesteps, batch, features) tensor to
      (batch, timesteps, features) with keras.ops.transpose(x, (1, 0, 2)).

  Model.reset_states() is gone: keras.Model has no such attribute. Call reset_states()
  on each stateful recurrent layer instead (see the stateful feature).

  A layer with return_state returns a tuple, (output, h, c), where Keras 2 returned a
  list, [output, h, c]. Unpacking works as before; code that adds a list to it, such as
  result[1:] + [x], raises TypeError and must convert it with list(...) first.

  Scenario Outline: Keras 3 rejects Keras 2 arguments of a recurrent layer
    Given an input of shape (2, 5, 1)
    And a <layer> layer with 3 units
    When Keras is asked to create the layer with <argument> <value>
    Then Keras rejects it with ValueError mentioning "Unrecognized keyword arguments passed to <layer>"

    Examples: Keras 2 arguments
      | case              | layer     | argument          | value     |
      | batch_input_shape | LSTM      | batch_input_shape | (2, 5, 1) |
      | input_length      | GRU       | input_length      | 5         |
      | time_major        | SimpleRNN | time_major        | True      |

  Scenario Outline: What Keras 3 accepts in their place
    Given an input of shape <input>
    And an LSTM layer with 3 units
    And stateful is <stateful>
    When Keras is asked to <request>
    Then Keras accepts it

    Examples: Keras 3 replacements
      | case                                     | input     | stateful | request                                 |
      | Input batch_size for batch_input_shape   | (2, 5, 1) | True     | build the model with a fixed batch size |
      | the input's timesteps for input_length   | (2, 5, 1) | False    | build the model                         |
      | the layer's reset_states for the model's | (2, 5, 1) | True     | reset the layer's states                |

  Scenario: Model.reset_states is gone
    Given an input of shape (2, 5, 1)
    And an LSTM layer with 3 units
    When Keras is asked to reset the model's states
    Then Keras rejects it with AttributeError mentioning "has no attribute 'reset_states'"

  Scenario Outline: return_state returns a tuple, not a list
    Given an input of shape <input>
    And a <layer> layer with <units> units
    And return_state is True
    When <run>
    Then the call returns the structure <structure>

    Examples: The lesson's dimensions and others
      | case                   | input     | layer | units | run                                  | structure      |
      | lesson, model call     | (2, 5, 1) | LSTM  | 3     | the model reads the batch            | (output, h, c) |
      | lesson, layer call     | (2, 5, 1) | LSTM  | 3     | the layer on its own reads the batch | (output, h, c) |
      | other, GRU, layer call | (3, 7, 4) | GRU   | 2     | the layer on its own reads the batch | (output, h)    |
