"""The parts of benchmarks/soak.py (`make soak`), one job to a module."""
