"""One schema mapping between the typed model and the ``extract`` record.

A model class maps to its record dict field by field (``dataclasses.fields``
and the field's type): a nested dataclass is a nested dict, a tuple a list,
anything else the value itself, under the field's own name.  :data:`SHAPES`
declares per class only what differs from that rule (a :class:`Shape`): the
fields the record leaves out, fields kept in another form (a codec), keys
computed from the document text, and the fields that hold entity ids.

Everything that turns models into records or reads records goes through this
module: :func:`encode` (``extract``), :func:`decode` (the read path),
:func:`flatten` (the store's rows and the flat exports) and
:func:`rewrite_ids` (corpus-level entity ids).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from newsledger.core.model import (
    Claim,
    DateRef,
    Document,
    Entity,
    Event,
    Mention,
    Place,
    Quote,
    Role,
    Span,
    SpeakerRef,
    Via,
)

T = TypeVar("T")
Item = dict[str, Any]


class Codec(Protocol):
    """A field whose record form is not the default one."""

    def encode(self, value: Any, owner: Any, text: str) -> Any:
        """The record form of ``value`` (a field of ``owner``; ``text`` is the document's)."""

    def decode(self, value: Any, item: Mapping[str, Any], text: str) -> Any:
        """The model value back from its record form (``item`` is the record holding it)."""


@dataclass(frozen=True, slots=True)
class Shape:
    """How a class's record differs from the plain field-by-field form."""

    omit: tuple[str, ...] = ()  # model fields the record leaves out
    codecs: Mapping[str, Codec] = field(default_factory=dict)
    derived: Mapping[str, Callable[[Any, str], Any]] = field(default_factory=dict)
    sliced: tuple[str, ...] = ()  # read back from the document text when the record omits them
    ids: tuple[str, ...] = ()  # fields holding entity ids (or lists of them)
    names: Mapping[str, str] = field(default_factory=dict)  # name field -> the id field it names


# ------------------------------------------------------------------ codecs


@dataclass(frozen=True, slots=True)
class Rounded:
    """A float kept to ``digits`` decimals."""

    digits: int

    def encode(self, value: Any, owner: Any, text: str) -> Any:
        return None if value is None else round(value, self.digits)

    def decode(self, value: Any, item: Mapping[str, Any], text: str) -> Any:
        return value


@dataclass(frozen=True, slots=True)
class Rows:
    """Tuples kept as a list of dicts with these keys (an event's casualty history)."""

    keys: tuple[str, ...]

    def encode(self, value: Any, owner: Any, text: str) -> Any:
        return [dict(zip(self.keys, row, strict=True)) for row in value]

    def decode(self, value: Any, item: Mapping[str, Any], text: str) -> Any:
        return tuple(tuple(row[k] for k in self.keys) for row in value or ())


@dataclass(frozen=True, slots=True)
class Pairs:
    """(name, value) pairs kept as one dict (claim qualifiers); ``sort`` orders them when read."""

    sort: bool = False

    def encode(self, value: Any, owner: Any, text: str) -> Any:
        return dict(value)

    def decode(self, value: Any, item: Mapping[str, Any], text: str) -> Any:
        pairs = tuple((value or {}).items())
        return tuple(sorted(pairs)) if self.sort else pairs


@dataclass(frozen=True, slots=True)
class Bare:
    """A span kept as ``{start, end}``; its text is read back from the document."""

    def encode(self, value: Any, owner: Any, text: str) -> Any:
        return None if value is None else {"start": value.start, "end": value.end}

    def decode(self, value: Any, item: Mapping[str, Any], text: str) -> Any:
        return None if value is None else decode(Span, value, text)


@dataclass(frozen=True, slots=True)
class Whole:
    """Offset pairs where none recorded means one: the item's own ``start``/``end``."""

    def encode(self, value: Any, owner: Any, text: str) -> Any:
        return [[s, e] for s, e in value] or [[owner.start, owner.end]]

    def decode(self, value: Any, item: Mapping[str, Any], text: str) -> Any:
        return tuple((s, e) for s, e in value or ())


@dataclass(frozen=True, slots=True)
class Children:
    """Nested items leaving out fields their parent gives (``inherit``: field -> parent key)."""

    cls: type[Any]
    inherit: Mapping[str, str]

    def encode(self, value: Any, owner: Any, text: str) -> Any:
        return [encode(x, text) for x in value]

    def decode(self, value: Any, item: Mapping[str, Any], text: str) -> Any:
        given = {k: item[p] for k, p in self.inherit.items()}
        return tuple(decode(self.cls, x, text, given) for x in value or ())


@dataclass(frozen=True, slots=True)
class Coerce:
    """A value read as ``kind`` (claim values are strings); ``fallback``, when set,
    stands for an empty or missing one."""

    kind: Callable[[Any], Any]
    fallback: Any = None

    def encode(self, value: Any, owner: Any, text: str) -> Any:
        return value

    def decode(self, value: Any, item: Mapping[str, Any], text: str) -> Any:
        if not value and self.fallback is not None:
            return self.fallback
        return self.kind(value)


def surface(obj: Any, text: str) -> str:
    """The text an item's ``start``/``end`` cover."""
    return text[obj.start : obj.end]


# ------------------------------------------------------------------ the schema

SHAPES: dict[type[Any], Shape] = {
    Document: Shape(omit=("author", "origin", "removed")),
    Span: Shape(sliced=("text",)),
    # an entity's mentions carry the entity's type and id in the entity record
    Mention: Shape(omit=("type", "entity")),
    Entity: Shape(codecs={"mentions": Children(Mention, {"type": "type", "entity": "id"})}),
    SpeakerRef: Shape(ids=("entity",), names={"name": "entity"}),
    Via: Shape(ids=("entity",), names={"name": "entity"}),
    Quote: Shape(codecs={"fragments": Whole()}),
    Role: Shape(ids=("entity", "org_entity")),
    DateRef: Shape(),
    Place: Shape(codecs={"confidence": Rounded(3)}, ids=("entity",)),
    Event: Shape(
        # the evidence spans of coreference and arguments stay in the model
        omit=("mentions", "date_span", "actor_spans", "target_spans"),
        codecs={
            "evidence": Bare(),
            "casualty_history": Rows(("kind", "value", "start", "end")),
        },
        ids=("actors", "targets"),
    ),
    Claim: Shape(
        codecs={"qualifiers": Pairs()}, derived={"text": surface}, ids=("subject", "speaker")
    ),
}

# the record's lists, in record order: (key, model class, Analysis attribute)
SECTIONS: tuple[tuple[str, type[Any]], ...] = (
    ("entities", Entity),
    ("quotes", Quote),
    ("roles", Role),
    ("dates", DateRef),
    ("places", Place),
    ("events", Event),
    ("claims", Claim),
)


def register(cls: type[Any], shape: Shape) -> None:
    """Declare the record shape of a class defined outside the core model."""
    SHAPES[cls] = shape


def shape_of(cls: type[Any]) -> Shape:
    return SHAPES.get(cls) or Shape()


_FIELDS: dict[type[Any], tuple[tuple[str, Any, bool], ...]] = {}


def _fields(cls: type[Any]) -> tuple[tuple[str, Any, bool], ...]:
    """(name, resolved type, has a default) of each field of a dataclass (cached)."""
    known = _FIELDS.get(cls)
    if known is not None:
        return known
    hints = typing.get_type_hints(cls)
    _FIELDS[cls] = tuple(
        (
            f.name,
            hints[f.name],
            f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
    )
    return _FIELDS[cls]


def record_keys(cls: type[Any]) -> tuple[str, ...]:
    """The keys of a class's record, in field order (derived keys last)."""
    shape = shape_of(cls)
    return (
        *(n for n, _, _ in _fields(cls) if n not in shape.omit),
        *shape.derived,
    )


def _inner(tp: Any) -> Any:
    """``X`` of ``X | None``."""
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _nested(tp: Any) -> type[Any] | None:
    """The dataclass a field holds, alone, optional or in a tuple (None if none)."""
    tp = _inner(tp)
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            tp = args[0]
    return tp if isinstance(tp, type) and dataclasses.is_dataclass(tp) else None


# ------------------------------------------------------------------ model -> record


def _json(value: Any, text: str) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return encode(value, text)
    if isinstance(value, tuple):
        return [_json(x, text) for x in value]
    return value


def encode(obj: Any, text: str = "") -> Item:
    """The record dict of a model object; ``text`` is its document's text."""
    cls = type(obj)
    shape = shape_of(cls)
    out: Item = {}
    for name, _, _ in _fields(cls):
        if name in shape.omit:
            continue
        value = getattr(obj, name)
        codec = shape.codecs.get(name)
        out[name] = codec.encode(value, obj, text) if codec else _json(value, text)
    for key, fn in shape.derived.items():
        out[key] = fn(obj, text)
    return out


# ------------------------------------------------------------------ record -> model


def _value(tp: Any, value: Any, text: str) -> Any:
    if value is None:
        return () if typing.get_origin(tp) is tuple else None
    tp = _inner(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return decode(tp, value, text)
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_value(args[0], x, text) for x in value)
        return tuple(_value(a, x, text) for a, x in zip(args, value, strict=True))
    return value


def decode(
    cls: type[T], item: Mapping[str, Any], text: str = "", given: Mapping[str, Any] | None = None
) -> T:
    """A model object back from its record dict.

    ``text`` is the document's text (for spans recorded without theirs);
    ``given`` supplies fields the record leaves out.  A key missing from an
    older record takes the field's default.
    """
    shape = shape_of(cls)
    kwargs: dict[str, Any] = dict(given or {})
    for name, tp, has_default in _fields(cls):
        if name in kwargs:
            continue
        codec = shape.codecs.get(name)
        if name in item:
            value = item[name]
            kwargs[name] = codec.decode(value, item, text) if codec else _value(tp, value, text)
        elif name in shape.sliced:
            kwargs[name] = text[item["start"] : item["end"]]
        elif codec is not None and not has_default:
            kwargs[name] = codec.decode(None, item, text)
    return cls(**kwargs)


# ------------------------------------------------------------------ records as they are


def flat_keys(cls: type[Any]) -> tuple[str, ...]:
    """The keys of :func:`flatten`'s rows for a class."""
    out: list[str] = []
    hints = {n: tp for n, tp, _ in _fields(cls)}
    for key in record_keys(cls):
        inner = _nested(hints[key]) if key in hints else None
        if inner is not None and typing.get_origin(_inner(hints[key])) is not tuple:
            out.extend(f"{key}_{k}" for k in flat_keys(inner))
        else:
            out.append(key)
    return tuple(out)


def flatten(cls: type[Any], item: Mapping[str, Any]) -> Item:
    """A record item as one flat row: a nested record's keys are joined with ``_``
    (``speaker.entity`` -> ``speaker_entity``, all null when it is null); lists stay
    lists.  Keys an older record lacks are null."""
    out: Item = {}
    hints = {n: tp for n, tp, _ in _fields(cls)}
    for key in record_keys(cls):
        value = item.get(key)
        inner = _nested(hints[key]) if key in hints else None
        if inner is not None and typing.get_origin(_inner(hints[key])) is not tuple:
            sub = flatten(inner, value or {})
            out.update((f"{key}_{k}", v) for k, v in sub.items())
        else:
            out[key] = value
    return out


def _has_ids(cls: type[Any]) -> bool:
    """Whether a class's records hold entity ids, themselves or in nested records."""
    if shape_of(cls).ids:
        return True
    return any((inner := _nested(tp)) is not None and _has_ids(inner) for _, tp, _ in _fields(cls))


def rewrite_ids(
    cls: type[Any],
    item: Mapping[str, Any],
    gid: Callable[[str | None], str | None],
    name_of: Callable[[str | None, str], str],
) -> Item:
    """A record item with its entity ids mapped by ``gid`` and the names that go with
    them (a speaker's, a source's) set by ``name_of(new id, old name)``."""
    shape = shape_of(cls)
    out = dict(item)
    for name, tp, _ in _fields(cls):
        if name in shape.omit:
            continue
        if name in shape.ids:
            value = item.get(name)
            out[name] = [gid(x) for x in value] if isinstance(value, list) else gid(value)
            continue
        inner = _nested(tp)
        value = item.get(name)
        if inner is None or value is None or not _has_ids(inner):
            continue
        if isinstance(value, list):
            out[name] = [rewrite_ids(inner, x, gid, name_of) for x in value]
        else:
            out[name] = rewrite_ids(inner, value, gid, name_of)
    for key, id_key in shape.names.items():
        out[key] = name_of(out.get(id_key), item[key])
    return out


Computed = Callable[[Mapping[str, Any], Mapping[str, Any]], Any]  # (flat row, item) -> value


def columns(
    cls: type[Any], item: Mapping[str, Any], spec: Mapping[str, str | Computed]
) -> list[Any]:
    """The cells of one flat-table row: per column, a :func:`flatten` key of the item
    or a value computed from the flat row and the item."""
    row = flatten(cls, item)
    return [row.get(col) if isinstance(col, str) else col(row, item) for col in spec.values()]
