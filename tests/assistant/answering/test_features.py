"""The features the ranker reads: every registered name set for every candidate, one row per
feature function of what it reads off hand-built signals."""

import pytest

from assistant.answering.features import Signals, feature, feature_names, features_of
from tests.assistant.answering.kit import document, frame, sentence

DATED = document("Toàn tỉnh có 65 xã đạt chuẩn nông thôn mới.", date="2021-08-27")
UNDATED = document("Toàn tỉnh có 65 xã đạt chuẩn nông thôn mới.", date=None)
QUESTION = "Tỉnh có bao nhiêu xã đạt chuẩn năm 2021?"


def _signals(doc=DATED, question=QUESTION, group="figure", place=1.0, time=1.0) -> Signals:
    s = sentence(doc, doc.text)
    measured = dict(prior=0.4, dense=0.7, cov_sentence=0.6, cov_context=0.7, cov_document=0.8)
    return Signals(
        s,
        frame(question),
        group,
        None,
        **measured,
        bigram=0.5,
        value=0.9,
        place=place,
        time=time,
        target=1.0,
        log_floor=1e-3,
    )


@pytest.mark.parametrize(
    ("signals", "name", "value"),
    [
        (_signals(), "prior", 0.4),
        (_signals(), "candidate", 0.9),
        (_signals(place=0.0), "log_place", pytest.approx(-6.9078, abs=1e-3)),  # floored
        (_signals(group="person"), "q_person", 1.0),
        (_signals(group="person"), "q_figure", 0.0),
        (_signals(), "time_sentence", 0.0),  # no figure: the sentence's time, from the doc
        (_signals(), "time_document", 1.0),
        (_signals(question="Tỉnh có bao nhiêu xã đạt chuẩn?"), "time_document", 0.0),
        (_signals(), "doc_undated", 0.0),
        (_signals(UNDATED), "doc_undated", 1.0),
    ],
)
def test_a_feature_reads_what_the_judge_measured(signals, name, value):
    assert features_of(signals)[name] == value


def test_every_registered_feature_is_set_for_every_candidate():
    features = features_of(_signals())
    assert set(features.values) == set(feature_names())
    assert features.prior == 0.4


def test_a_feature_name_is_registered_once():
    with pytest.raises(ValueError, match="prior"):
        feature("prior")(lambda s: {})
