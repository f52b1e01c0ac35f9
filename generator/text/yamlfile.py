"""YAML input files that remember the line of every value, and a small schema.

Every mapping loaded here is a `Mapping` (a dict) that knows the line of each
of its keys, so that errors can say `content/glossary.yml:41: ...`.

The loader is safe and strict: keys must be text, dates must exist
(2023-02-30 is an error), a date field takes no time of day, nesting is at
most 20 levels deep, and aliases (*name) are refused, so that no file can
expand into more than it holds. Every violation is an error with its line.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem
from .source import read_text


class Mapping(dict):
    """A dict loaded from YAML, with the line of the mapping and of each key."""

    line: int = 0
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """Return the line of `key`, or of the mapping when the key is absent."""
        return self.lines.get(key, self.line)


class Sequence(list):
    """A list loaded from YAML, with the line of each item."""

    line: int = 0
    lines: list[int]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """A safe loader (LibYAML's when PyYAML has it) that records lines and rejects duplicate keys."""


MAX_DEPTH = 20


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    result = Mapping()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise yaml.MarkedYAMLError("while loading a mapping", None, f"a key must be text, not {key!r}",
                                       key_node.start_mark)
        if key in result:
            raise yaml.MarkedYAMLError("while loading a mapping", None, f"duplicate key {key!r}", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> Sequence:
    result = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> datetime.date:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as exc:
        raise yaml.MarkedYAMLError(None, None, f"{node.value!r} is not a valid date ({exc})", node.start_mark) from None


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def load(path: Path, display: str) -> Any:
    """Load a UTF-8 YAML file; syntax errors become an InputError with the line."""
    text = read_text(path, display)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_shape(node)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        raise InputError.at(display, *_located(exc)) from None
    except yaml.YAMLError as exc:
        raise InputError.at(display, 0, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()


def _check_shape(root: yaml.Node) -> None:
    """Refuse nesting deeper than MAX_DEPTH and aliases (a node reached twice)."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed", node.start_mark)
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise yaml.MarkedYAMLError(None, None, f"nested more than {MAX_DEPTH} levels deep", node.start_mark)
        if isinstance(node, yaml.SequenceNode):
            stack += [(child, depth + 1) for child in node.value]
        elif isinstance(node, yaml.MappingNode):
            stack += [(child, depth + 1) for pair in node.value for child in pair]


def _located(exc: yaml.MarkedYAMLError) -> tuple[int, str]:
    mark = exc.problem_mark or exc.context_mark
    message = f"invalid YAML: {exc.problem}"
    if exc.context and exc.context_mark and exc.context_mark is not mark:
        message += f" ({exc.context} at line {exc.context_mark.line + 1})"
    return (mark.line + 1 if mark else 0), message


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its name, the type of its value, and whether required."""

    name: str
    kind: type | tuple[type, ...] = str
    required: bool = True
    limit: int = 5000  # the longest text allowed (a value copied into many pages stays small)


TYPE_NAMES = {str: "text", list: "a list", dict: "a mapping", datetime.date: "a date (YYYY-MM-DD)", int: "a number"}


def check_mapping(value: Any, fields: tuple[Field, ...], path: str, what: str, line: int = 0) -> list[Problem]:
    """Return the problems of `value` against the fields: types, missing and unknown keys."""
    if not isinstance(value, Mapping):
        return [Problem(path, line, f"{what}: expected a mapping of keys to values")]
    known = {f.name: f for f in fields}
    problems = [
        Problem(path, value.line_of(key), f"{what}: unknown key {key!r}") for key in value if key not in known
    ]
    for spec in fields:
        problems.extend(_check_field(value, spec, path, what))
    return problems


def _check_field(value: Mapping, spec: Field, path: str, what: str) -> list[Problem]:
    if spec.name not in value or value[spec.name] is None:
        return [Problem(path, value.line, f"{what}: missing key {spec.name!r}")] if spec.required else []
    item = value[spec.name]
    if spec.kind is datetime.date and isinstance(item, datetime.datetime):
        return [Problem(path, value.line_of(spec.name), f"{what}: key {spec.name!r} must be a date (YYYY-MM-DD), "
                        "without a time of day")]
    if isinstance(item, bool) or not isinstance(item, spec.kind) or (isinstance(item, str) and not item.strip()):
        wanted = _type_name(spec.kind)
        return [Problem(path, value.line_of(spec.name), f"{what}: key {spec.name!r} must be {wanted}")]
    if isinstance(item, (str, list)) and len(item) > spec.limit:
        return [Problem(path, value.line_of(spec.name), f"{what}: key {spec.name!r} is longer than {spec.limit} "
                        f"{'characters' if isinstance(item, str) else 'items'}")]
    return []


def _type_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(TYPE_NAMES.get(k, k.__name__) for k in kinds)


def keyed_entries(folder: Path, display, fields: tuple[Field, ...], what: str, expected: str):
    """Read every YAML file of a folder (sorted by name) that maps ids to entries; return
    (entries as (shown path, key, entry, line), problems): each entry checked against
    `fields`, each file that is not a mapping a problem ("expected a mapping of {expected}")."""
    found, problems = [], []
    for path in sorted(folder.glob("*.yml")):
        shown = display(path)
        data = load(path, shown)
        if not isinstance(data, Mapping):
            problems.append(Problem(shown, 1, f"expected a mapping of {expected}"))
            continue
        for key, entry in data.items():
            checked = check_mapping(entry, fields, shown, f"{what} {key!r}", data.line_of(key))
            problems += checked
            if not checked:
                found.append((shown, key, entry, data.line_of(key)))
    return found, problems
