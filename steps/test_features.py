"""Collect every scenario under features/ as a pytest test."""

from pytest_bdd import scenarios

scenarios("")
