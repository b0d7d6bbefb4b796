"""Records made by the compiled parsing path without running their interpreted ``__init__``.

The records (:mod:`imrparse.records`) are attrs classes, frozen and slotted, and stay plain
Python so that they keep their docstrings. Made from compiled code, a record costs about
5,000 instructions: the keyword arguments are packed into a dict, an interpreted frame
runs attrs' ``__init__``, and that sets each field through ``object.__setattr__`` (a
frozen class cannot assign its own attributes). Some 25 records a letter made so cost a
twentieth of a parse.

:func:`builder` gives a function that makes records of a class as calling the class does
(the same keyword arguments, the same defaults, the same errors for a missing or an
unknown one) by setting each field's slot directly. It does so only for a
class whose ``__init__`` does nothing else: every field set by ``__init__`` under its own
name, no validator, no converter, no ``__attrs_pre_init__`` or ``__attrs_post_init__``, no
cached hash. For any other class it gives the class itself, so that a record class that
gains a validator keeps being validated.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any, Final, ParamSpec, TypeVar, cast

import attrs

P = ParamSpec("P")
T = TypeVar("T")

_ABSENT: Final = object()


class _Field:
    """One field of a record class as :class:`_Builder` sets it."""

    def __init__(self, name: str, default: object, factory: Callable[[], object] | None) -> None:
        self.name = name  # the keyword, the attribute and its slot's name
        self.default = default  # _ABSENT when the field is required
        self.factory = factory  # a default made anew for each record


class _Builder:
    """Makes records of one class: see :func:`builder`."""

    def __init__(self, cls: type[Any], fields: list[_Field]) -> None:
        self.cls = cls
        self.fields = fields
        # (held, not looked up: compiled, ``object.__new__`` is a global read and an
        # attribute lookup at each call)
        self.new: Callable[[type[Any]], object] = object.__new__

    def __call__(self, **values: object) -> object:
        record = self.new(self.cls)
        used = 0
        for field in self.fields:
            value = values.get(field.name, _ABSENT)
            if value is not _ABSENT:
                used += 1
            elif field.factory is not None:
                value = field.factory()
            elif field.default is _ABSENT:
                raise TypeError(
                    f"{self.cls.__name__}() missing required keyword argument {field.name!r}"
                )
            else:
                value = field.default
            # (compiled, a direct call of the generic setter: it finds the field's slot
            # and sets it, past the frozen class's own __setattr__, as attrs' __init__ does)
            object.__setattr__(record, field.name, value)
        if used != len(values):
            known = {field.name for field in self.fields}
            unknown = sorted(name for name in values if name not in known)
            raise TypeError(
                f"{self.cls.__name__}() got an unexpected keyword argument {unknown[0]!r}"
            )
        return record


def builder(cls: Callable[P, T]) -> Callable[P, T]:
    """A function that makes records of ``cls`` as ``cls(**fields)`` does, without running
    its interpreted ``__init__``; ``cls`` itself when its ``__init__`` does more than set
    the fields (see the module's docstring)."""
    fields = _plan(cls)
    if fields is None:
        return cls
    return cast("Callable[P, T]", _Builder(cast("type[Any]", cls), fields))


def _plan(cls: object) -> list[_Field] | None:
    """How ``cls``'s ``__init__`` sets each field, or ``None`` when it does anything else."""
    if not isinstance(cls, type) or not attrs.has(cls) or cls.__new__ is not object.__new__:
        return None
    if any(hasattr(cls, hook) for hook in ("__attrs_pre_init__", "__attrs_post_init__")):
        return None
    if any("_attrs_cached_hash" in getattr(klass, "__slots__", ()) for klass in cls.__mro__):
        return None
    plan: list[_Field] = []
    for field in attrs.fields(cls):
        if not field.init or field.validator is not None or field.converter is not None:
            return None
        if field.alias != field.name:
            return None
        slot = next((k.__dict__[field.name] for k in cls.__mro__ if field.name in k.__dict__), None)
        if not isinstance(slot, types.MemberDescriptorType):
            return None
        default: object = _ABSENT
        factory: Callable[[], object] | None = None
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            if field.default.takes_self:
                return None
            factory = field.default.factory
        elif field.default is not attrs.NOTHING:
            default = field.default
        plan.append(_Field(field.name, default, factory))
    return plan
