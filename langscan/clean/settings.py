"""Settings shared by `clean` and `report` (the CLI side): the same config file, expected
language, sensitivity and allow-lists as `scan`, so `clean` never strips what
`scan` was told is fine (a project whose langscan config says ``expect = ["de"]``
must not lose its German).  Reuses the scan pipeline's resolution."""

from __future__ import annotations

from typing import Optional


def resolve(*, expect: Optional[tuple], sensitivity: Optional[str], threshold: Optional[float],
            min_length: Optional[int], config: Optional[str], allow: tuple, allow_file: Optional[str],
            fields: Optional[tuple], columns: Optional[tuple]):
    """(DetectorOptions, Policy, fields, columns); raises ValueError with a readable message."""
    from ..config import ConfigError
    from ..cli._scanrun import ScanArgs, UsageError, _detector_options, _policy, _settings

    a = ScanArgs(paths=[], expect=expect, sensitivity=sensitivity, threshold=threshold,
                 min_length=min_length, config=config, allow=tuple(allow or ()), allow_file=allow_file)
    try:
        s, model = _settings(a)
        return (_detector_options(s, a, model), _policy(s, a),
                fields or s.field or ("text",), columns or s.column or ("text",))
    except (UsageError, ConfigError) as exc:
        raise ValueError(str(exc)) from None
