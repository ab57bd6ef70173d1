"""Evaluation protocol and metrics, checked against hand-computed examples; the CLI around them; one real fold."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from typer.testing import CliRunner

from segue.cf.models import MostPop
from segue.cf.registry import make_model
from segue.cli import app
from segue.errors import DatasetError
from segue.evaluation.folds import (
    EvalResult,
    build_split,
    evaluate_model,
    load_split,
    metric_names,
    paired_difference,
    ranking_metrics,
    read_pairs,
    read_tag_assignments,
    with_tags,
)
from segue.evaluation.report import read_published, render_markdown, run_folds

runner = CliRunner()


def relevant(rows: list[list[int]], n_items: int) -> sp.csr_matrix:
    dense = np.zeros((len(rows), n_items), np.float32)
    for row, items in enumerate(rows):
        dense[row, items] = 1.0
    return sp.csr_matrix(dense)


# --- metrics by hand -----------------------------------------------------------------------------------------


def test_metrics_match_a_hand_computed_example() -> None:
    # User 0: test {1, 2, 3} plus one artist unknown to train (|test| = 4); ranked 1 at rank 1 and 3 at rank 4.
    # User 1: test {7}, never ranked.
    ids = np.array([[1, 9, 8, 3, 10, 11, 12, 13, 14, 15], [0, 1, 2, 3, 4, 5, 6, 8, 9, 10]], np.int32)
    rel = relevant([[1, 2, 3], [7]], n_items=20)
    out = ranking_metrics(ids, rel, np.array([4, 1]), n_items=20)
    dcg = 1 / math.log2(2) + 1 / math.log2(5)
    idcg = sum(1 / math.log2(r + 1) for r in range(1, 5))
    assert out["P@5"] == pytest.approx((2 / 5 + 0) / 2)
    assert out["P@10"] == pytest.approx((2 / 10 + 0) / 2)
    assert out["R@5"] == pytest.approx((2 / 4 + 0) / 2)
    assert out["R@10"] == pytest.approx((2 / 4 + 0) / 2)
    assert out["NDCG@10"] == pytest.approx((dcg / idcg + 0) / 2)
    assert out["HR@10"] == pytest.approx(0.5)
    distinct = len(set(ids.ravel().tolist()))  # 16 distinct artists of 20
    assert out["coverage@10"] == pytest.approx(distinct / 20)


def test_ndcg_ideal_is_capped_at_k_and_a_perfect_list_scores_one() -> None:
    ids = np.arange(10, dtype=np.int32)[None, :]
    perfect = ranking_metrics(ids, relevant([list(range(10))], 10), np.array([25]), n_items=10)
    assert perfect["NDCG@10"] == pytest.approx(1.0)  # ideal over min(25, 10) = 10 items
    assert perfect["P@10"] == pytest.approx(1.0)
    assert perfect["R@10"] == pytest.approx(10 / 25)
    late = ranking_metrics(ids, relevant([[9]], 10), np.array([1]), n_items=10)
    assert late["NDCG@10"] == pytest.approx(1 / math.log2(11))
    assert late["P@5"] == 0.0
    assert late["HR@10"] == 1.0


def test_empty_slots_never_count_as_hits_or_coverage() -> None:
    ids = np.array([[4, -1, -1, -1, -1]], np.int32)
    out = ranking_metrics(ids, relevant([[4]], 6), np.array([1]), n_items=6)
    assert out["P@5"] == pytest.approx(1 / 5)
    assert out["coverage@5"] == pytest.approx(1 / 6)


def test_metric_keys_follow_k() -> None:
    assert metric_names(10) == ("P@5", "P@10", "R@5", "R@10", "NDCG@10", "HR@10", "coverage@10")
    assert metric_names(20)[1] == "P@20"


def test_metrics_reject_bad_input() -> None:
    with pytest.raises(ValueError, match="at least 5"):
        ranking_metrics(np.zeros((1, 3), np.int32), relevant([[0]], 5), np.array([1]), 5)
    with pytest.raises(ValueError, match="held-out"):
        ranking_metrics(np.zeros((1, 5), np.int32), relevant([[]], 5), np.array([0]), 5)


# --- the split -----------------------------------------------------------------------------------------------


def test_split_indexes_train_artists_and_keeps_unknown_test_artists_in_the_denominator() -> None:
    train = np.array([[10, 100], [10, 101], [11, 101], [11, 102]])
    test = np.array([[10, 102], [10, 999], [10, 102], [12, 100]])  # 999 not in train; a duplicate; new user 12
    split = build_split(train, test)
    assert split.users.tolist() == [10, 11, 12]
    assert split.items.tolist() == [100, 101, 102]
    assert split.test_sizes.tolist() == [2, 0, 1]
    assert split.test.toarray().tolist() == [[0, 0, 1], [0, 0, 0], [1, 0, 0]]
    assert split.train[2].nnz == 0
    assert split.test_users.tolist() == [0, 2]


def test_evaluate_model_with_mostpop_by_hand() -> None:
    # Popularity: a=3, b=2, c=1, d=1.  User 1 (history a) gets b, c, d, ...; user 2 (history b) gets a, c, d.
    train = np.array([[1, 0], [2, 1], [3, 0], [3, 1], [4, 0], [4, 2], [5, 3]])
    test = np.array([[1, 2], [2, 3], [2, 0]])
    result = evaluate_model(MostPop(), build_split(train, test), k=5)
    # user 1: ranked [1, 2, 3] -> hit 2 at rank 2; user 2: ranked [0, 2, 3] -> hits 0 (rank 1) and 3 (rank 3).
    assert result.users == 2
    assert result.metrics["P@5"] == pytest.approx((1 / 5 + 2 / 5) / 2)
    assert result.metrics["R@5"] == pytest.approx((1 / 1 + 2 / 2) / 2)
    ndcg_1 = (1 / math.log2(3)) / 1.0
    ndcg_2 = (1 + 1 / math.log2(4)) / (1 + 1 / math.log2(3))
    assert result.metrics["NDCG@5"] == pytest.approx((ndcg_1 + ndcg_2) / 2)
    assert result.metrics["coverage@5"] == pytest.approx(1.0)
    assert set(result.to_dict()) >= {"model", "users", "seconds", "P@5", "R@5", "HR@5"}


def test_read_pairs_names_the_problem(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no such file"):
        read_pairs(tmp_path / "missing.dat")
    bad = tmp_path / "bad.dat"
    bad.write_text("1,2,1\nx,3,1\n")
    with pytest.raises(DatasetError, match=r"bad\.dat"):
        read_pairs(bad)
    empty = tmp_path / "empty.dat"
    empty.write_text("\n")
    with pytest.raises(DatasetError, match="no rows"):
        read_pairs(empty)
    good = tmp_path / "good.dat"
    good.write_text("1,2,1\n\n3,4\n")
    assert read_pairs(good).tolist() == [[1, 2], [3, 4]]


# --- the command line ----------------------------------------------------------------------------------------


def write_fold(root: Path, fold: int, *, with_results: bool = True) -> Path:
    """A tiny two-community fold under root/lastfm-folds/folds/<fold>/ (train, test, one published result)."""
    directory = root / "lastfm-folds" / "folds" / str(fold)
    (directory / "results").mkdir(parents=True)
    rng = np.random.default_rng(fold)
    train, test = [], []
    for user in range(30):
        base = 0 if user < 15 else 10
        items = base + rng.choice(10, size=6, replace=False)
        train += [f"{user},{a},1" for a in items[:5]]
        test.append(f"{user},{items[5]},1")
    (directory / "train.dat").write_text("\n".join(train) + "\n")
    (directory / "test.dat").write_text("\n".join(test) + "\n")
    if with_results:
        (directory / "results" / "mostpop.csv").write_text(
            "--- Most Pop ---\nPREC@5 0.05\nRECALL@5 0.06\nPREC@10 0.04\nRECALL@10 0.08\n"
            "NDCG@10 0.5\nCOVERAGE@10 0.003\n"
        )
    return directory


def test_eval_json_is_one_object_on_stdout_with_logs_on_stderr(tmp_path: Path) -> None:
    fold = write_fold(tmp_path, 0)
    env = {**os.environ, "SEGUE_LOG_LEVEL": "INFO"}
    argv = ["--train", str(fold / "train.dat"), "--test", str(fold / "test.dat"), "--model", "ease", "--json"]
    done = subprocess.run(
        [sys.executable, "-m", "segue", "eval", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)  # exactly one JSON document, nothing else
    assert set(payload) >= {"users", "P@5", "P@10", "R@5", "R@10", "NDCG@10", "HR@10", "coverage@10"}
    assert payload["users"] == 30
    assert payload["model"] == "ease"
    assert payload["P@10"] > 0.05  # each user's test artist is one of 5 unseen in their own community
    assert "evaluating ease" in done.stderr


def test_eval_table_and_usage_errors(tmp_path: Path) -> None:
    fold = write_fold(tmp_path, 0)
    ok = runner.invoke(app, ["eval", "--train", str(fold / "train.dat"), "--test", str(fold / "test.dat")])
    assert ok.exit_code == 0, ok.output
    assert "P@10" in ok.output
    missing = runner.invoke(app, ["eval", "--train", str(tmp_path / "nope.dat"), "--test", str(fold / "test.dat")])
    assert missing.exit_code == 2
    assert "file not found" in missing.output
    assert "Traceback" not in missing.output
    unknown = runner.invoke(
        app, ["eval", "--train", str(fold / "train.dat"), "--test", str(fold / "test.dat"), "--model", "x"]
    )
    assert unknown.exit_code == 2
    assert "mostpop" in unknown.output
    (tmp_path / "junk.dat").write_text("a,b,c\n")
    junk = runner.invoke(app, ["eval", "--train", str(tmp_path / "junk.dat"), "--test", str(fold / "test.dat")])
    assert junk.exit_code == 2
    assert "junk.dat" in junk.output


def test_eval_folds_writes_its_section_and_keeps_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for fold in (0, 1):
        write_fold(tmp_path, fold)
    output = tmp_path / "EVALUATION.md"
    output.write_text("# Evaluation\n\n<!-- moods:start -->\nmood section\n<!-- moods:end -->\n")
    monkeypatch.chdir(tmp_path)
    argv = ["eval-folds", "--folds", "0 1", "--output", str(output), "--datasets-dir", str(tmp_path)]
    result = runner.invoke(app, [*argv, "--models", "mostpop,ease"])
    assert result.exit_code == 0, result.output
    text = output.read_text()
    assert "mood section" in text
    assert "<!-- cf-folds:start -->" in text
    assert "| mostpop (ours) |" in text
    assert "| ease (ours) |" in text
    assert "| MostPop (published, 2 folds) | 0.0500 | 0.0400 | 0.0600 | 0.0800 | - | - | 0.0030 | - | - |" in text
    assert "segue eval-folds --folds '0 1'" in text
    assert text.count("| 1 | ease |") == 1
    rerun = runner.invoke(app, [*argv, "--models", "mostpop"])
    assert rerun.exit_code == 0
    assert output.read_text().count("<!-- cf-folds:start -->") == 1


def test_eval_folds_usage_errors(tmp_path: Path) -> None:
    bad = runner.invoke(app, ["eval-folds", "--folds", "zero", "--datasets-dir", str(tmp_path)])
    assert bad.exit_code == 2
    nowhere = runner.invoke(app, ["eval-folds", "--folds", "0", "--datasets-dir", str(tmp_path)])
    assert nowhere.exit_code == 2
    assert "lastfm-folds" in nowhere.output
    write_fold(tmp_path, 0)
    missing_fold = runner.invoke(
        app, ["eval-folds", "--folds", "7", "--datasets-dir", str(tmp_path), "--output", str(tmp_path / "E.md")]
    )
    assert missing_fold.exit_code == 2
    assert "Fold 7" in missing_fold.output


def test_render_markdown_marks_the_best_model(tmp_path: Path) -> None:
    write_fold(tmp_path, 0, with_results=False)
    report = run_folds(tmp_path, [0], {"mostpop": MostPop})
    text = render_markdown(
        report, command="cmd", machine="box", params={"mostpop": "-"}, best="mostpop", notes=("tried X: 0.1",)
    )
    assert "- tried X: 0.1" in text
    assert "| mostpop **(best)** (ours) |" in text
    assert "Machine: box" in text
    assert report.cpu_seconds > 0
    assert "s CPU" in text
    assert "published" not in text.split("### Models")[0].split("| model |")[1]


def test_read_published_picks_the_comparable_figures(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("--- X ---\nPREC@10 0.1\nRECALL@10 0.2\nNDCG@10 0.9\nAGG_DIV@10 633\n")
    assert read_published(path) == {"P@10": 0.1, "R@10": 0.2}


# --- one real fold -------------------------------------------------------------------------------------------


@pytest.mark.datasets
def test_mostpop_on_real_fold_0_reproduces_the_published_figures(datasets_dir: Path) -> None:
    """The protocol check: CaseRecommender's MostPop on fold 0 has P@10 0.036694, R@10 0.08102, P@5 0.04878."""
    fold = datasets_dir / "lastfm-folds" / "folds" / "0"
    split = load_split(fold / "train.dat", fold / "test.dat")
    result = evaluate_model(make_model("mostpop"), split)
    published = read_published(fold / "results" / "mostpop.csv")
    assert result.users == 1845
    assert result.metrics["P@10"] == pytest.approx(published["P@10"], abs=0.0005)
    assert result.metrics["R@10"] == pytest.approx(published["R@10"], abs=0.001)
    assert result.metrics["P@5"] == pytest.approx(published["P@5"], abs=0.0005)


# --- tags as side information --------------------------------------------------------------------------------


def test_tag_assignments_of_test_pairs_never_reach_the_tag_matrix() -> None:
    train = np.array([[1, 100], [1, 101], [2, 101], [2, 102], [3, 100], [3, 102]])
    test = np.array([[1, 102], [2, 100]])
    tagged = np.array(
        [
            [1, 100, 7],  # a train pair: kept
            [1, 102, 8],  # user 1's test artist: dropped, and tag 8 is on nothing else
            [2, 100, 7],  # user 2's test artist: dropped (tag 7 stays on 100 through user 1)
            [3, 102, 9],  # another user tagging 102: kept
            [3, 555, 9],  # an artist outside train: no column
        ]
    )
    split = with_tags(build_split(train, test), tagged)
    assert split.side is not None
    # Tags 7 and 9 remain (rows in tag order); tag 8 came only from a test pair and is gone.
    assert split.side.toarray().tolist() == [[1, 0, 0], [0, 0, 1]]


def test_a_tag_only_test_pairs_carry_changes_nothing_in_the_fitted_model() -> None:
    """Leakage checked end to end: tags on held-out pairs, however many, leave the fitted weights untouched."""
    rng = np.random.default_rng(4)
    pairs = np.unique(np.column_stack([rng.integers(0, 30, 400), rng.integers(100, 140, 400)]), axis=0)
    in_test = rng.random(len(pairs)) < 0.2
    train, test = pairs[~in_test], pairs[in_test]
    base = np.column_stack([train, rng.integers(0, 5, len(train))])
    leaked = np.column_stack([test, np.full(len(test), 99)])  # a "test-only" tag on every held-out pair
    split = build_split(train, test)
    clean = make_model("ease-collective").fit(split.train, side=with_tags(split, base).side)
    leaky = with_tags(split, np.vstack([base, leaked, np.column_stack([test, rng.integers(0, 5, len(test))])]))
    model = make_model("ease-collective").fit(split.train, side=leaky.side)
    np.testing.assert_allclose(model.score(split.train), clean.score(split.train), rtol=1e-5)


def test_read_tag_assignments_reads_hetrec_and_names_problems(tmp_path: Path) -> None:
    path = tmp_path / "user_taggedartists.dat"
    path.write_text("userID\tartistID\ttagID\tday\tmonth\tyear\n2\t52\t13\t1\t4\t2009\n2\t52\t15\t1\t4\t2009\n")
    assert read_tag_assignments(path).tolist() == [[2, 52, 13], [2, 52, 15]]
    with pytest.raises(DatasetError, match="no such file"):
        read_tag_assignments(tmp_path / "missing.dat")
    path.write_text("userID\tartistID\ttagID\nx\t1\t2\n")
    with pytest.raises(DatasetError, match="invalid literal"):
        read_tag_assignments(path)


def _result(precision: list[float]) -> EvalResult:
    return EvalResult("m", len(precision), {}, 0.0, 0.0, user_precision=np.asarray(precision))


def test_paired_difference_is_per_user_over_the_folds() -> None:
    ours = [_result([0.2, 0.1, 0.0]), _result([0.3, 0.3])]
    theirs = [_result([0.1, 0.1, 0.0]), _result([0.2, 0.3])]
    mean, low, high = paired_difference(ours, theirs)
    assert mean == pytest.approx(0.2 / 5)  # two users gained 0.1 each, three tied
    assert 0.0 <= low <= mean <= high <= 0.1
    assert paired_difference(theirs, theirs) == (0.0, 0.0, 0.0)
    with pytest.raises(ValueError, match="user for user"):
        paired_difference([_result([0.1])], [_result([0.1, 0.2])])


def test_evaluate_model_keeps_each_users_precision() -> None:
    train = np.array([[1, 0], [2, 1], [3, 0], [3, 1], [4, 0], [4, 2], [5, 3]])
    test = np.array([[1, 2], [2, 3], [2, 0]])
    result = evaluate_model(MostPop(), build_split(train, test), k=5)
    assert result.user_precision.tolist() == pytest.approx([1 / 5, 2 / 5])
    assert result.user_precision.mean() == pytest.approx(result.metrics["P@5"])
