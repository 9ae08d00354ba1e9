"""docs/DATA_DICTIONARY.md is what `python -m newsclean.dictionary` generates from the code."""
from pathlib import Path

from newsclean import schemas
from newsclean.dictionary import render
from newsclean.pipeline.record import REJECT_REASONS
from newsclean.pipeline.rules import REASONS

DOC = Path(__file__).resolve().parents[1] / "docs" / "DATA_DICTIONARY.md"


def test_the_data_dictionary_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == render(), "run: python -m newsclean.dictionary > docs/DATA_DICTIONARY.md"


def test_the_dictionary_documents_every_column_and_code():
    text = render()
    for f in list(schemas.articles_schema()) + list(schemas.rejects_schema()):
        line = next(l for l in text.splitlines() if l.startswith(f"| `{f.name}` |"))
        assert line.rstrip(" |").split("|")[-1].strip(), f"{f.name} has no doc in schemas/"
    for code in list(REJECT_REASONS) + list(REASONS):
        assert f"| `{code}` |" in text
