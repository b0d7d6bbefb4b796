"""record_builders: records made without their interpreted ``__init__`` are the records that
calling the class makes, and a class whose ``__init__`` does more is never built that way."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import imrparse
from imrparse.classifier.reading import Reading
from imrparse.record_builders import builder
from imrparse.records import (
    CaseDates,
    CaseSummary,
    Citation,
    Determination,
    GuidelineBasis,
    Letter,
    Reviewer,
    Treatment,
)

BUILT = (
    CaseDates,
    CaseSummary,
    Citation,
    Determination,
    GuidelineBasis,
    Letter,
    Reviewer,
    Treatment,
    Reading,
)


def _records(value: Any) -> list[Any]:
    """``value`` and every attrs record inside it, depth first."""
    found: list[Any] = []
    if attrs.has(type(value)):
        found.append(value)
        for field in attrs.fields(type(value)):
            found += _records(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            found += _records(item)
    return found


@pytest.mark.parametrize("cls", BUILT, ids=lambda cls: cls.__name__)
def test_the_parsing_paths_records_are_built_by_their_slots(cls: type) -> None:
    names = [f.name for f in attrs.fields(cls)]
    assert type(builder(cls, *names)).__name__ == "_Builder"


@pytest.mark.parametrize("name", imrparse.examples.names())
def test_a_built_record_is_the_record_the_class_makes(name: str) -> None:
    letter = imrparse.parse(imrparse.examples.read_text(name))
    records = _records(letter)
    assert {type(r) for r in records} >= {Letter, Determination, Treatment, GuidelineBasis}
    for record in records:
        cls: Any = type(record)
        values = {f.name: getattr(record, f.name) for f in attrs.fields(cls)}
        built = builder(cls, *values)(*values.values())
        assert type(built) is cls
        assert built == record and hash(built) == hash(record) and repr(built) == repr(record)
        for field in attrs.fields(cls):  # the fields that take no part in == too
            assert getattr(built, field.name) is values[field.name]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            built.text = "x"


def test_defaults_and_factories_are_the_classes() -> None:
    assert builder(Citation, "source", "mtus", "title")("ODG", False, "Pain") == Citation(
        source="ODG", mtus=False, title="Pain"
    )
    assert builder(Letter)() == Letter()
    assert builder(Treatment, "name", "text")("Norco", "Norco 10") == Treatment(
        text="Norco 10", name="Norco"
    )

    @attrs.frozen(kw_only=True)
    class Listed:
        items: list[int] = attrs.Factory(list)
        name: str = "x"

    make = builder(Listed, "name")
    assert type(make).__name__ == "_Builder"
    first, second = make("y"), make("y")
    assert first == Listed(name="y") and first.items is not second.items


def test_a_wrong_builder_or_call_raises_as_the_class_does() -> None:
    with pytest.raises(TypeError, match="missing required keyword argument 'title'"):
        builder(Citation, "source", "mtus")
    with pytest.raises(TypeError, match="unexpected keyword argument 'chapter'"):
        builder(Citation, "source", "mtus", "title", "chapter")
    with pytest.raises(TypeError, match="multiple values for keyword argument 'mtus'"):
        builder(Citation, "source", "mtus", "title", "mtus")
    make = builder(Citation, "source", "mtus", "title")
    with pytest.raises(TypeError, match="3 values expected"):
        make("ODG", False)
    with pytest.raises(TypeError, match="3 values expected"):
        make("ODG", False, "Pain", ())
    with pytest.raises(TypeError):
        make(source="ODG", mtus=False, title="Pain")


def _validated() -> type:
    @attrs.frozen(kw_only=True)
    class Validated:
        n: int = attrs.field(validator=attrs.validators.instance_of(int))

    return Validated


def _converted() -> type:
    @attrs.frozen(kw_only=True)
    class Converted:
        items: tuple[int, ...] = attrs.field(converter=tuple)

    return Converted


def _post_init() -> type:
    @attrs.frozen(kw_only=True)
    class Checked:
        n: int

        def __attrs_post_init__(self) -> None:
            if self.n < 0:
                raise ValueError("negative")

    return Checked


def _cached_hash() -> type:
    @attrs.frozen(kw_only=True, cache_hash=True)
    class Hashed:
        n: int

    return Hashed


def _self_factory() -> type:
    @attrs.frozen(kw_only=True)
    class Derived:
        n: int
        twice: int = attrs.field(default=attrs.Factory(lambda self: 2 * self.n, takes_self=True))

    return Derived


def _private() -> type:
    @attrs.frozen(kw_only=True)
    class Private:
        _n: int

    return Private


@pytest.mark.parametrize(
    ("make_class", "value"),
    [
        (_validated, 3),
        (_converted, [3]),
        (_post_init, 3),
        (_cached_hash, 3),
        (_self_factory, 3),
        (_private, 3),
    ],
    ids=lambda f: getattr(f, "__name__", "").strip("_"),
)
def test_a_class_whose_init_does_more_is_called_as_it_is(make_class: Any, value: object) -> None:
    cls = make_class()
    name = attrs.fields(cls)[0].alias
    make = builder(cls, name)
    assert type(make).__name__ == "_Calling"
    assert make(value) == cls(**{name: value})
    with pytest.raises(TypeError, match="1 values expected"):
        make()


def test_a_validator_still_validates() -> None:
    with pytest.raises(TypeError):
        builder(_validated(), "n")("3")
    with pytest.raises(ValueError, match="negative"):
        builder(_post_init(), "n")(-1)


def test_what_is_no_attrs_class_is_called_as_it_is() -> None:
    assert builder(dict, "a")(1) == {"a": 1}
