@wrong_input
Feature: Wrong input: a rank other than 3, or features other than declared
  A recurrent layer reads (batch, timesteps, features): rank 3. Its input spec rejects
  any other rank when the layer is called, with ValueError "expected ndim=3, found
  ndim=2" for a 2-D batch and "found ndim=4" for a 4-D one.

  A keras.Model (a Functional model) checks its input against the declared
  keras.Input(shape=(timesteps, features)) first, and it is more lenient about rank: a
  batch one axis short, or with one extra axis of size 1 at the end, is reshaped to the
  declared rank when that axis is 1. So a model declared with features 1 reads a 2-D
  batch (batch, timesteps) as (batch, timesteps, 1), and a 4-D batch (batch, timesteps,
  features, 1) as (batch, timesteps, features). A batch with other features is rejected
  with ValueError "expected shape=(None, timesteps, features), found shape=(...)", and a
  2-D batch that cannot be reshaped with "Invalid input shape for input".

  Each scenario states its call path: "call" is an eager call, model(x) or layer(x), and
  "predict" is model.predict(x), which here raises the same types.

  The layer's own eager call does not check the features once it is built: a batch with
  other features fails in the kernel's matrix product, which the TensorFlow backend
  reports as InvalidArgumentError "Matrix size-incompatible".

  Upstream gaps in Keras 3.15.1: a model declared with features 1 does not check the
  features at all, because of the reshaping above. A batch with 2 features reaches the
  cell and fails there, with InvalidArgumentError under an eager call and ValueError
  "Dimensions must be equal" under predict, instead of the model's own ValueError. And
  on the TensorFlow backend the reshaping works under predict only for the first batch
  a model predicts: after one predict, a batch of another rank raises ValueError
  "as_list() is not defined on an unknown TensorShape", although the eager call still
  accepts it. On JAX the second predict reshapes it too.

  Where the JAX backend raises other error types, the scenario carries a backend_gap tag
  that names the difference; it runs as a strict expected failure on JAX only.

  Scenario Outline: The layer rejects a rank other than 3
    Given an input of shape <input>
    And a <layer> layer with <units> units
    When Keras is asked to call the layer on a batch of shape <batch>
    Then Keras rejects it with ValueError mentioning "expected ndim=3, found ndim=<rank>"

    Examples: The lesson's dimensions and others, on the eager call path
      | case        | input     | layer | units | batch        | rank |
      | lesson, 2-D | (2, 5, 1) | LSTM  | 3     | (2, 5)       | 2    |
      | lesson, 4-D | (2, 5, 1) | LSTM  | 3     | (2, 5, 1, 1) | 4    |
      | other, 2-D  | (3, 7, 4) | GRU   | 2     | (3, 7)       | 2    |
      | other, 4-D  | (3, 7, 4) | GRU   | 2     | (3, 7, 4, 2) | 4    |

  @backend_gap:jax_width_mismatch_type_error
  Scenario Outline: The layer's eager call fails on other features only in its matrix product
    Given an input of shape <input>
    And a <layer> layer with <units> units
    When Keras is asked to call the layer on a batch of shape <batch>
    Then Keras rejects it with InvalidArgumentError mentioning "Matrix size-incompatible"

    Examples: The lesson's dimensions and others, eager call, TensorFlow backend
      | case   | input     | layer | units | batch     |
      | lesson | (2, 5, 1) | LSTM  | 3     | (2, 5, 2) |
      | other  | (3, 7, 4) | GRU   | 2     | (3, 7, 5) |

  Scenario Outline: A model rejects a batch that does not fit its declared input
    Given an input of shape (3, 7, 4)
    And a GRU layer with 2 units
    When Keras is asked to <request> a batch of shape <batch>
    Then Keras rejects it with ValueError mentioning "<fragment>"

    Examples: Other features, and a 2-D batch that a size-1 axis cannot fix
      | case                    | request           | batch     | fragment                                           |
      | other features, call    | call the model on | (3, 7, 5) | expected shape=(None, 7, 4), found shape=(3, 7, 5) |
      | 2-D, call               | call the model on | (3, 7)    | Invalid input shape for input                      |
      | 2-D, predict            | predict           | (3, 7)    | Invalid input shape for input                      |

  @backend_gap:jax_predict_skips_input_check
  Scenario: model.predict rejects a batch with other features than declared
    Given an input of shape (3, 7, 4)
    And a GRU layer with 2 units
    When Keras is asked to predict a batch of shape (3, 7, 5)
    Then Keras rejects it with ValueError mentioning "expected shape=(None, 7, 4), found shape=(3, 7, 5)"

  Scenario Outline: A model reshapes a batch whose rank is off by an axis of size 1
    Given an input of shape <input>
    And a <layer> layer with <units> units
    When Keras is asked to <request> a batch of shape <batch>
    Then Keras accepts it and returns <shape>

    Examples: A missing or extra axis of size 1 at the end, on both call paths
      | case                 | input     | layer | units | request           | batch        | shape  |
      | lesson, 2-D, call    | (2, 5, 1) | LSTM  | 3     | call the model on | (2, 5)       | (2, 3) |
      | lesson, 2-D, predict | (2, 5, 1) | LSTM  | 3     | predict           | (2, 5)       | (2, 3) |
      | lesson, 4-D, call    | (2, 5, 1) | LSTM  | 3     | call the model on | (2, 5, 1, 1) | (2, 3) |
      | other, 4-D, predict  | (3, 7, 4) | GRU   | 2     | predict           | (3, 7, 4, 1) | (3, 2) |

  @known_gap:functional_features_one_unchecked
  Scenario Outline: A model declared with features 1 rejects a batch with 2 features
    Given an input of shape (2, 5, 1)
    And an LSTM layer with 3 units
    When Keras is asked to <request> a batch of shape (2, 5, 2)
    Then Keras rejects it with ValueError mentioning "expected shape=(None, 5, 1), found shape=(2, 5, 2)"

    Examples: Both call paths
      | case    | request           |
      | call    | call the model on |
      | predict | predict           |

  Scenario: A second predict of the declared rank works after a first one
    Given an input of shape (2, 5, 1)
    And an LSTM layer with 3 units
    When Keras is asked to predict a batch of shape (2, 5, 1), then a batch of shape (3, 5, 1)
    Then Keras accepts it and returns (3, 3)

  @backend_gap:tensorflow_predict_rank_after_first_predict
  Scenario Outline: predict reshapes a batch off by an axis of size 1 after a first predict too
    Given an input of shape (2, 5, 1)
    And an LSTM layer with 3 units
    When Keras is asked to predict a batch of shape (2, 5, 1), then a batch of shape <second>
    Then Keras accepts it and returns (2, 3)

    Examples: A second batch one axis short or one axis long
      | case          | second       |
      | 3-D, then 2-D | (2, 5)       |
      | 3-D, then 4-D | (2, 5, 1, 1) |
