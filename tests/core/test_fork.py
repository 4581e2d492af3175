"""A what-if works on a fork of the replay: nothing mutable is shared, and both replays finish alike (R-CE-3)."""

from __future__ import annotations

from generated import AS_OF, generate
from recert import cisco_policy
from recert.core.engine._resolve import resolve
from recert.core.engine._state import Forkable
from recert.core.engine._timeline import Replay


def test_a_fork_shares_nothing_mutable_and_replays_the_same() -> None:
    policy = cisco_policy()
    record = generate.typical_record()
    replay = Replay(policy, resolve(record, policy), AS_OF)
    forks = replay.run(fork_on={c.arrival for c in replay.entries if not c.approved})
    assert forks, "the typical record has a pending claim"
    fork = forks[min(forks)]
    twin = fork.fork()
    for name, value in vars(fork).items():
        if name in type(fork)._SHARED:  # memos of values that follow from immutable inputs
            assert vars(twin)[name] is value, name
        elif isinstance(value, list | dict | set | Forkable):
            assert vars(twin)[name] is not value, name
    for mine, theirs in zip(fork.certs.values(), twin.certs.values(), strict=True):
        assert mine is not theirs
        assert mine.used_passes is not theirs.used_passes
        assert mine.dates is theirs.dates is fork.dates
        assert not {id(c) for c in mine.entries} & {id(c) for c in theirs.entries}
    assert {id(c) for c in twin.open} <= {id(c) for c in twin.entries}
    fork.run(outcomes=False)
    twin.run(outcomes=False)
    assert twin.state_key() == fork.state_key()
