"""Evaluation scripts: `python -m benchmarks.<name> [--data DIR]` (data from ../shared/eval)."""
