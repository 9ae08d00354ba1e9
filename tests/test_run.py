"""pipeline.run: options checked before any work, and inputs left unfinished (internal_error,
timeout) kept out of the ledger so that the next run takes them again."""
from __future__ import annotations

import shutil

import pytest

from conftest import DATA

from newsclean.pipeline import batch, store, tables
from newsclean.pipeline.process import Options, SiteConfig
from newsclean.pipeline.run import ConfigError, check_parameters, run, site_configs

SEEDS = sorted((DATA / "seeds").glob("*.txt"))


@pytest.mark.parametrize("params, says", [
    ({"lang_backend": "klingon"}, "lang_backend 'klingon' is not one of: langdetect"),
    ({"table_format": "delat"}, "table_format 'delat' is not one of: parquet, delta"),
    ({"lang_bakend": "lingua"}, "unknown option 'lang_bakend'"),
    ({"doc_timeout": -1}, "doc_timeout must be >= 0"),
    ({"doc_timeout": "30"}, "doc_timeout must be int or float or null, not '30'"),
    ({"batch_bytes": 0}, "batch_bytes must be > 0"),
    ({"reprocess": "yes"}, "reprocess must be bool"),
    ({"max_doc_bytes": True}, "max_doc_bytes must be int, not True"),
    ({"sites": {"elbalad.news": {"timezon": "Africa/Cairo"}}}, "[sites.'elbalad.news']: unknown key 'timezon'"),
    ({"sites": {"elbalad.news": {"timezone": "Africa/Kairo"}}}, "unknown time zone 'Africa/Kairo'"),
    ({"sites": {"elbalad.news": {"timezone": "Africa"}}}, "unknown time zone 'Africa'"),  # a folder of zones
    ({"sites": {"elbalad.news": {"date_order": "YDM"}}}, "date_order 'YDM' is not one of: DMY, MDY"),
    ({"sites": {"elbalad.news": "Africa/Cairo"}}, "[sites.'elbalad.news'] must be a table"),
])
def test_bad_parameters_are_named(params, says):
    with pytest.raises(ConfigError) as e:
        check_parameters(params)
    assert says in str(e.value)


def test_good_parameters_pass_and_site_tables_become_site_configs():
    check_parameters({"reprocess": True, "lang_backend": "lingua", "doc_timeout": 0, "max_doc_bytes": 1000,
                      "batch_bytes": 10, "drop_duplicates": False, "table_format": "delta", "sites": None})
    got = site_configs({"elbalad.news": {"timezone": "Africa/Cairo", "date_order": "MDY", "name": "Sada El Balad"}})
    assert got == {"elbalad.news": SiteConfig(timezone="Africa/Cairo", date_order="MDY", name="Sada El Balad")}


def test_the_label_names_the_flag():
    with pytest.raises(ConfigError, match=r"^--lang-backend 'klingon' is not one of"):
        check_parameters({"lang_backend": "klingon"}, label=lambda n: "--" + n.replace("_", "-"))


@pytest.mark.parametrize("kwargs", [{"table_format": "delat"}, {"opts": Options(lang_backend="klingon")},
                                    {"opts": Options(sites={"x.org": SiteConfig(timezone="Mars/Olympus")})},
                                    {"doc_timeout": -5}])
def test_run_with_a_bad_option_fails_before_touching_the_output(tmp_path, kwargs):
    out = tmp_path / "out"
    with pytest.raises(ConfigError):
        run([str(tmp_path / "no-such-input.txt")], str(out), **kwargs)  # not looked at: ConfigError first
    assert not out.exists()


def _copy(src):
    src.mkdir()
    for f in SEEDS:
        shutil.copy(f, src / f.name)
    return [str(src / f.name) for f in SEEDS]


def test_timed_out_inputs_are_not_done_and_the_next_run_takes_them_again(tmp_path):
    uris = _copy(tmp_path / "in")
    out = tmp_path / "out"
    first = run([str(tmp_path / "in")], str(out), doc_timeout=1e-6)  # every document hits the limit
    assert first["rejected_by_reason"] == {"timeout": 2} and first["counts"]["written"] == 0
    assert first["unfinished_inputs"] == {u: "timeout" for u in uris}
    assert store.load_ledger(out) == {} and store.load_unfinished(out) == {u: "timeout" for u in uris}
    assert {r["reason"] for r in tables.read_rejects(out).to_pylist()} == {"timeout"}

    second = run([str(tmp_path / "in")], str(out), doc_timeout=None)
    assert second["retried_inputs"] == uris and second["unfinished_inputs"] == {}
    assert second["counts"] == {**second["counts"], "read": 2, "written": 2, "rejected": 0, "skipped": 0}
    assert tables.read_rejects(out).num_rows == 0  # the timeouts' reject rows were replaced by the articles
    assert tables.read_articles(out).num_rows == 2
    assert set(store.load_ledger(out)) == set(uris) and store.load_unfinished(out) == {}

    third = run([str(tmp_path / "in")], str(out), doc_timeout=None)
    assert third["counts"]["skipped"] == 2 and third["retried_inputs"] == []


def test_an_input_with_an_internal_error_is_taken_again_after_the_fix(tmp_path, monkeypatch):
    uris = _copy(tmp_path / "in")
    out = tmp_path / "out"
    real = batch.process_article

    def buggy(art, opts):  # this version of newsclean has a bug on the first seed's page
        if art.source_uri == uris[0]:
            raise KeyError("a bug")
        return real(art, opts)

    monkeypatch.setattr(batch, "process_article", buggy)
    first = run([str(tmp_path / "in")], str(out), doc_timeout=None)
    assert first["rejected_by_reason"] == {"internal_error": 1} and first["counts"]["written"] == 1
    assert first["unfinished_inputs"] == {uris[0]: "internal_error"}
    assert set(store.load_ledger(out)) == {uris[1]}

    monkeypatch.setattr(batch, "process_article", real)  # the upgrade that fixes it
    second = run([str(tmp_path / "in")], str(out), doc_timeout=None)
    assert second["retried_inputs"] == [uris[0]] and second["skipped_inputs"] == [uris[1]]
    assert second["counts"] == {**second["counts"], "read": 2, "written": 1, "rejected": 0, "skipped": 1}
    assert tables.read_rejects(out).num_rows == 0 and tables.read_articles(out).num_rows == 2


def test_a_ledger_written_before_unfinished_inputs_existed_still_loads(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "_state").mkdir()
    pq.write_table(pa.table({"input_uri": ["/a.txt"], "fingerprint": ["f"], "records": [1], "run_id": ["r"]}),
                   tmp_path / "_state" / "ledger.parquet")
    assert store.load_ledger(tmp_path) == {"/a.txt": ("f", 1)} and store.load_unfinished(tmp_path) == {}


def test_a_flow_run_with_bad_parameters_fails_before_reading_input(prefect_harness, tmp_path):
    """A deployment can be called with any parameters: the flow checks them first."""
    from newsclean.flows.clean_articles import clean_articles

    out = tmp_path / "out"
    with pytest.raises(ConfigError, match="lang_backend 'klingon'"):
        clean_articles(inputs=[str(tmp_path / "no-such-input.txt")], out=str(out), lang_backend="klingon")
    with pytest.raises(ConfigError, match="unknown key 'zone'"):
        clean_articles(inputs=[str(tmp_path / "no-such-input.txt")], out=str(out), sites={"a.org": {"zone": "UTC"}})
    assert not out.exists()
