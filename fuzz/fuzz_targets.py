"""Coverage-guided fuzzing (atheris) of the readers and the cleaner.

    python fuzz/fuzz_targets.py readers -max_total_time=300
    python fuzz/fuzz_targets.py cleaner -max_total_time=300

`make fuzz` runs both for FUZZ_SECONDS each (default 300, i.e. 10 minutes in all). A crash is
any exception other than the documented rejects; the input that caused it is written to
fuzz/crash-* by libFuzzer.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports():
    from newsclean.pipeline.clean import clean
    from newsclean.pipeline.lines import segment
    from newsclean.pipeline.dates import find_date
    from newsclean.pipeline.bylines import parse_byline
    from newsclean.pipeline.process import process_article
    from newsclean.pipeline.readers import read_file
    from newsclean.pipeline.record import Article
    from newsclean.pipeline.textnorm import clean_text

TMP = Path(tempfile.mkdtemp(prefix="newsclean-fuzz-"))
SUFFIXES = [".txt", ".html", ".jsonl", ".txt.gz", ".html.gz", ".jsonl.gz", ".warc", ".bin"]


def fuzz_readers(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    suffix = SUFFIXES[fdp.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
    path = TMP / f"input{suffix}"
    path.write_bytes(fdp.ConsumeBytes(fdp.remaining_bytes()))
    for art in read_file(str(path)):
        assert art.reject is None or isinstance(art.reject[0], str)
        if art.reject is None:
            process_article(art)


def fuzz_cleaner(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    html_mode = fdp.ConsumeBool()
    text = clean_text(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()))
    art = Article("fuzz", "text", raw=text)
    art.lines = segment(text)
    clean(art, whole_page=not html_mode)
    kept = [ln.text for ln in art.lines if ln.kept]
    again = Article("fuzz", "text", raw="\n".join(kept))
    again.lines = segment("\n".join(kept))
    clean(again, whole_page=not html_mode)
    assert [ln.text for ln in again.lines if ln.kept] == kept, "cleaner not idempotent"
    for ln in art.lines[:20]:
        find_date(ln.text)
        parse_byline(ln.text)


TARGETS = {"readers": fuzz_readers, "cleaner": fuzz_cleaner}

if __name__ == "__main__":
    target = TARGETS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
