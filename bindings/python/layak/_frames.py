"""pandas DataFrames to the columns the ``_layak`` extension reads, and the
arrays it returns back to a DataFrame.

Every conversion is per column and vectorised: a Categorical enum is mapped
through its categories (one dictionary look-up per category, not per row), an
int64 column without missing values is handed over as it is, and only text
columns (keys, free text, dates or sets written as strings) are read value by
value, in C++.
"""

import difflib
import warnings

import numpy as np
import pandas as pd
from pandas.api import types as pdt

STATUSES = ("eligible", "ineligible", "unknown")
RESULT_COLUMNS = ("household_id", "member_id", "program", "status", "benefit", "failed", "missing", "errors")

# How many bad values of one kind are listed before "... and N more".
_MAX_LISTED = 20


class CaseloadError(ValueError):
    """Values that do not fit the schema: one line per problem, with field and row."""


class Schema:
    """The fields of one pack by level, with the look-up tables the
    conversions need, built once per pack."""

    def __init__(self, fields, member_household_column):
        self.fields = {"household": {}, "member": {}}
        for f in fields:
            self.fields[f.level][f.name] = f
        self.household_key = next((f.name for f in self.fields["household"].values() if f.key), None)
        self.member_key = next((f.name for f in self.fields["member"].values() if f.key), None)
        self.member_household_column = member_household_column
        self._spellings = {}

    def spellings(self, field):
        """Declared value (and alias) → value index of an enum or set field."""
        table = self._spellings.get(field.name)
        if table is None:
            table = {v: i for i, v in enumerate(field.values)}
            for alias, value in field.aliases:
                table.setdefault(alias, table[value])
            self._spellings[field.name] = table
        return table


def _known(isna):
    """The uint8 known mask of a boolean isna array, or None when all are known."""
    isna = np.asarray(isna, dtype=bool)
    if not isna.any():
        return None
    return (~isna).view(np.uint8)


def _masked(array):
    """(int64 values, known) of a pandas masked array (Int64, boolean ...)."""
    data = getattr(array, "_data", None)
    mask = getattr(array, "_mask", None)
    if data is None or mask is None:  # not pandas' masked layout: go through to_numpy
        mask = np.asarray(array.isna(), dtype=bool)
        data = array.to_numpy(dtype=np.int64, na_value=0)
    return np.asarray(data, dtype=np.int64), _known(mask)


def _as_int64(values):
    return np.asarray(values, dtype=np.int64)


def _bad_value(field, row, shown, expected, spellings=None):
    message = f"'{field.name}' row {row}: {shown!r} is not a value of '{field.name}' ({expected})"
    if spellings:
        close = difflib.get_close_matches(str(shown), list(spellings), n=1)
        if close:
            message += f"; did you mean '{close[0]}'?"
    return message


def _expected(field):
    values = ", ".join(field.values[:12]) + (", ..." if len(field.values) > 12 else "")
    return f"one of {values}" if field.type == "enum" else f"values from {values}"


def _enum_codes(categorical, field, schema, errors):
    """An enum column from a Categorical: its categories mapped to the pack's
    value indexes, then the codes taken through that map (no per-row work)."""
    spellings = schema.spellings(field)
    categories = categorical.categories
    index = np.fromiter((spellings.get(str(c), -1) for c in categories), dtype=np.int64, count=len(categories))
    # The last slot is for code -1 (missing): -2 tells it from an undeclared value (-1).
    values = np.append(index, -2).take(categorical.codes)
    bad = np.flatnonzero(values == -1)
    for row in bad[:_MAX_LISTED]:
        shown = str(categories[categorical.codes[row]])
        errors.append(_bad_value(field, int(row), shown, _expected(field), spellings))
    if len(bad) > _MAX_LISTED:
        errors.append(f"'{field.name}': ... and {len(bad) - _MAX_LISTED} more rows with undeclared values")
    known = _known(values < 0)
    values[values < 0] = 0
    return ("int", values, known)


def _set_masks(objects, isna, field, schema, errors):
    """Bitmasks of a set column given as Python lists, tuples or sets of values."""
    spellings = schema.spellings(field)
    values = np.zeros(len(objects), dtype=np.int64)
    for row, items in enumerate(objects):
        if isna[row]:
            continue
        if isinstance(items, str) or not hasattr(items, "__iter__"):
            errors.append(f"'{field.name}' row {row}: {items!r} is not a set (a list of values, or 'a|b' text)")
            continue
        mask = 0
        for item in items:
            i = spellings.get(str(item), -1)
            if i < 0:
                errors.append(_bad_value(field, row, str(item), _expected(field), spellings))
            else:
                mask |= 1 << i
        values[row] = mask
    return ("int", values, _known(isna))


def _text(series):
    """A column as text for the engine's own reader (CSV spellings). In an
    object column the extension itself tells None, NaN, NaT and pd.NA apart
    from text (no pass over the column here)."""
    if series.dtype == object:
        return ("text", series.to_numpy(), None)
    isna = np.asarray(series.isna(), dtype=bool)
    return ("text", series.astype(str).to_numpy(dtype=object), _known(isna))


def _first_known(series):
    """The first value that is not missing, or None."""
    valid = series.notna().to_numpy()
    return series.iloc[int(np.argmax(valid))] if valid.any() else None


def _date(series, field, errors):
    dtype = series.dtype
    if isinstance(dtype, pd.DatetimeTZDtype):
        series = series.dt.tz_localize(None)
        dtype = series.dtype
    if pdt.is_datetime64_dtype(dtype):
        nanoseconds = series.to_numpy(dtype="datetime64[ns]").view(np.int64)
        isna = nanoseconds == np.iinfo(np.int64).min  # NaT
        days = np.floor_divide(nanoseconds, 86_400 * 10**9)
        days[isna] = 0
        return ("int", days, _known(isna))
    if pdt.is_integer_dtype(dtype) and not pdt.is_extension_array_dtype(dtype):
        return ("int", _as_int64(series.to_numpy()), None)  # days since 1970-01-01
    if dtype == object and not isinstance(_first_known(series), str):
        try:
            return _date(pd.to_datetime(series), field, errors)
        except (TypeError, ValueError) as e:
            errors.append(f"'{field.name}': not dates ({e})")
            return None
    return _text(series)


def _bool(series, field):
    dtype = series.dtype
    if pdt.is_bool_dtype(dtype) and not pdt.is_extension_array_dtype(dtype):
        return ("int", series.to_numpy().astype(np.int64), None)
    if isinstance(dtype, pd.BooleanDtype) or pdt.is_extension_array_dtype(dtype) and pdt.is_integer_dtype(dtype):
        return ("int", *_masked(series.array))
    if pdt.is_integer_dtype(dtype):
        return ("int", _as_int64(series.to_numpy()), None)
    if pdt.is_float_dtype(dtype):
        return ("double", series.to_numpy(dtype=np.float64, na_value=np.nan), None)
    if dtype == object:
        try:
            return ("int", *_masked(pd.array(series.to_numpy(), dtype="boolean")))
        except (TypeError, ValueError):
            pass  # "ya", "tidak", "1" ...: the engine's spellings
    return _text(series)


def _int(series, field):
    dtype = series.dtype
    if pdt.is_extension_array_dtype(dtype) and (pdt.is_integer_dtype(dtype) or pdt.is_bool_dtype(dtype)):
        return ("int", *_masked(series.array))
    if pdt.is_integer_dtype(dtype) or pdt.is_bool_dtype(dtype):
        return ("int", _as_int64(series.to_numpy()), None)  # int64: the caller's buffer itself
    if pdt.is_float_dtype(dtype):  # NaN for missing; the engine checks the rest are whole
        return ("double", series.to_numpy(dtype=np.float64, na_value=np.nan), None)
    return _text(series)


def _number(series, field):
    dtype = series.dtype
    if pdt.is_float_dtype(dtype) and not pdt.is_extension_array_dtype(dtype):
        return ("double", np.asarray(series.to_numpy(), dtype=np.float64), None)
    if pdt.is_numeric_dtype(dtype) or pdt.is_bool_dtype(dtype):
        return ("double", series.to_numpy(dtype=np.float64, na_value=np.nan), None)
    return _text(series)  # Decimal objects and strings: read exactly, to six decimals


def column(series, field, schema, errors):
    """The (field, kind, values, known) tuple of one column, or None after
    adding to `errors`."""
    spec = _convert(series, field, schema, errors)
    return None if spec is None else (field.name, *spec)


def _convert(series, field, schema, errors):
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        if field.type == "enum":
            return _enum_codes(series.array, field, schema, errors)
        series = series.astype(object)
        dtype = series.dtype
    kind = field.type
    if kind == "enum":
        if pdt.is_integer_dtype(dtype):  # value indexes
            return _int(series, field)
        if dtype == object or pdt.is_string_dtype(dtype):
            return _enum_codes(pd.Categorical(series.to_numpy(dtype=object)), field, schema, errors)
        return _text(series)
    if kind == "bool":
        return _bool(series, field)
    if kind == "int":
        return _int(series, field)
    if kind == "number":
        return _number(series, field)
    if kind == "date":
        return _date(series, field, errors)
    if kind == "set":
        if pdt.is_integer_dtype(dtype):  # bitmasks
            return _int(series, field)
        if dtype == object and not isinstance(_first_known(series), (str, type(None))):
            isna = np.asarray(series.isna(), dtype=bool)
            return _set_masks(series.to_numpy(), isna, field, schema, errors)
        return _text(series)
    return _text(series)  # string fields


def key_texts(series):
    """A key column as an object array of str (None where missing)."""
    if series.dtype == object and pdt.infer_dtype(series, skipna=True) in ("string", "empty"):
        return series.to_numpy()
    isna = np.asarray(series.isna(), dtype=bool)
    if pdt.is_float_dtype(series.dtype) and not isna.all():
        # Keys read as floats (a missing cell made pandas use float64):
        # written back as whole numbers, not "3523.0".
        series = series.astype("Int64")
    texts = series.astype(str).to_numpy(dtype=object)
    if isna.any():
        texts[isna] = None
    return texts


def _check_frame(frame, what):
    if frame is None:
        return pd.DataFrame()
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{what}: expected a pandas DataFrame, got {type(frame).__name__}")
    if not frame.columns.is_unique:
        dup = frame.columns[frame.columns.duplicated()].unique().tolist()
        raise ValueError(f"{what}: duplicate columns {dup}")
    return frame


def _member_rows(households_keys, refs, column_name):
    """Each member's household row (int64), matched on the household key."""
    missing = np.flatnonzero(pd.isna(households_keys))
    if len(missing):
        raise CaseloadError(f"households row {missing[0]}: the household key is missing")
    index = pd.Index(households_keys)
    if not index.is_unique:
        dup = index[index.duplicated()].unique()[:_MAX_LISTED].tolist()
        raise CaseloadError(f"households: duplicate household keys {dup}")
    rows = index.get_indexer(refs)  # a missing ref finds nothing: no key is missing
    bad = np.flatnonzero(rows < 0)
    if len(bad):
        lines = [
            f"members row {r}: {column_name} {refs[r]!r} names no household" if not pd.isna(refs[r])
            else f"members row {r}: {column_name} is missing"
            for r in bad[:_MAX_LISTED]
        ]
        if len(bad) > _MAX_LISTED:
            lines.append(f"... and {len(bad) - _MAX_LISTED} more members")
        raise CaseloadError("the caseload has errors:\n" + "\n".join(lines))
    return rows.astype(np.int64, copy=False)


def ignored_columns(household_columns, member_columns, schema):
    """The columns evaluation leaves out, as 'table.column' texts: those that
    are no schema field of their level, and those of derived fields."""
    hh_fields, m_fields = schema.fields["household"], schema.fields["member"]
    out = []
    for table, columns, own, other in (("households", household_columns, hh_fields, m_fields),
                                       ("members", member_columns, m_fields, hh_fields)):
        for name in columns:
            if table == "members" and name == schema.member_household_column:
                continue
            f = own.get(name)
            if f is None:
                level = "member" if table == "households" else "household"
                out.append(f"{table}.{name}" + (f" (a {level} field)" if name in other else ""))
            elif f.derived:
                out.append(f"{table}.{name} (derived: the pack computes it)")
    return out


def warn_ignored(ignored, stacklevel):
    """The warning that reports ignored columns, so that none goes unnoticed."""
    if ignored:
        warnings.warn("columns not in the schema, ignored: " + ", ".join(map(str, ignored)), stacklevel=stacklevel + 1)


class Frames:
    """A households/members pair converted for the engine: the columns, each
    member's household row, and the keys for the results."""

    def __init__(self, households, members, schema, fields=None, stacklevel=3):
        """Converts the columns of `households` and `members`. `fields`, when
        given, limits the conversion to those schema fields (the plan's
        inputs) and the keys; other schema columns are then left alone.
        Columns that are not schema fields are reported with a warning at
        `stacklevel` (0: not at all; layak.dask reports them on the client)."""
        households = _check_frame(households, "households")
        members = _check_frame(members, "members")
        self.households = len(households)
        self.members = len(members)
        hh_col = schema.member_household_column
        if stacklevel:
            warn_ignored(ignored_columns(households.columns, members.columns, schema), stacklevel)

        self.household_keys = None
        key = schema.household_key
        if key is not None and key in households.columns:
            self.household_keys = key_texts(households[key])
        if self.members and hh_col not in members.columns:
            raise CaseloadError(f"members: no '{hh_col}' column naming each member's household")
        if self.members:
            if self.household_keys is None:
                raise CaseloadError(f"households: no key column '{key}' for the members' '{hh_col}' to refer to")
            refs = key_texts(members[hh_col])
            self.member_households = _member_rows(self.household_keys, refs, hh_col)
        else:
            self.member_households = np.zeros(0, dtype=np.int64)
        self.member_keys = None
        if schema.member_key is not None and schema.member_key in members.columns:
            self.member_keys = key_texts(members[schema.member_key])

        errors = []

        def convert(frame, level_fields):
            out = []
            for name in frame.columns:
                f = level_fields.get(name)
                if f is None or f.derived or (fields is not None and name not in fields and not f.key):
                    continue
                spec = column(frame[name], f, schema, errors)
                if spec is not None:
                    out.append(spec)
            return out

        self.household_columns = convert(households, schema.fields["household"])
        self.member_columns = convert(members, schema.fields["member"])
        if errors:
            raise CaseloadError("the caseload has errors:\n" + "\n".join(errors))

    def args(self):
        """The positional arguments of the extension's evaluate and explain."""
        return (self.households, self.member_households, self.household_columns, self.member_columns)

    def keys(self):
        """The keyword arguments of the extension's evaluate that name the keys."""
        return {"household_keys": self.household_keys, "member_keys": self.member_keys}


def results_frame(arrays, frames, programs):
    """The extension's result arrays as the results DataFrame."""
    n = len(arrays["household"])
    columns = {
        "household_id": arrays["household_id"],
        "member_id": _member_ids(arrays["member_id"], arrays["member"], frames),
        "program": pd.Categorical.from_codes(arrays["program"], categories=programs),
        "status": pd.Categorical.from_codes(arrays["status"], categories=STATUSES),
        "benefit": pd.arrays.IntegerArray(arrays["benefit"], arrays["benefit_missing"]),
        "failed": arrays["failed"],
        "missing": arrays["missing"],
        "errors": arrays["errors"],
    }
    return _frame_without_copies(columns, n)


def _frame_without_copies(columns, n):
    """A DataFrame that holds the arrays themselves, one block per column.

    pandas' constructors copy every array (the object columns into one 2-D
    block): on millions of rows, a third of the time spent here. Its block
    manager factory, internal but unchanged since pandas 1.3, takes them as
    they are; any other pandas gets the copying constructor.
    """
    try:
        from pandas.core.internals.managers import create_block_manager_from_column_arrays
        manager = create_block_manager_from_column_arrays(
            list(columns.values()), [pd.Index(list(columns)), pd.RangeIndex(n)], consolidate=False)
        return pd.DataFrame(manager)
    except (ImportError, TypeError, ValueError):
        return pd.DataFrame(columns)


def _member_ids(ids, member, frames):
    """Member ids as the extension gives them (the member key, None for
    household programs), with '#k', the person's 1-based place in the
    household, where a person has no key: as the CLI writes it."""
    keys = frames.member_keys
    keyless = np.ones(frames.members, dtype=bool) if keys is None else np.asarray(pd.isna(keys), dtype=bool)
    if keyless.any():
        rows = np.flatnonzero(np.append(keyless, False).take(member))  # member -1 takes the False
        place = _places(frames.member_households)
        ids[rows] = [f"#{p}" for p in place[member[rows]]]
    return ids


def _places(households):
    """Each member's 1-based place among its household's members, in input order."""
    order = np.argsort(households, kind="stable")
    grouped = households[order]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    sizes = np.diff(np.r_[starts, len(grouped)])
    place = np.empty(len(households), dtype=np.int64)
    place[order] = np.arange(len(grouped)) - np.repeat(starts, sizes) + 1
    return place


def empty_results(programs):
    """A results DataFrame with no rows and the right dtypes (Dask's meta)."""
    return pd.DataFrame({
        "household_id": pd.Series([], dtype=object),
        "member_id": pd.Series([], dtype=object),
        "program": pd.Categorical([], categories=programs),
        "status": pd.Categorical([], categories=STATUSES),
        "benefit": pd.array([], dtype="Int64"),
        "failed": pd.Series([], dtype=object),
        "missing": pd.Series([], dtype=object),
        "errors": pd.Series([], dtype=object),
    })
