"""Reading a rules file (``rules.json``, ``NTM_RULES``): its entries, checked one by one,
each error naming the file and the entry. The table itself is ``rules.py``."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import MISSING
from pathlib import Path

from base.errors import SettingsError


def read(path: Path, groups: Mapping[str, type]) -> tuple[dict[str, object], tuple[str, ...]]:
    """({'group.name': value}, trained_on) of a rules file whose groups must be ``groups``;
    the values are checked when applied (:func:`checked`)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SettingsError(
            f"Không đọc được tệp quy tắc '{path}': {exc}. (Cannot read the rules file.)"
        ) from None
    if not isinstance(data, Mapping):
        raise SettingsError(
            f"Tệp quy tắc '{path}' phải là một đối tượng JSON. (The rules file must hold "
            "a JSON object.)"
        )
    changes = {}
    for group, values in data.items():
        if group == "trained_on":
            continue
        if group not in groups or not isinstance(values, Mapping):
            raise SettingsError(
                f"Tệp quy tắc '{path}': không có nhóm '{group}' (có: {', '.join(groups)}). "
                "(Unknown rules group.)"
            )
        for name, value in values.items():
            changes[f"{group}.{name}"] = value
    return changes, tuple(data.get("trained_on", ()))


def checked(key: str, value, spec):
    """The value of a rule read from a file: a number of the rule's type (or a mapping of
    feature weights for ``rank.weights``)."""
    default = spec.default if spec.default is not MISSING else spec.default_factory()
    if isinstance(default, dict):
        if not isinstance(value, Mapping) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value.values()
        ):
            raise SettingsError(
                f"Quy tắc '{key}' phải là bảng tên → số. (Must map names to numbers.)"
            )
        return dict(value)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise SettingsError(
            f"Quy tắc '{key}' phải là một số, không phải {value!r}. (Must be a number.)"
        )
    if isinstance(default, int) and not isinstance(default, bool):
        if value != int(value) or value < 0:
            raise SettingsError(
                f"Quy tắc '{key}' phải là số nguyên không âm, không phải {value!r}. "
                "(Must be a whole number.)"
            )
        return int(value)
    return float(value)
