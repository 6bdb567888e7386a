"""The YAML reading of the data files, apart from the loader: a start-up served from the cache folder never
imports PyYAML (a tenth of a `srom ask`'s imports)."""

from __future__ import annotations

from typing import Any

import yaml

try:  # the C loader is several times faster; start-up time matters for `srom ask`
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


class StrictLoader(_Base):  # type: ignore[misc, valid-type]
    """YAML's own rule, which PyYAML does not enforce: a key is written once in a mapping. A second `aliases:` of an
    activity would silently replace the first list."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            k = self.construct_object(key_node, deep=deep)
            if k in seen:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, f"key {k!r} written twice", key_node.start_mark
                )
            seen.add(k)
        return super().construct_mapping(node, deep=deep)
