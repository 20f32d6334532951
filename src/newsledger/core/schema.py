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
    Agent,
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
    Agent: Shape(sliced=("text",)),
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

# the record's lists in record order: (key, model class); each key is also the
# attribute of :class:`~newsledger.core.model.Analysis` holding the items
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


# ------------------------------------------------------------------ per-class plans
#
# What each field needs is worked out once per class from its type hints and
# shape, so encoding and decoding a record costs one pass over its fields.

Convert = Callable[[Any, str], Any]  # (value, document text) -> value


@dataclass(frozen=True, slots=True)
class _Field:
    name: str
    default: bool  # the dataclass field has a default
    omit: bool  # left out of the record
    codec: Codec | None
    write: Convert  # model value -> record value (when no codec)
    read: Convert  # record value -> model value (when no codec)
    nested: type[Any] | None  # the dataclass the field holds, alone or in a tuple
    many: bool  # a tuple of them
    sliced: bool  # read back from the document text when the record omits it
    is_id: bool  # holds entity ids


@dataclass(frozen=True, slots=True)
class _Plan:
    shape: Shape
    fields: tuple[_Field, ...]
    keys: tuple[str, ...]  # record keys, in field order, derived keys last
    with_ids: tuple[_Field, ...]  # id fields, and nested records holding ids


_PLANS: dict[type[Any], _Plan] = {}


def _inner(tp: Any) -> Any:
    """``X`` of ``X | None``."""
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _is_record(tp: Any) -> bool:
    return isinstance(tp, type) and dataclasses.is_dataclass(tp)


def _same(value: Any, text: str) -> Any:
    return value


def _converters(tp: Any) -> tuple[Convert, Convert, type[Any] | None, bool]:
    """(write, read, nested dataclass, in a tuple) for a field type."""
    optional = _inner(tp) is not tp
    tp = _inner(tp)
    if _is_record(tp):
        cls = tp

        def read_one(v: Any, text: str) -> Any:
            return None if v is None else decode(cls, v, text)

        def write_one(v: Any, text: str) -> Any:
            return None if v is None else encode(v, text)

        return write_one, read_one, cls, False
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        empty: Any = None if optional else ()
        if len(args) == 2 and args[1] is Ellipsis:
            w, r, nested, _ = _converters(args[0])
            if w is _same:
                return (
                    lambda v, t: None if v is None else list(v),
                    lambda v, t: empty if v is None else tuple(v),
                    None,
                    False,
                )
            return (
                lambda v, t: None if v is None else [w(x, t) for x in v],
                lambda v, t: empty if v is None else tuple(r(x, t) for x in v),
                nested,
                True,
            )
        parts = [_converters(a) for a in args]
        return (
            lambda v, t: None if v is None else [c[0](x, t) for c, x in zip(parts, v, strict=True)],
            lambda v, t: (
                empty if v is None else tuple(c[1](x, t) for c, x in zip(parts, v, strict=True))
            ),
            None,
            False,
        )
    return _same, _same, None, False


def _plan(cls: type[Any]) -> _Plan:
    known = _PLANS.get(cls)
    if known is not None:
        return known
    shape = shape_of(cls)
    hints = typing.get_type_hints(cls)
    fields = []
    for f in dataclasses.fields(cls):
        write, read, nested, many = _converters(hints[f.name])
        fields.append(
            _Field(
                f.name,
                f.default is not dataclasses.MISSING
                or f.default_factory is not dataclasses.MISSING,
                f.name in shape.omit,
                shape.codecs.get(f.name),
                write,
                read,
                nested,
                many,
                f.name in shape.sliced,
                f.name in shape.ids,
            )
        )
    keys = (*(f.name for f in fields if not f.omit), *shape.derived)
    plan = _Plan(shape, tuple(fields), keys, ())
    _PLANS[cls] = plan  # before the nested plans: a class may hold itself
    with_ids = tuple(
        f
        for f in fields
        if not f.omit and (f.is_id or (f.nested is not None and _holds_ids(f.nested)))
    )
    plan = _Plan(shape, tuple(fields), keys, with_ids)
    _PLANS[cls] = plan
    return plan


def _holds_ids(cls: type[Any]) -> bool:
    """Whether a class's records hold entity ids, themselves or in nested records."""
    return bool(_plan(cls).with_ids)


def record_keys(cls: type[Any]) -> tuple[str, ...]:
    """The keys of a class's record, in field order (derived keys last)."""
    return _plan(cls).keys


# ------------------------------------------------------------------ model -> record


def encode(obj: Any, text: str = "") -> Item:
    """The record dict of a model object; ``text`` is its document's text."""
    plan = _plan(type(obj))
    out: Item = {}
    for f in plan.fields:
        if f.omit:
            continue
        value = getattr(obj, f.name)
        out[f.name] = f.codec.encode(value, obj, text) if f.codec else f.write(value, text)
    for key, fn in plan.shape.derived.items():
        out[key] = fn(obj, text)
    return out


# ------------------------------------------------------------------ record -> model


def decode(
    cls: type[T], item: Mapping[str, Any], text: str = "", given: Mapping[str, Any] | None = None
) -> T:
    """A model object back from its record dict.

    ``text`` is the document's text (for spans recorded without theirs);
    ``given`` supplies fields the record leaves out.  A key missing from an
    older record takes the field's default.
    """
    kwargs: dict[str, Any] = dict(given) if given else {}
    for f in _plan(cls).fields:
        if f.name in kwargs:
            continue
        if f.name in item:
            value = item[f.name]
            kwargs[f.name] = f.codec.decode(value, item, text) if f.codec else f.read(value, text)
        elif f.sliced:
            kwargs[f.name] = text[item["start"] : item["end"]]
        elif f.codec is not None and not f.default:
            kwargs[f.name] = f.codec.decode(None, item, text)
    return cls(**kwargs)


# ------------------------------------------------------------------ records as they are


def flat_keys(cls: type[Any]) -> tuple[str, ...]:
    """The keys of :func:`flatten`'s rows for a class."""
    out: list[str] = []
    nested = {f.name: f.nested for f in _plan(cls).fields if f.nested and not f.many}
    for key in record_keys(cls):
        inner = nested.get(key)
        if inner is not None:
            out.extend(f"{key}_{k}" for k in flat_keys(inner))
        else:
            out.append(key)
    return tuple(out)


def flatten(cls: type[Any], item: Mapping[str, Any]) -> Item:
    """A record item as one flat row: a nested record's keys are joined with ``_``
    (``speaker.entity`` -> ``speaker_entity``, all null when it is null); lists stay
    lists.  Keys an older record lacks are null."""
    out: Item = {}
    plan = _plan(cls)
    for f in plan.fields:
        if f.omit:
            continue
        value = item.get(f.name)
        if f.nested is not None and not f.many:
            for k, v in flatten(f.nested, value or {}).items():
                out[f"{f.name}_{k}"] = v
        else:
            out[f.name] = value
    for key in plan.shape.derived:
        out[key] = item.get(key)
    return out


def rewrite_ids(
    cls: type[Any],
    item: Mapping[str, Any],
    gid: Callable[[str | None], str | None],
    name_of: Callable[[str | None, str], str],
) -> Item:
    """A record item with its entity ids mapped by ``gid`` and the names that go with
    them (a speaker's, a source's) set by ``name_of(new id, old name)``."""
    plan = _plan(cls)
    out = dict(item)
    for f in plan.with_ids:
        value = item.get(f.name)
        if f.is_id:
            out[f.name] = [gid(x) for x in value] if isinstance(value, list) else gid(value)
        elif f.nested is None or value is None:
            continue
        elif isinstance(value, list):
            out[f.name] = [rewrite_ids(f.nested, x, gid, name_of) for x in value]
        else:
            out[f.name] = rewrite_ids(f.nested, value, gid, name_of)
    for key, id_key in plan.shape.names.items():
        out[key] = name_of(out.get(id_key), item[key])
    return out


# ------------------------------------------------------------------ flat tables

Computed = Callable[[Mapping[str, Any], Mapping[str, Any]], Any]  # (flat row, item) -> value


def columns(
    cls: type[Any], item: Mapping[str, Any], spec: Mapping[str, str | Computed]
) -> list[Any]:
    """The cells of one flat-table row: per column, a :func:`flatten` key of the item
    or a value computed from the flat row and the item."""
    row = flatten(cls, item)
    return [row.get(col) if isinstance(col, str) else col(row, item) for col in spec.values()]
