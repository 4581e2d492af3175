"""The pure core: value objects, requirements and the replay that decides a record.

No I/O, no clock, no global state and no default policy: every function here
takes the policy and the evaluation date as arguments. The layers above
(:mod:`recert.io`, :mod:`recert.api`, the integrations and :mod:`recert.cli`)
import from here; nothing here imports from them (``tests/test_architecture.py``).

* :mod:`recert.core.policy`, :mod:`recert.core.record`, :mod:`recert.core.result`:
  the value objects.
* :mod:`recert.core.requirements`: options as an algebra of requirements.
* :mod:`recert.core.offering`: the policy's rules for vendors' offerings.
* :mod:`recert.core.engine`: :func:`~recert.core.engine.evaluate`, the replay.
"""
