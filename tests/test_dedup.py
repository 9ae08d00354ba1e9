"""Duplicates across sources are marked (`duplicate_of`), not silently dropped."""
from __future__ import annotations

import json

import pyarrow as pa
import pytest

from conftest import DATA, ROOT

from newsclean.pipeline import store
from newsclean.pipeline import tables
from newsclean.pipeline.batch import process_batch
from newsclean.pipeline.metadata import canonical_url
from newsclean.pipeline.process import article_id, process_article
from newsclean.pipeline.record import Article

# A real AP story (from a page of the article-extraction benchmark) as two sites would print it:
# each with its own navigation, masthead and footer around the same wire text.


def _ap_body() -> list[str]:
    page = json.loads((ROOT / "tests" / "data" / "wire_story.json").read_text())
    return page["body"].split("\n")


def _run(tmp, records, out, drop=False):
    src = tmp / f"in-{len(list(tmp.glob('*.jsonl')))}.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    run_id = store.new_run_id()
    stats = process_batch([str(src)], str(out), run_id, "00000")
    return store.publish(out, run_id, set(stats["inputs"]), drop_duplicates=drop)


def _wire_records():
    body = _ap_body()
    site_a = ["Home", "News", "Sports", "Business", "Subscribe", "UK Tories under fire for doctored video of Labour's Starmer",
              "By JILL LAWLESS", "November 20, 2019", *body, "Related stories", "Trump to visit London", "© 2019 Daily Star"]
    site_b = ["Menu", "Local", "World", "Weather", "Sign in", "Tories criticized over edited Starmer clip",
              "Associated Press", *body, "Most read", "Storm closes schools", "Contact us | Privacy policy"]
    return [{"url": "https://www.dailystar.example/world/tories-video", "text": "\n".join(site_a)},
            {"url": "https://www.heraldnews.example/ap/tories-starmer", "text": "\n".join(site_b)}]


def test_same_wire_story_on_two_sites_is_a_duplicate(tmp_path):
    out = tmp_path / "out"
    res = _run(tmp_path, _wire_records(), out)
    rows = tables.read_articles(out, columns=["article_id", "site", "duplicate_of"]).to_pylist()
    assert res["duplicates"] == 1 and len(rows) == 2
    first, second = sorted(rows, key=lambda r: r["duplicate_of"] is not None)
    assert first["duplicate_of"] is None and second["duplicate_of"] == first["article_id"]


def test_the_two_seed_articles_are_not_duplicates(tmp_path):
    out = tmp_path / "out"
    seeds = [{"url": f"https://seed{i}.example/a", "text": p.read_text()}
             for i, p in enumerate(sorted((DATA / "seeds").glob("*.txt")))]
    res = _run(tmp_path, seeds, out)
    assert res["duplicates"] == 0
    assert [r["duplicate_of"] for r in tables.read_articles(out, columns=["duplicate_of"]).to_pylist()] == [None, None]


def test_duplicate_found_against_an_earlier_run_and_dropped_on_request(tmp_path):
    out = tmp_path / "out"
    a, b = _wire_records()
    _run(tmp_path, [a], out)
    res = _run(tmp_path, [b], out, drop=True)
    assert res["duplicates_dropped"] == 1
    assert tables.read_articles(out).num_rows == 1
    assert [r["reason"] for r in tables.read_rejects(out).to_pylist()] == ["duplicate"]


def _as_dict(dups: pa.Table) -> dict[str, str]:
    ids = dups.column("article_id").to_pylist()
    assert len(set(ids)) == len(ids)  # one row per article
    return dict(zip(ids, dups.column("duplicate_of").to_pylist()))


def test_banded_lsh_finds_edited_copies_and_the_earliest_original():
    """find_duplicates on the signature matrix: a lightly edited copy points at the first article
    of its story (also across the state and the new rows), an unrelated text at nothing."""
    import random
    import string

    from newsclean.pipeline import dedup
    from newsclean.pipeline.textnorm import fold_words

    rng = random.Random(7)
    vocab = ["".join(rng.choice(string.ascii_lowercase) for _ in range(7)) for _ in range(4000)]
    story = [rng.choice(vocab) for _ in range(300)]

    def edited(words, n):
        w = list(words)
        for _ in range(n):
            w[rng.randrange(len(w))] = rng.choice(vocab)
        return " ".join(w)

    def table(rows, run_id):
        return dedup.signature_table([(aid, fold_words(text)) for aid, text in rows], run_id)

    state = table([("orig", " ".join(story)), ("other", " ".join(rng.choice(vocab) for _ in range(300)))], "r1")
    new = table([("copy1", edited(story, 3)), ("copy2", edited(story, 5)),
                 ("fresh", " ".join(rng.choice(vocab) for _ in range(300)))], "r2")
    assert _as_dict(dedup.find_duplicates(state, new)) == {"copy1": "orig", "copy2": "orig"}
    # without the state, the first copy in the run is the original
    assert _as_dict(dedup.find_duplicates(dedup.SCHEMA.empty_table(), new)) == {"copy2": "copy1"}
    # the state is read a batch at a time: the earliest original wins across batch boundaries
    state2 = pa.concat_tables([table([("other", " ".join(rng.choice(vocab) for _ in range(300)))], "r0"),
                               table([("orig2", edited(story, 2))], "r0"), state])
    for size in (1, 2, 4):
        assert _as_dict(dedup.find_duplicates(state2.to_batches(max_chunksize=size), new)) == {"copy1": "orig2", "copy2": "orig2"}


def _staged(tmp_path, table, rows_per_file):
    """`table` written as a run's staged signature files, `rows_per_file` rows each, in staging order."""
    import pyarrow.parquet as pq

    tmp_path.mkdir(parents=True, exist_ok=True)
    files = []
    for k in range(0, table.num_rows, rows_per_file):
        files.append(tmp_path / f"part-{k:05d}.parquet")
        pq.write_table(table.slice(k, rows_per_file), files[-1])
    return files


def test_a_run_read_a_staged_file_at_a_time_finds_what_the_whole_run_finds(tmp_path):
    """Publishing reads the run's signatures a staged file at a time (never all of them at once): the
    duplicates are those of the whole run, also when an article's copies and its repeated rows sit in
    different files."""
    import random
    import string

    from newsclean.pipeline import dedup
    from newsclean.pipeline.textnorm import fold_words

    rng = random.Random(3)
    story = " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(6)) for _ in range(600))

    def table(rows, run_id):
        return dedup.signature_table([(aid, fold_words(text)) for aid, text in rows], run_id)

    state = table([("orig", story), ("other", "x y z " * 40)], "r1")
    new = table([("fresh", "a b c d " * 30), ("copy1", story.replace(story.split()[9], "nine")), ("twice", "p q r " * 40),
                 ("same", "x y z " * 40), ("twice", "p q r " * 40 + "s"), ("copy2", story)], "r2")
    whole = _as_dict(dedup.find_duplicates(state, new))
    assert whole == {"copy1": "orig", "copy2": "orig", "same": "other"}
    for rows_per_file in (1, 2, 4):
        assert _as_dict(dedup.find_duplicates(state, _staged(tmp_path / str(rows_per_file), new, rows_per_file))) == whole


def test_saved_state_keeps_one_row_per_article_and_is_streamed(tmp_path, monkeypatch):
    """save_state replaces an article's earlier signature and keeps its first row of the run; the state is
    written in row groups of STATE_ROWS and read back batch by batch."""
    from newsclean.pipeline import dedup
    from newsclean.pipeline.textnorm import fold_words

    monkeypatch.setattr(dedup, "STATE_ROWS", 2)

    def table(rows, run_id):
        return dedup.signature_table([(aid, fold_words(text)) for aid, text in rows], run_id)

    dedup.save_state(tmp_path, table([(f"a{i}", f"body {i} " * 40) for i in range(5)], "r1"), "r1")
    # the second run as its staged files, one row each: a1's first row of the run is kept, not its later one
    dedup.save_state(tmp_path, _staged(tmp_path / "staged", table([("a1", "new body " * 40), ("a9", "x " * 40),
                                                                   ("a1", "later " * 40)], "r2"), 1), "r2")
    batches = list(dedup.state_batches(tmp_path))
    assert max(b.num_rows for b in batches) == 2
    state = pa.Table.from_batches(batches)
    assert state.column("article_id").to_pylist() == ["a0", "a2", "a3", "a4", "a1", "a9"]
    assert state.column("run_id").to_pylist()[-2:] == ["r2", "r2"]
    assert state.column("body_hash")[4] == table([("a1", "new body " * 40)], "r2").column("body_hash")[0]


@pytest.mark.parametrize("url,canonical", [
    # article ids in the query string stay: they tell articles apart (courlan's strict mode drops them)
    ("https://x.com/index.php?story=42", "https://x.com/index.php?story=42"),
    ("https://x.com/news.php?artikel=5&utm_source=nl&fbclid=zz#top", "https://x.com/news.php?artikel=5"),
    # "&region" and "&para" are parameters, not the entities ® and ¶
    ("https://x.com/a?a=1&region=eu", "https://x.com/a?a=1&region=eu"),
    ("https://X.com/a?para=2&id=1", "https://x.com/a?id=1&para=2"),
])
def test_canonical_url_keeps_what_identifies_the_article(url, canonical):
    assert canonical_url(url) == canonical


def test_articles_told_apart_by_their_query_keep_distinct_ids():
    body = "\n".join(_ap_body())
    ids = {article_id(process_article(Article("in.jsonl", "text", raw=body, url=f"https://x.com/index.php?story={n}")))
           for n in (1, 2)}
    assert len(ids) == 2


def test_signature_words_from_line_keys_are_the_folded_body():
    """The staged signature reads the body's words off the lines' cached match keys: the same
    words as folding the published text (so signatures in the state stay comparable)."""
    from newsclean.pipeline.dedup import body_words
    from newsclean.pipeline.textnorm import fold_words

    for path in sorted((DATA / "seeds").glob("*.txt")):
        art = process_article(Article(path.name, "text", raw=path.read_text(encoding="utf-8")))
        assert body_words(art) == fold_words(art.body_text())
        assert len(body_words(art)) > 50
    arabic = Article("a.txt", "text", raw="القاهرة ٢٠٢٥ — أعلنت الوزارة، اليوم، عن خطة جديدة للنقل.\n" * 3)
    process_article(arabic)
    assert body_words(arabic) == fold_words(arabic.body_text())


def test_an_article_staged_in_two_parts_of_one_run_is_published_once_from_the_later(tmp_path):
    """Two input files of one run carry the same URL (a re-scrape): one row, the later part's."""
    out = tmp_path / "out"
    a, b = _wire_records()
    first, second = tmp_path / "p1.jsonl", tmp_path / "p2.jsonl"
    first.write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n")
    second.write_text(json.dumps({**a, "text": a["text"].replace("By JILL LAWLESS", "By JILL LAWLESS and DANICA KIRKA")}) + "\n")
    run_id = store.new_run_id()
    inputs = set()
    for part, src in (("00000", first), ("00001", second)):
        inputs |= set(process_batch([str(src)], str(out), run_id, part)["inputs"])
    store.publish(out, run_id, inputs)
    rows = tables.read_articles(out, columns=["url", "authors"]).to_pylist()
    assert sorted(r["url"] for r in rows) == sorted(canonical_url(r["url"]) for r in (a, b))
    again = [r for r in rows if r["url"] == canonical_url(a["url"])]
    assert len(again) == 1 and "Danica Kirka" in {n.title() for n in again[0]["authors"]}


def test_signatures_and_bands_are_datasketchs():
    """The numpy MinHash is datasketch's affine32 MinHash bit for bit (signatures already in state
    files stay comparable), and the bands are its MinHashLSH's for the threshold."""
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from newsclean.pipeline import dedup

    lsh = MinHashLSH(threshold=dedup.THRESHOLD, num_perm=dedup.NUM_PERM)
    assert (dedup.BANDS, dedup.ROWS) == (lsh.b, lsh.r)
    words = " ".join(_ap_body()).split()
    rng = np.random.default_rng(7)
    for n in (dedup.MIN_WORDS, 31, 200, len(words)):
        sample = [words[i] for i in rng.integers(0, len(words), n)]
        m = MinHash(num_perm=dedup.NUM_PERM, seed=1, scheme=dedup.SCHEME, hashfunc=int)
        m.update_batch(dedup.shingle_hashes(sample).tolist())
        _, sig = dedup.signature(sample)
        assert sig.dtype == np.uint32 and sig.tolist() == m.hashvalues.astype(np.uint32).tolist()
