"""Word vectors cut into the catalog from the GloVe wheel: unit rows, alphabetic words, readable with numpy."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from segue.catalog.word_vectors import read_word_vectors, write_word_vectors


def test_the_vectors_are_cut_normalized_and_read_back(tmp_path: Path) -> None:
    written = write_word_vectors(tmp_path, vocabulary=500)
    assert written == 500  # the `words` extra is installed by `make venv`: a missing wheel must fail here
    loaded = read_word_vectors(tmp_path)
    assert loaded is not None
    words, vectors = loaded
    assert len(words) == vectors.shape[0] == 500
    assert all(w.isalpha() for w in words)
    assert "the" in words
    norms = np.linalg.norm(np.asarray(vectors, dtype=np.float32), axis=1)
    assert np.allclose(norms, 1.0, atol=1e-2)


def test_a_catalog_without_vectors_reads_none(tmp_path: Path) -> None:
    assert read_word_vectors(tmp_path) is None
    (tmp_path / "words.txt").write_text("a\nb\n", encoding="utf-8")
    np.save(tmp_path / "word_vectors.npy", np.zeros((3, 2), dtype=np.float16))
    assert read_word_vectors(tmp_path) is None  # three rows for two words: not trusted
