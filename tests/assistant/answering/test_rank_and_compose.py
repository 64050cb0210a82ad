"""Ranking from fixed features, judging hand-built evidence, and composing answers from
hand-built records: the later stages without an index or a model."""

from dataclasses import replace

import pytest

from assistant.answering.compose import answer_of, combine, refusal_of
from assistant.answering.judge import judge
from assistant.answering.rank import confidence, logit, rank
from assistant.answering.records import (
    AnswerKind,
    Features,
    Finding,
    Ranked,
    Ranking,
    Refusal,
    Selection,
    Verdict,
    written,
)
from assistant.answering.select import describe, select
from assistant.answering.trace import PartTrace, Trace
from ingest.facts import read_facts
from tests.assistant.answering.kit import RULES, document, evidence, frame, sentence

DOC = document(
    "Hội nghị sơ kết nông thôn mới huyện Đình Lập\n"
    "Đến hết tháng 7/2021, toàn huyện Đình Lập có 06/10 xã đạt chuẩn nông thôn mới. Thu nhập "
    "bình quân đạt 35 triệu đồng/người/năm.",
    title="Hội nghị sơ kết nông thôn mới huyện Đình Lập",
    districts=("Đình Lập",),
    source="dinh-lap.txt",
)
FIRST = "Đến hết tháng 7/2021, toàn huyện Đình Lập có 06/10 xã đạt chuẩn nông thôn mới."
SECOND = "Thu nhập bình quân đạt 35 triệu đồng/người/năm."
QUESTION = "Huyện Đình Lập có bao nhiêu xã đạt chuẩn nông thôn mới?"


def _verdict(prior: float, quote: str = FIRST) -> Verdict:
    return Verdict(sentence(DOC, quote), prior=prior, features=Features({"prior": prior}))


def test_ranking_orders_by_the_prior_and_keeps_the_ruled_out_apart():
    ranking = rank([_verdict(0.2), _verdict(0.0, SECOND), _verdict(0.6)], RULES)
    assert [r.verdict.prior for r in ranking.ranked] == [0.6, 0.2]
    assert [v.prior for v in ranking.rejected] == [0.0]
    assert ranking.ranked[0].score == pytest.approx(0.6, abs=1e-3)  # logit(prior) calibrated back


def test_confidence_grows_with_the_lead_over_another_value():
    c = RULES.confidence
    assert confidence(2.0, 1.5, c) < confidence(2.0, 0.0, c) < confidence(2.0, None, c)
    assert confidence(3.0, None, c) > confidence(1.0, None, c)


def test_a_fitted_ranker_weighs_its_features():
    rules = RULES.replace(**{"rank.weights": {"cov_sentence": 2.0}, "rank.bias": -1.0})
    assert logit(Features({"prior": 0.5, "cov_sentence": 0.5}), rules.rank) == pytest.approx(0.0)


def test_judging_picks_the_asked_figure_and_says_why_others_lost():
    ev = evidence(QUESTION, sentence(DOC, FIRST), sentence(DOC, SECOND))
    verdicts = judge(ev, RULES)
    best = max(verdicts, key=lambda v: v.prior)
    assert best.value == "06/10 xã"
    income = next(v for v in verdicts if v.sentence.text == SECOND)
    assert not income.accepted and income.reason == "không có giá trị đúng loại"
    assert [c.name for c in best.checks][:2] == ["place", "tier"]


def _selection(question=QUESTION, quotes=(FIRST, SECOND), lang="vi"):
    ev = evidence(question, *(sentence(DOC, q) for q in quotes))
    return ev, select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang=lang)


def test_a_figure_answer_is_composed_from_its_finding():
    _, chosen = _selection()
    assert isinstance(chosen, Selection)
    answer = answer_of(QUESTION, chosen, None, "vi").answer
    lead, _, body = answer.answer.partition("\n\n")
    assert lead == "06/10 xã (Đến hết tháng 7/2021) [1]"
    assert body == f"Căn cứ: “{FIRST}” [1]"
    assert (answer.value, answer.kind, answer.unit, answer.as_of) == (
        "06/10 xã",
        "ratio",
        "xã",
        "2021-07",
    )
    assert (
        answer.citations[0].quote == DOC.text[answer.citations[0].start : answer.citations[0].end]
    )


def test_a_stored_figure_its_quote_does_not_contain_is_never_stated():
    # an edited export: the stored fact says 99/99 where the document says 06/10
    edited = [
        replace(f, value="99/99 xã", number=99.0, denominator=99.0) if f.value == "06/10 xã" else f
        for f in read_facts(DOC)
    ]
    ev = evidence(QUESTION, sentence(DOC, FIRST, facts=edited), sentence(DOC, SECOND))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.0, lang="vi")
    answer = (
        answer_of(QUESTION, chosen, None, "vi")
        if isinstance(chosen, Selection)
        else refusal_of(QUESTION, chosen, None, "vi")
    ).answer
    assert "99" not in answer.answer
    assert answer.abstained or answer.answer.startswith("06/10 xã")
    # a table cell's number with its unit from the column's header is what the cell states
    cell = next(f for f in read_facts(DOC) if f.value == "06/10 xã")
    assert written(replace(cell, value_end=cell.value_start + len("06/10")), DOC.text)
    assert not written(replace(cell, value="06/100 xã", value_end=cell.value_start + 5), DOC.text)


def test_the_english_frame_labels_the_time_from_the_structured_time():
    _, chosen = _selection(lang="en")
    answer = answer_of(QUESTION, chosen, None, "en").answer
    assert answer.answer.startswith("06/10 xã (as of 7/2021) [1]\n\nEvidence: “")


def test_a_refusal_names_the_place_no_document_speaks_of():
    ev = evidence("Huyện Tràng Định có bao nhiêu xã đạt chuẩn?", sentence(DOC, FIRST))
    ranking = rank(judge(ev, RULES), RULES)
    chosen = select(ev, ranking, RULES, threshold=RULES.confidence.threshold, lang="vi")
    assert isinstance(chosen, Refusal)
    answer = refusal_of("Huyện Tràng Định có bao nhiêu xã đạt chuẩn?", chosen, None, "vi").answer
    assert answer.abstained
    assert answer.answer.endswith("Không tài liệu nào nói về huyện Tràng Định.")
    assert answer.related and answer.related[0].source == "dinh-lap.txt"


def test_a_refusal_does_not_claim_no_document_names_a_place_the_collection_names():
    # the passages read are about Đình Lập, but another article of the collection is about
    # Tràng Định: the documents speak of it, only not of this
    other = "Huyện Tràng Định đã tổ chức hội nghị sơ kết chương trình."
    question = "Huyện Tràng Định có bao nhiêu xã đạt chuẩn?"
    ev = evidence(question, sentence(DOC, FIRST), extra_texts=(other,))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.99, lang="vi")
    assert isinstance(chosen, Refusal) and chosen.missing_places == ()
    assert "Không tài liệu nào" not in refusal_of(question, chosen, None, "vi").answer.answer


def test_a_refusal_does_not_claim_an_english_article_never_speaks_of_the_country():
    doc = document(
        "Vietnam's new rural programme\nAcross the country, the programme reached its goals.",
        source="en.txt",
    )
    question = "How many communes nationwide met all 19 criteria in 2014?"
    ev = evidence(question, sentence(doc, "Across the country, the programme reached its goals."))
    chosen = select(ev, rank(judge(ev, RULES), RULES), RULES, threshold=0.99, lang="en")
    assert isinstance(chosen, Refusal) and chosen.missing_places == ()
    assert "No document mentions" not in refusal_of(question, chosen, None, "en").answer.answer


def test_parts_are_combined_with_citations_numbered_once():
    ev, chosen = _selection()
    income_q = "Thu nhập bình quân của huyện Đình Lập là bao nhiêu?"
    _, income = _selection(income_q)
    parts = [QUESTION, income_q]
    composed = [answer_of(q, s, None, "vi") for q, s in zip(parts, (chosen, income), strict=True)]
    answer = combine("hai câu", None, parts, composed, "vi")
    lead = answer.answer.split("\n\n")[0]
    # the income takes the time frame its paragraph gave before it
    assert lead == (
        "06/10 xã (Đến hết tháng 7/2021) [1]; 35 triệu đồng/người/năm (Đến hết tháng 7/2021) [2]"
    )
    assert [c.n for c in answer.citations] == [1, 2]
    assert answer.kind == AnswerKind.LIST and answer.value == "06/10 xã; 35 triệu đồng/người/năm"
    refused = refusal_of("?", Refusal(ev.frame), None, "vi")
    half = combine("hai câu", None, parts, [composed[0], refused], "vi")
    assert half.answer.split("\n\n")[0].endswith("không có thông tin cho “" + income_q[:-1] + "”")
    assert half.confidence == pytest.approx(composed[0].answer.confidence / 2)
    # two parts the same sentence answers: the answer and its evidence are said once
    twice = combine("hai câu", None, [QUESTION, QUESTION], [composed[0], composed[0]], "vi")
    assert twice.answer.count(FIRST) == 1
    assert twice.answer.split("\n\n")[0] == "06/10 xã (Đến hết tháng 7/2021) [1]"


def test_a_timeline_lists_older_values_under_the_newest():
    old = document(
        "Đến hết năm 2019, toàn huyện Đình Lập có 04/10 xã đạt chuẩn nông thôn mới.",
        title="Đình Lập năm 2019",
        date="2019-12-30",
        source="dinh-lap-2019.txt",
    )
    ev = evidence(QUESTION, sentence(DOC, FIRST), sentence(old, old.text))
    ranking = rank(judge(ev, RULES), RULES)
    chosen = select(ev, ranking, RULES, threshold=0.0, lang="vi")
    assert [f.value for f in chosen.timeline] == ["06/10 xã", "04/10 xã"]
    text = answer_of(QUESTION, chosen, None, "vi").answer.answer
    lead, earlier, quotes = text.split("\n\n")
    assert lead == "06/10 xã (Đến hết tháng 7/2021) [1]"
    assert earlier.splitlines()[1] == "- 04/10 xã (Đến hết năm 2019; Đình Lập năm 2019) [2]"
    assert quotes.splitlines()[0].startswith("[1] “Đến hết tháng 7/2021")


def test_describe_reads_the_structured_fields_of_a_finding():
    ev, chosen = _selection()
    best: Finding = chosen.best
    again = describe(best.ranked, ev.frame, "vi")
    assert again == best
    assert isinstance(best.ranked, Ranked) and best.place


def test_no_candidate_is_a_refusal_with_the_nearest_passages():
    ev = evidence(frame("Ai là Bí thư Huyện ủy Đình Lập?"), sentence(DOC, SECOND))
    chosen = select(ev, Ranking((), tuple(judge(ev, RULES)), 0.0), RULES, 0.25, "vi")
    assert isinstance(chosen, Refusal) and chosen.related


def test_the_trace_says_what_each_check_said_and_why_a_sentence_lost():
    ev = evidence(QUESTION, sentence(DOC, FIRST), sentence(DOC, SECOND))
    ranking = rank(judge(ev, RULES), RULES)
    part = PartTrace(QUESTION, ev.frame, len(ev.hits), ranking, 0.25, answered=True)
    text = Trace(QUESTION, (part,)).render()
    assert "1. 06/10 xã" in text and "place: 1.0" in text
    assert "không có giá trị đúng loại" in text  # the income sentence, ruled out
    data = part.to_dict()
    assert data["analysis"]["indicator"] == "xa_dat_chuan"
    assert data["rejected"][0]["reason"] == "không có giá trị đúng loại"
