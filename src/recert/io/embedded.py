"""The policies embedded in recert, chosen by id, and ``--policy ID|PATH`` resolution.

Every ``recert/io/policies/<id>.toml`` file is an embedded policy; its file name is its id
(``cisco-ce``, and the other programs as they are added). They are read by the same loader as a
user's file (:func:`recert.io.policy_toml.load_policy`).
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from pathlib import Path

from recert.core.policy import Policy
from recert.exceptions import PolicyError
from recert.io.policy_toml import cisco_policy, load_policy, policy_from_bytes

__all__ = ["embedded_policy_ids", "load_embedded_policy", "resolve_policy"]

_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_SUFFIX = ".toml"


def embedded_policy_ids() -> tuple[str, ...]:
    """The ids of the embedded policies, sorted (``("cisco-ce", …)``).

    Returns:
        Each id is the name of a ``recert/io/policies/<id>.toml`` file.
    """
    folder = importlib.resources.files("recert.io.policies")
    names = (entry.name for entry in folder.iterdir() if entry.name.endswith(_SUFFIX))
    return tuple(sorted(name.removesuffix(_SUFFIX) for name in names))


@functools.cache
def load_embedded_policy(policy_id: str) -> Policy:
    """The embedded policy *policy_id*, read once.

    Args:
        policy_id: One of :func:`embedded_policy_ids` (``"cisco-ce"``).

    Returns:
        The policy (immutable, so one shared copy is safe).

    Raises:
        PolicyError: *policy_id* names no embedded policy (the message lists the ids).
    """
    if policy_id == "cisco-ce":
        return cisco_policy()
    ids = embedded_policy_ids()
    if policy_id not in ids:
        raise PolicyError(
            f"{policy_id!r} is not an embedded policy; the embedded ones are {', '.join(ids)}",
            source="--policy",
        )
    resource = importlib.resources.files("recert.io.policies").joinpath(policy_id + _SUFFIX)
    return policy_from_bytes(resource.read_bytes(), _SUFFIX, f"{policy_id}{_SUFFIX} (embedded)")


def resolve_policy(value: str | Path | None) -> Policy:
    """The policy a ``--policy`` value names: an embedded id or a policy file.

    A value that is an embedded id in any case (``isc2-cissp``, ``PMI-PMP``) selects that policy,
    unless a file of that exact name exists in the working directory, which then wins. Any other
    value is a path to a TOML or JSON policy file. ``None`` is the embedded Cisco CE policy.

    Raises:
        PolicyError: The value is empty (``--policy: empty``), the file cannot be read or is not a
            valid policy, or a bare name is neither an embedded id nor a file (the message lists
            the embedded ids).
    """
    if value is None:
        return cisco_policy()
    text = str(value)
    if not text.strip():
        raise PolicyError("empty", source="--policy")
    if not Path(text).exists():
        if text.lower() in embedded_policy_ids():
            return load_embedded_policy(text.lower())
        if _ID.fullmatch(text):
            return load_embedded_policy(text)
    return load_policy(text)
