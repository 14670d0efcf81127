"""One options module: languages, levels and numbers parsed the same way by the CLI, the config,
the API helpers and both integrations."""

from __future__ import annotations

import pytest

from langscan import UsageError
from langscan import parse_languages as languages
from langscan.options import detector_options, jobs, kinds, known_languages, min_length, sensitivity, threshold

FRENCH = ("Le conseil municipal s'est réuni mardi soir pour voter le budget de l'année prochaine. "
          "Les travaux de la gare commenceront au printemps, a précisé la maire devant les habitants.")


@pytest.mark.parametrize("given, codes", [
    ("en", ("en",)),
    ("eng", ("en",)),  # ISO 639-3
    ("deu,fra", ("de", "fr")),
    ("ger", ("de",)),  # ISO 639-2/B
    ("German", ("de",)),  # English names, any case
    ("en, French ,en", ("en", "fr")),  # spaces, duplicates
    (["pt-BR", "zh_Hans"], ("pt", "zh")),  # region and script tags
    ("Norwegian Bokmål", ("no",)),  # CLDR's name of the model's "no"
    ("ceb", ("ceb",)),  # model codes that are ISO 639-3 themselves
])
def test_languages_map_codes_and_names_to_the_models_codes(given, codes):
    assert languages(given) == codes


@pytest.mark.parametrize("typo, suggested", [("englsh", "en (English)"), ("enn", "en (English)"),
                                              ("Germn", "de (German)"), ("fre nch", "fr (French)")])
def test_unknown_language_suggests_the_nearest_codes(typo, suggested):
    with pytest.raises(UsageError) as exc:
        languages(typo)
    msg = str(exc.value)
    assert msg.startswith(f"--expect: unknown language {typo!r}") and suggested in msg


def test_a_code_the_model_does_not_know_is_an_error_not_a_document_finding():
    with pytest.raises(UsageError, match="unknown language 'xx'; did you mean"):
        languages("xx")


def test_every_model_code_is_known_and_names_round_trip():
    table = known_languages()
    assert len(table) > 170 and ("de", "German") in table
    for code, name in table:
        assert languages(code) == (code,)
        assert languages(name) == (code,), name


@pytest.mark.parametrize("fn, bad", [(sensitivity, "extreme"), (threshold, 1.5), (threshold, True),
                                     (min_length, 0), (kinds, "scripts"), (jobs, -1)])
def test_bad_values_are_usage_errors(fn, bad):
    with pytest.raises(UsageError):
        fn(bad)


def test_detector_options_are_checked_once_for_everyone():
    o = detector_options("eng, French", sensitivity="Strict", threshold=0.8, kinds="script,latin")
    assert (o.expect, o.sensitivity, o.threshold, o.kinds) == (("en", "fr"), "strict", 0.8, ("script", "latin"))
    assert detector_options(None).expect == ("en",)
    with pytest.raises(UsageError, match="--model: no such file"):
        detector_options("en", model_path="/nonexistent/lid.bin")


def test_config_expect_accepts_names_and_rejects_typos(tmp_path):
    from langscan.config import ConfigError, load

    cfg = tmp_path / ".langscan.toml"
    cfg.write_text('expect = ["German", "eng"]\n', encoding="utf-8")
    assert load(str(cfg)).expect == ("de", "en")
    cfg.write_text('expect = "deutsch"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"key 'expect': unknown language 'deutsch'"):
        load(str(cfg))


def test_datatrove_filter_reads_a_comma_separated_expect():
    pytest.importorskip("datatrove", reason="the [datatrove] extra is not installed")
    from datatrove.data import Document

    from langscan.integrations.datatrove import LangscanFilter

    f = LangscanFilter("en,fr")
    assert f.options.expect == ("en", "fr")
    doc = Document(text=FRENCH, id="1")
    assert f.filter(doc) is True  # French is expected: not a wrong-language document
    with pytest.raises(UsageError):
        LangscanFilter("en,xx")


def test_ray_scanner_reads_a_comma_separated_expect():
    pytest.importorskip("pyarrow", reason="the [parquet] extra is not installed")
    pytest.importorskip("ray", reason="the [ray] extra is not installed")
    from langscan.integrations.ray import LangscanBatchScanner

    scanner = LangscanBatchScanner(expect="eng,French")
    assert scanner.options.expect == ("en", "fr")
    out = scanner({"text": __import__("numpy").array([FRENCH], dtype=object)})
    assert list(out["langscan_count"]) == [0]


def test_the_detector_itself_parses_languages_like_the_cli():
    """Detector("eng") and a typo: the same parser as --expect (a typo once became one document finding)."""
    import pytest
    from langscan import Detector
    from langscan.options import UsageError

    assert Detector("eng,French").expect == ("en", "fr")
    with pytest.raises(UsageError, match="did you mean en"):
        Detector("englsh")


def test_jobs_has_an_upper_bound():
    from langscan.options import MAX_JOBS, UsageError, jobs

    assert jobs(0) == 0 and jobs(MAX_JOBS) == MAX_JOBS
    with pytest.raises(UsageError, match="at most"):
        jobs(1000)
