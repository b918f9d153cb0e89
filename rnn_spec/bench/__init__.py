"""Benchmarks of recurrent layers: call paths, devices, FLOP counts and result tables.

Scenarios tagged @benchmark in features/ time one call path each with pytest-benchmark;
docs/benchmarks.md gives the commands and this machine's figures.
"""
