"""pytest-bdd step definitions for the features in features/.

Each step parses its text, calls one rnn_spec function and hands the result on through a
fixture (`input_shape`, `config`, `outcome`). No step keeps state of its own.
"""
