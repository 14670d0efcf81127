"""langscan for Ray Data (extra: ``pip install "langscan[ray]"``).

``LangscanBatchScanner`` is a callable class for ``Dataset.map_batches``: Ray
runs it in actors, each builds the Detector once in ``__init__`` and then adds
the findings to every row of every batch it gets::

    ds = ray.data.read_json("corpus/")
    ds = ds.map_batches(LangscanBatchScanner, fn_constructor_kwargs={"expect": ("en",)},
                        batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(min_size=1, max_size=4))
    clean = ds.filter(lambda row: row["langscan_count"] == 0)

or simply ``ds = scan_dataset(ds, expect=("en",), actors=4)``.  Let the pool
grow from one actor (``min_size=1``): a fixed pool that takes every CPU leaves
none for the read tasks that feed it, and Ray Data then waits forever.

Columns added (``prefix`` defaults to "langscan_"): ``count``, ``languages``,
``kinds``, ``chars`` and ``findings`` (a list of structs with the JSON
contract's keys, ``detail`` always present, ``repair`` null when none) and, when ``strip_column`` is
given, the text without the fragments.  With ``batch_format="pyarrow"`` the
columns carry an explicit Arrow type, so batches without any finding have the
same schema as the others; pandas and numpy batches are accepted too.
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from ..detector import DetectorOptions
from ..parallel import _detector
from . import scan_texts, strip_text, summary

__all__ = ["LangscanBatchScanner", "scan_dataset", "FINDING_FIELDS"]

FINDING_FIELDS = (
    ("kind", "string"), ("start", "int64"), ("end", "int64"), ("line", "int64"), ("column", "int64"),
    ("text", "string"), ("lang", "string"), ("lang_name", "string"), ("script", "string"),
    ("score", "float64"), ("context", "string"), ("detail", "string"), ("repair", "string"),
)


def _arrow_types():
    import pyarrow as pa

    finding = pa.struct([(name, getattr(pa, t)()) for name, t in FINDING_FIELDS])
    return {
        "count": pa.int64(),
        "languages": pa.list_(pa.string()),
        "kinds": pa.list_(pa.string()),
        "chars": pa.int64(),
        "findings": pa.list_(finding),
    }


class LangscanBatchScanner:
    """Adds langscan's findings to each row of a Ray Data batch (one Detector per actor)."""

    def __init__(
        self,
        expect: Iterable[str] | str = ("en",),
        *,
        sensitivity: str = "balanced",
        threshold: Optional[float] = None,
        min_length: Optional[int] = None,
        model_path: Optional[str] = None,
        options: Optional[DetectorOptions] = None,
        text_column: str = "text",
        prefix: str = "langscan_",
        strip_column: Optional[str] = None,
    ):
        from . import detector_options

        self.options = options = detector_options(expect, sensitivity, threshold, min_length, model_path, options)
        self.text_column = text_column
        self.prefix = prefix
        self.strip_column = strip_column
        _detector(options).scan("warm up")  # load the model now, once per actor, not in the first batch

    def _columns(self, texts: list[Optional[str]]) -> dict[str, list[Any]]:
        found = scan_texts((t or "" for t in texts), self.options)
        cols: dict[str, list[Any]] = {}
        for findings in found:
            for key, value in summary(findings).items():
                cols.setdefault(key, []).append(value)
        if self.strip_column:
            cols["__strip__"] = [strip_text(t or "", fs) for t, fs in zip(texts, found)]
        return cols

    def __call__(self, batch):
        mod = type(batch).__module__
        if mod.startswith("pyarrow"):
            return self._arrow(batch)
        if mod.startswith("pandas"):
            out = batch.copy(deep=False)
            for key, values in self._columns(list(batch[self.text_column])).items():
                out[self._name(key)] = values
            return out
        import numpy as np  # a dict of numpy arrays (Ray's "numpy" / default format)

        out = dict(batch)
        for key, values in self._columns(list(batch[self.text_column])).items():
            arr = np.empty(len(values), dtype=object)
            arr[:] = values
            out[self._name(key)] = arr
        return out

    def _name(self, key: str) -> str:
        return self.strip_column if key == "__strip__" else self.prefix + key

    def _arrow(self, table):
        import pyarrow as pa

        types = _arrow_types()
        cols = self._columns(table.column(self.text_column).to_pylist())
        for key, values in cols.items():
            array = pa.array(values, type=types.get(key, pa.string()))
            name = self._name(key)
            if name in table.column_names:
                table = table.set_column(table.column_names.index(name), name, array)
            else:
                table = table.append_column(name, array)
        return table


def scan_dataset(ds, expect: Iterable[str] | str = ("en",), *, actors: int = 1, batch_size: int = 256, **kwargs):
    """``ds`` with langscan's columns added, by a pool of up to ``actors`` actors (one model each)."""
    import ray.data

    return ds.map_batches(
        LangscanBatchScanner,
        fn_constructor_kwargs={"expect": expect, **kwargs},
        batch_format="pyarrow",
        batch_size=batch_size,
        compute=ray.data.ActorPoolStrategy(min_size=1, max_size=max(1, actors)),
    )
