"""Readers and writers: the shell around the core's value objects.

* :mod:`recert.io.policy_toml`: policy files (TOML or JSON) and the embedded
  Cisco CE policy (:func:`~recert.io.policy_toml.cisco_policy`, from
  ``recert/io/policies/cisco-ce.toml``).
* :mod:`recert.io.records`: records from JSON, TOML and JSON Lines.
* :mod:`recert.io.offering_catalog`: vendors' catalogs of offerings (CSV,
  JSON Lines, JSON).
* :mod:`recert.io.schemas`: the JSON Schemas of the record and the result.
"""
