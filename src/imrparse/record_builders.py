"""Records made by the compiled parsing path without running their interpreted ``__init__``.

The records (:mod:`imrparse.records`) are attrs classes, frozen and slotted, and stay plain
Python so that they keep their docstrings. Made from compiled code, a record costs about
5,000 instructions: the keyword arguments are packed into a dict, an interpreted frame
runs attrs' ``__init__``, and that sets each field through ``object.__setattr__`` (a
frozen class cannot assign its own attributes).

:func:`builder` gives a function that makes records of a class from the values of some of
its fields, given in an order the caller names once (``builder(Citation, "source", "mtus",
"title")``), as calling the class with those keywords does (every other field takes its
default, made anew where it is a factory), by setting each field's slot directly. Values
are passed by position: compiled, keyword arguments cost a dict a call, which costs more
than the rest of the record (a record of six fields so made: some 5,700 instructions by
keyword, 2,700 by position). It does so only for a class whose ``__init__`` does nothing else:
every field set by ``__init__`` under its own name, no validator, no converter, no
``__attrs_pre_init__`` or ``__attrs_post_init__``, no cached hash. For any other class it
gives a function that calls the class with the keywords, so that a record class that gains
a validator keeps being validated.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any, TypeVar, cast

import attrs

T = TypeVar("T")


class _Field:
    """One field of a record class as :class:`_Builder` sets it."""

    def __init__(
        self, name: str, index: int, default: object, factory: Callable[[], object] | None
    ) -> None:
        self.name = name  # the keyword, the attribute and its slot's name
        self.index = index  # where its value is among a call's values; -1: not given
        self.default = default  # (not given) its default, unless it has a factory
        self.factory = factory  # (not given) a default made anew for each record


def _count_error(cls: object, names: tuple[str, ...], given: int) -> TypeError:
    """The error of a call with another count of values than the builder's names."""
    name = getattr(cls, "__name__", repr(cls))
    return TypeError(f"{name}: {len(names)} values expected ({', '.join(names)}), {given} given")


class _Builder:
    """Makes records of one class by setting their slots: see :func:`builder`."""

    def __init__(self, cls: type[Any], names: tuple[str, ...], fields: list[_Field]) -> None:
        self.cls = cls
        self.names = names
        self.fields = fields  # every field of the class, in its order
        # (held, not looked up: compiled, ``object.__new__`` is a global read and an
        # attribute lookup at each call)
        self.new: Callable[[type[Any]], object] = object.__new__

    def __call__(self, *values: object) -> object:
        if len(values) != len(self.names):
            raise _count_error(self.cls, self.names, len(values))
        record = self.new(self.cls)
        for field in self.fields:
            index = field.index
            if index >= 0:
                value = values[index]
            elif field.factory is not None:
                value = field.factory()
            else:
                value = field.default
            # (compiled, a direct call of the generic setter: it finds the field's slot
            # and sets it, past the frozen class's own __setattr__, as attrs' __init__ does)
            object.__setattr__(record, field.name, value)
        return record


class _Calling:
    """Makes records of a class whose ``__init__`` does more than set the fields: by calling
    it with the keywords (see :func:`builder`)."""

    def __init__(self, cls: Callable[..., Any], names: tuple[str, ...]) -> None:
        self.cls = cls
        self.names = names

    def __call__(self, *values: object) -> object:
        if len(values) != len(self.names):
            raise _count_error(self.cls, self.names, len(values))
        return self.cls(**dict(zip(self.names, values, strict=True)))


def builder(cls: Callable[..., T], *names: str) -> Callable[..., T]:
    """A function that makes records of ``cls`` from the values of its fields ``names``,
    passed in that order, as ``cls(**dict(zip(names, values)))`` does, without running its
    interpreted ``__init__`` where that only sets the fields (see the module's docstring).

    A name that is no field of ``cls``, a name given twice, or a required field left out
    raises :class:`TypeError` here, as the call of the class would.

    >>> from imrparse.records import Citation
    >>> make = builder(Citation, "source", "mtus", "title")
    >>> make("ODG", False, "Pain") == Citation(source="ODG", mtus=False, title="Pain")
    True
    """
    fields = _plan(cls, names)
    if fields is None:
        return cast("Callable[..., T]", _Calling(cls, names))
    return cast("Callable[..., T]", _Builder(cast("type[Any]", cls), names, fields))


def _plan(cls: object, names: tuple[str, ...]) -> list[_Field] | None:
    """How ``cls``'s ``__init__`` sets each field from the values of ``names``, or ``None``
    when it does anything else."""
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
    for field in attrs.fields(cls):
        index = names.index(field.name) if field.name in names else -1
        default: object = None
        factory: Callable[[], object] | None = None
        if index >= 0:
            pass  # (given at each call)
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            if field.default.takes_self:
                return None
            factory = field.default.factory
        elif field.default is not attrs.NOTHING:
            default = field.default
        else:
            raise TypeError(f"{cls.__name__}() missing required keyword argument {field.name!r}")
        plan.append(_Field(field.name, index, default, factory))
    known = {field.name for field in plan}
    for name in names:
        if name not in known:
            raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {name!r}")
    if len(set(names)) != len(names):
        twice = next(name for name in names if names.count(name) > 1)
        raise TypeError(f"{cls.__name__}() got multiple values for keyword argument {twice!r}")
    return plan
