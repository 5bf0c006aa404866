"""layak: social-service eligibility rules, evaluated on pandas DataFrames.

    import pandas as pd
    import layak

    pack = layak.load_pack("rules/tuban")
    plan = pack.compile(as_of="2026-01-01")
    results = plan.evaluate(households_df, members_df)
    print(plan.explain(households_df, members_df, "3523131906099001", language="en"))

A rule pack (a folder of YAML files) is loaded and type-checked once
(`load_pack`), compiled for an as-of date (`Pack.compile`), then evaluated on
a households DataFrame and a members DataFrame whose columns are the pack's
schema fields. Results come back as a DataFrame, one row per household and
program (per person and program for member-level programs). `layak.dask`
evaluates a caseload partitioned on a Dask cluster.
"""

import datetime as _datetime
import json as _json
import os as _os
from typing import NamedTuple as _NamedTuple

import numpy as _np

from . import _layak
from ._frames import RESULT_COLUMNS, STATUSES, CaseloadError, Frames, Schema, key_texts, results_frame

__version__ = _layak.__version__

__all__ = [
    "CaseloadError",
    "Field",
    "Pack",
    "PackError",
    "Plan",
    "Program",
    "RESULT_COLUMNS",
    "STATUSES",
    "load_pack",
]


class PackError(ValueError):
    """A rule pack that has errors.

    ``str(error)`` is the diagnostics as ``layak check`` prints them
    (``file:line:col: error[E0403]: message``, the source line and a caret);
    ``error.diagnostics`` is a list of dicts with the keys file, line, column,
    length, code, severity, message, source_line and notes.
    """

    def __init__(self, message, diagnostics):
        super().__init__(message)
        self.diagnostics = diagnostics


class Program(_NamedTuple):
    """A program of a pack: its id, name, unit ('household' or 'member') and clause ids."""

    id: str
    name: str
    unit: str
    clauses: tuple


class Field(_NamedTuple):
    """A schema field: what a DataFrame column of that name must hold.

    level is 'household' or 'member'; type one of bool, int, number, string,
    enum, set, date; values the declared values of an enum or set (aliases:
    (other spelling, value) pairs); min and max in the field's own units (int,
    float, datetime.date) or None; key marks the id column; derived fields are
    computed by the pack and never read from a column; programs lists the
    programs whose decision reads the field.
    """

    name: str
    level: str
    type: str
    values: tuple
    aliases: tuple
    min: object
    max: object
    key: bool
    derived: bool
    protected: bool
    sensitive: bool
    doc: str
    label_id: str
    label_en: str
    programs: tuple


def _natural(value, kind):
    """A bound as DescribeSchema scales it (number × 10^6, date in days) in the field's units."""
    if value is None:
        return None
    if kind == "number":
        return value / 1_000_000
    if kind == "date":
        return _datetime.date(1970, 1, 1) + _datetime.timedelta(days=value)
    return value


def _param_text(value):
    """A parameter override as it would be written in YAML."""
    if isinstance(value, bool) or isinstance(value, _np.bool_):
        return "true" if value else "false"
    if isinstance(value, (float, _np.floating)):
        return _np.format_float_positional(float(value), trim="-")
    if isinstance(value, (_datetime.date, _datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _as_of_text(as_of):
    if as_of is None:
        return ""
    if hasattr(as_of, "strftime"):  # date, datetime, pandas Timestamp
        return as_of.strftime("%Y-%m-%d")
    return str(as_of)


def load_pack(path):
    """Loads and type-checks the rule pack in folder `path`.

    Returns a `Pack`. Raises `PackError` when the pack has errors (its message
    is the rendered diagnostics, with file:line:col and code), and
    FileNotFoundError (an OSError) when the folder does not exist.
    """
    path = _os.fspath(path)
    handle, diagnostics, text = _layak.load_pack(path)
    if handle is None:
        raise PackError(text, diagnostics)
    return Pack(handle, path, diagnostics)


class Pack:
    """A loaded, type-checked rule pack (immutable; share it freely between threads).

    Attributes: id, name, version, path, programs (a tuple of `Program`) and
    diagnostics (the warnings and notes of a pack that loaded).
    """

    def __init__(self, handle, path, diagnostics=()):
        """Made by `load_pack`; not meant to be called directly."""
        self._handle = handle
        self.path = path
        self._folder = _os.path.abspath(path)  # what a pickle names: valid in any working directory
        self.diagnostics = list(diagnostics)
        self.id = handle.id
        self.name = handle.name
        self.version = handle.version
        self.programs = tuple(Program(i, n, u, tuple(c)) for i, n, u, c in handle.programs())
        self._fields = None
        self._schema = None

    def __repr__(self):
        return f"<layak.Pack {self.id} {self.version}: {len(self.programs)} programs>"

    def __reduce__(self):
        # Pickled as its folder: a pack is loaded again where it is unpickled
        # (another process, a Dask worker).
        return (load_pack, (self._folder,))

    def fields(self):
        """Every schema field as a `Field`: household fields first, then member
        fields, each in declaration order."""
        if self._fields is None:
            self._fields = tuple(
                Field(
                    name=d["name"], level=d["level"], type=d["type"], values=tuple(d["values"]),
                    aliases=tuple(tuple(a) for a in d["aliases"]), min=_natural(d["min"], d["type"]),
                    max=_natural(d["max"], d["type"]), key=d["key"], derived=d["derived"],
                    protected=d["protected"], sensitive=d["sensitive"], doc=d["doc"], label_id=d["label_id"],
                    label_en=d["label_en"], programs=tuple(d["programs"]))
                for d in self._handle.fields())
        return self._fields

    @property
    def member_household_column(self):
        """The members' column naming each member's household ('household_id'
        unless the pack's `formats:` block says otherwise)."""
        return self._handle.member_household_column

    def schema(self):
        """The fields by level, with the conversion tables (internal)."""
        if self._schema is None:
            self._schema = Schema(self.fields(), self.member_household_column)
        return self._schema

    def compile(self, as_of=None, params=None):
        """Compiles the pack for an evaluation date and returns a `Plan`.

        as_of: 'YYYY-MM-DD', a date or a Timestamp; None for today (UTC).
        params: what-if overrides, {name: value}, each value as it would be
        written in YAML (42, 0.5, True, '2026-01-01', text); an override
        replaces the parameter on every date. Raises ValueError with the
        engine's message for a bad date, an unknown parameter or a value of
        the wrong type.
        """
        overrides = [(str(k), _param_text(v)) for k, v in (params or {}).items()]
        handle = self._handle.compile(_as_of_text(as_of), overrides)
        return Plan(self, handle, as_of, dict(params or {}))


class Plan:
    """A pack compiled for one as-of date (immutable; share it between threads).

    Attributes: pack, as_of ('YYYY-MM-DD'), params (the overrides) and
    provenance (pack id, version, content hash, as_of, engine version: what
    an appeal needs to know which rules decided).
    """

    def __init__(self, pack, handle, as_of=None, params=None):
        """Made by `Pack.compile`; not meant to be called directly."""
        self.pack = pack
        self._handle = handle
        self.as_of = handle.as_of
        self.params = params or {}
        self.provenance = handle.provenance
        self._input_fields = frozenset(handle.input_fields())
        self._programs = [p.id for p in pack.programs]

    def __repr__(self):
        return f"<layak.Plan {self.pack.id} {self.pack.version} as of {self.as_of}>"

    def __reduce__(self):
        return (_compile, (self.pack._folder, self.as_of, self.params))

    def input_fields(self):
        """The schema fields the plan reads: the only columns evaluate converts."""
        return sorted(self._input_fields)

    def evaluate(self, households, members=None, threads=0):
        """Evaluates every household and returns the results as a DataFrame.

        households: one row per household, columns named by schema fields
        (the key column, e.g. 'id', among them). members: one row per person,
        with the household key in `pack.member_household_column`
        ('household_id'); a household's members need not be adjacent, and
        their order among themselves is the one `members[i]` in missing-field
        names counts. A missing value may be None, NaN, NaT or pd.NA. Columns
        may be: enums Categorical or str; bools bool, boolean or object;
        ints int64, nullable Int64 or float with NaN; numbers float; dates
        datetime64 or 'YYYY-MM-DD' str; sets 'a|b' str, lists of values or
        int bitmasks. Columns that are not schema fields are ignored with a
        warning; values that do not fit raise `CaseloadError` (a ValueError)
        listing each with its field and row (0-based position).

        threads: 0 uses every core this process may use, 1 the calling
        thread only; the GIL is released while the engine works.

        Returns a DataFrame with the columns household_id, member_id (None for
        household programs), program (Categorical, pack order), status
        (Categorical: eligible, ineligible, unknown), benefit (Int64, rupiah),
        failed (tuple of the clause ids that failed), missing (tuple of the
        input fields that would decide an unknown) and errors (tuple of
        evaluation errors such as a division by zero); households in input
        order, programs in pack order. The tuples are shared between rows
        with the same contents (immutable, so safe to share): a list per
        row would be three objects per row, 25 million for 100,000
        households.
        """
        return self._evaluate(households, members, threads, stacklevel=4)

    def _evaluate(self, households, members, threads, stacklevel):
        # layak.dask warns once on the client (stacklevel 0 here), not once per partition.
        frames = Frames(households, members, self.pack.schema(), self._input_fields, stacklevel=stacklevel)
        try:
            arrays = self._handle.evaluate(*frames.args(), int(threads), **frames.keys())
        except ValueError as e:  # values the engine's own reader refused, one line each
            raise CaseloadError(f"the caseload has errors:\n{e}") from None
        return results_frame(arrays, frames, self._programs)

    def explain(self, households, members, household_id, language="id", format="text"):
        """Explains the results of one household of a DataFrame pair.

        household_id: the household's key. language: 'id' (Indonesian) or
        'en'. format: 'text' (for a social worker), 'json' (a JSON string) or
        'dict' (that JSON parsed). Every program with its status, each clause
        with its value and the inputs it read, and what is missing for an
        unknown. Raises KeyError when no household has that key.
        """
        schema = self.pack.schema()
        fmt = _check_format(format)
        _check_language(language)
        key = schema.household_key
        if households is None or key not in households.columns:
            raise KeyError(f"households: no key column '{key}'")
        wanted = str(household_id)
        one = households[key_texts(households[key]) == wanted]
        if len(one) == 0:
            raise KeyError(f"no household '{wanted}' in the caseload")
        if members is not None and len(members):
            column = schema.member_household_column
            if column not in members.columns:
                raise CaseloadError(f"members: no '{column}' column naming each member's household")
            members = members[key_texts(members[column]) == wanted]
        frames = Frames(one, members, schema)
        try:
            text = self._handle.explain(*frames.args(), wanted, language, fmt)
        except ValueError as e:  # values the engine's own reader refused
            raise CaseloadError(f"the caseload has errors:\n{e}") from None
        return _json.loads(text) if format == "dict" else text

    def explain_json(self, household, language="id", format="text"):
        """Explains one household given as a JSON object (a str, or a dict that
        is turned into JSON), members nested in "members", as a
        case-management system sends it. language and format as in `explain`.
        Raises ValueError for JSON that cannot be read as a household.
        """
        fmt = _check_format(format)
        _check_language(language)
        if not isinstance(household, (str, bytes)):
            household = _json.dumps(household, default=str)
        elif isinstance(household, bytes):
            household = household.decode("utf-8")
        text = self._handle.explain_json(household, language, fmt)
        return _json.loads(text) if format == "dict" else text


def _check_language(language):
    if language not in ("id", "en"):
        raise ValueError(f"language must be 'id' or 'en', not {language!r}")


def _check_format(format):
    if format not in ("text", "json", "dict"):
        raise ValueError(f"format must be 'text', 'json' or 'dict', not {format!r}")
    return "text" if format == "text" else "json"


def _compile(path, as_of, params):
    """A plan from a pack folder (how a pickled Plan is rebuilt)."""
    return load_pack(path).compile(as_of=as_of, params=params)
