"""Helper for test_crash_safety: one newsclean run in this process, to be killed at any point."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsclean.pipeline.run import run  # noqa: E402

if __name__ == "__main__":
    run(sys.argv[2:], sys.argv[1], doc_timeout=None, batch_bytes=20_000)  # small batches: many staged parts
