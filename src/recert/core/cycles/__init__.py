"""Fixed-cycle programs (programs.md section 1): the model in ``model``, the evaluator in ``evaluate``."""
