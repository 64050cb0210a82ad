"""A brief's rows without an index (no Chroma, no model): over the bundled documents and over
generated multi-year collections, every target row quotes a sentence that states a plan for a
stated time and sits beside a result measured like it, and every change pairs figures of one
measure, unit, part of the place and count (never across a commune merger)."""

from __future__ import annotations

import hashlib
import io
import random
import re

import pytest
from docx import Document as Docx

from assistant.answering.rules import Rules
from assistant.brief import DEFAULT_INDICATORS, Brief, build_brief, whole_clauses
from assistant.brief_export import brief_docx, brief_markdown, series_of
from base.text import fold
from base.types import Document
from ingest.facts import names_now, read_facts, states_plan
from ingest.loaders import read_document
from ingest.pipeline import prepare_document
from tests.assistant.answering.kit import document
from tests.conftest import DOCUMENTS

RULES = Rules.default().brief


def _brief(documents: list[Document], place: str, **period) -> Brief:
    """The brief of ``place`` as ``Assistant.brief`` builds it, from facts read here."""
    facts = [f for doc in documents for f in read_facts(doc) if fold(f.place) == fold(place)]
    return build_brief(
        facts,
        {d.meta.source: d for d in documents},
        place,
        period.get("year_from"),
        period.get("year_to"),
        DEFAULT_INDICATORS,
    )


@pytest.fixture(scope="session")
def bundled() -> list[Document]:
    """The bundled documents as ingest stores them (read once for the session)."""
    docs = []
    for path in sorted(DOCUMENTS.iterdir()):
        raw, text = read_document(path, 50 * 2**20)
        doc, _ = prepare_document(path.name, hashlib.sha256(raw).hexdigest(), text, 1500)
        docs.append(doc)
    return docs


@pytest.fixture(scope="session")
def lang_son(bundled) -> Brief:
    return _brief(bundled, "Lạng Sơn")


def assert_rows_hold(brief: Brief) -> int:
    """The brief's promises, row by row; returns how many rows were checked."""
    checked = 0
    for row in brief.targets:
        target, quote = row.target, brief.citation(row.target.citation).quote
        assert states_plan(quote), quote  # the quote says it is planned …
        assert target.value in quote and target.time_text in quote, (target.value, quote)
        assert not names_now(target.time_text), target.time_text  # … for a stated time
        if row.result is not None:
            result = row.result
            assert result.measure == target.measure, (target.value, result.value)
            assert result.unit.split("/")[0] == target.unit.split("/")[0]
            assert result.group == target.group, (target.value, result.value)
            if result.basis and target.basis:
                assert abs(result.basis - target.basis) <= RULES.basis_tolerance * target.basis
            assert result.as_of <= target.as_of
            if target.measure == "increment":
                assert target.since <= result.as_of  # in the target's own year
            assert result.value in brief.citation(result.citation).quote
        else:
            assert row.why_none
        checked += 1
    for row in brief.headline:
        if re.match(r"tăng|giảm|không đổi", row.change):
            first, last = row.earliest, row.latest
            assert first is not None and first.as_of < last.as_of
            assert (first.measure, first.group, first.series) == (
                last.measure,
                last.group,
                last.series,
            ), row.change
            assert first.unit.split("/")[0] == last.unit.split("/")[0]
            if first.basis and last.basis:
                assert abs(first.basis - last.basis) <= RULES.basis_tolerance * last.basis
            checked += 1
        assert not row.latest.group  # the headline is where the whole place stands
    return checked


# -- the bundled documents ------------------------------------------------------------------


def test_the_bundled_lang_son_brief_keeps_its_promises(lang_son):
    assert assert_rows_hold(lang_son) >= 15


def test_the_five_wrong_target_rows_are_gone(lang_son):
    rows = {(t.target.value, t.target.as_of[:4]): t for t in lang_son.targets}
    # a sentence about 20 border communes' criteria sets no target of advanced communes
    assert not any(t.target.value == "20 xã" for t in lang_son.targets)
    # the five pilot communes' 10,8 criteria is where they stand, not a target
    assert not any("10,8" in t.target.value for t in lang_son.targets)
    # the nâng cao communes' average is said to be theirs, and no province figure meets it
    subset = rows[("9 tiêu chí", "2025")]
    assert "riêng xã NTM nâng cao" in subset.target.kind_label() and subset.result is None
    # a yearly increase is one, never set against the communes reached so far
    yearly = rows[("10 xã", "2025")]
    assert yearly.target.kind_label() == "tăng thêm mỗi năm" and yearly.result is None
    assert rows[("10 xã", "2022")].target.kind_label() == "tăng thêm"
    # totals beside the latest total, counted out of the same 181 communes
    for total in (rows[("85 xã", "2022")], rows[("115/181 xã", "2025")]):
        assert total.target.kind_label() == "tổng số" and total.result.value == "65 xã"
    compared = [t for t in lang_son.targets if t.result is not None]
    assert compared and all(t.result.measure == t.target.measure for t in compared)


def test_a_commune_merger_makes_two_labelled_series_and_no_change_across_it(lang_son):
    row = next(r for r in lang_son.headline if r.indicator == "xa_dat_chuan")
    assert row.latest.value == "65 xã" and "tăng 4" not in row.change
    assert row.earliest is None or row.earliest.value == "65/181 xã"
    timeline = {p.value: p for p in lang_son.timelines["xa_dat_chuan|Lạng Sơn"]}
    before = {series_of(timeline[v]) for v in ("61 xã", "74/207 xã")}
    after = {series_of(timeline[v]) for v in ("65/181 xã", "65 xã")}
    assert before == {"trước sáp nhập, trên 207 xã"} and after == {"sau sáp nhập, trên 181 xã"}
    md = brief_markdown(lang_son)
    assert "| Năm 2019 | 61 xã | tổng, trước sáp nhập, trên 207 xã |" in md
    assert "| tháng 8/2021 | 65 xã | tổng, sau sáp nhập, trên 181 xã |" in md


def test_the_header_names_indicators_in_words_and_decisions_are_whole_clauses(lang_son):
    md = brief_markdown(lang_son)
    word = "\n".join(p.text for p in Docx(io.BytesIO(brief_docx(lang_son))).paragraphs)
    for text in (md.split("\n")[2], word):
        assert "xã đạt chuẩn NTM, xã đạt chuẩn NTM nâng cao" in text
        assert "tỷ lệ hộ nghèo" in text
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), text  # no internal key
    assert lang_son.decisions
    for m in lang_son.decisions:
        quote = lang_son.citation(m.citation).quote
        at = quote.index(m.role) + len(m.role)
        assert at == len(quote) or quote[at] in ",;.!?…", m.role  # ends where a clause does
    nq = next(m for m in lang_son.decisions if "20-NQ/TU" in m.text)
    assert nq.role.endswith("giai đoạn 2011 - 2020")  # not '… Phong trào thi đua … đã được'


@pytest.mark.parametrize(
    "sentence, most, said",
    [
        ("Quyết định số 1/QĐ-UBND công nhận 6 xã đạt chuẩn.", 160, "công nhận 6 xã đạt chuẩn"),
        ("Kế hoạch số 2/KH-UBND về A, giai đoạn 2021 - 2025, B đã được triển khai.", 20, "về A"),
        (
            "Kế hoạch số 2/KH-UBND về A, giai đoạn 2021 - 2025, B đã được.",
            30,
            "về A, giai đoạn 2021 - 2025",
        ),
        (
            "Quyết định số 3/QĐ-UBND về việc ban hành bộ tiêu chí rất dài; và điều khác.",
            10,
            "về việc ban hành bộ tiêu chí rất dài",
        ),
    ],
)
def test_what_a_decision_did_is_cut_only_where_a_clause_ends(sentence, most, said):
    at = re.search(r"UBND", sentence).end()
    assert whole_clauses(sentence, at, most) == said


# -- generated multi-year collections -------------------------------------------------------

PROVINCES = ("Hòa Bình", "Tuyên Quang", "Yên Bái", "Bắc Kạn")


def _collection(seed: int) -> tuple[str, list[Document], dict]:
    """Yearly reports of an invented province, 2019–2024, with a commune merger in one year
    (the merger year's report counts both ways), targets of every kind for the next year, a
    plan to 2025 continued in its paragraph, and averages of part of the province."""
    rng = random.Random(seed)
    province = PROVINCES[seed % len(PROVINCES)]
    before, after = rng.randint(190, 230), rng.randint(150, 180)
    merger = rng.randint(2020, 2022)
    total, average = rng.randint(30, 60), 10.0 + rng.randint(0, 10) / 10
    docs, truth = [], {"merger": merger, "totals": {}}
    for year in range(2019, 2025):
        added = rng.randint(5, 15)
        total += added
        average = round(average + 0.5 + rng.randint(0, 5) / 10, 1)
        communes = after if year >= merger else before
        share = f"{100 * total / communes:.2f}".replace(".", ",")
        lines = [f"Tổng kết nông thôn mới tỉnh {province} năm {year}", ""]
        if year == merger:
            old = total + rng.randint(5, 12)
            lines += [
                f"Tính theo số liệu trước khi sáp nhập xã, đến hết năm {year}, toàn tỉnh có "
                f"{old}/{before} xã đạt chuẩn nông thôn mới.",
                f"Tính theo số liệu sau khi sáp nhập xã, đến hết năm {year}, toàn tỉnh có "
                f"{total}/{after} xã đạt chuẩn nông thôn mới.",
            ]
        elif rng.random() < 0.5:
            lines.append(
                f"Trong năm {year}, toàn tỉnh có thêm {added} xã đạt chuẩn nông thôn mới, nâng "
                f"tổng số xã đạt chuẩn lên {total} xã, chiếm tỷ lệ {share}%."
            )
        else:  # no share: the basis is the nearest stated one
            lines.append(f"Đến hết năm {year}, toàn tỉnh có {total} xã đạt chuẩn nông thôn mới.")
        truth["totals"][year] = (total, communes)
        pilot = rng.randint(3, 6)
        lines += [
            f"Năm {year}, bình quân mỗi xã đạt {str(average).replace('.', ',')} tiêu chí. "
            f"Đến nay, {pilot} xã điểm phấn đấu đạt chuẩn nông thôn mới nâng cao đã đạt trung "
            f"bình {rng.randint(8, 12)},{rng.randint(1, 9)}/15 tiêu chí/xã.",
            "",
            f"Năm {year + 1}, toàn tỉnh phấn đấu có thêm {rng.randint(5, 12)} xã đạt chuẩn nông "
            f"thôn mới, nâng tổng số lên {total + rng.randint(5, 12)} xã; "
            f"{rng.randint(10, 25)} xã biên giới phấn đấu bình quân đạt "
            f"{rng.randint(11, 14)} tiêu chí/xã; bình quân mỗi xã trên địa bàn tỉnh đạt "
            f"{int(average) + 2} tiêu chí.",
        ]
        if year == 2024:
            lines += [
                "",
                f"Mục tiêu đến năm 2025: toàn tỉnh có {total + 10}/{after} xã đạt chuẩn nông "
                f"thôn mới (bình quân mỗi năm có thêm {rng.randint(8, 12)} xã). Bình quân mỗi xã "
                f"nâng cao trên địa bàn đạt {rng.randint(8, 10)} tiêu chí.",
            ]
        docs.append(
            document(
                "\n".join(lines),
                title=lines[0],
                date=f"{year}-12-28",
                provinces=(province,),
                source=f"{fold(province).replace(' ', '-').lower()}-{year}.txt",
            )
        )
    return province, docs, truth


@pytest.mark.parametrize("seed", range(4))
def test_a_generated_multi_year_brief_keeps_its_promises(seed):
    province, docs, truth = _collection(seed)
    brief = _brief(docs, province)
    assert assert_rows_hold(brief) >= 12
    # every yearly plan is a target row of its kind, beside a result of that kind or none
    kinds = {t.target.kind_label() for t in brief.targets}
    assert {"tăng thêm", "tổng số", "tăng thêm mỗi năm", "mức đạt"} <= kinds
    assert "mức đạt, riêng xã biên giới" in kinds and "mức đạt, riêng xã nâng cao" in kinds
    # the border communes' count is no target of its own
    counts = [t for t in brief.targets if "tiêu chí" not in t.target.value]
    assert not any("biên giới" in t.target.kind_label() for t in counts)
    # the communes reached: a change only within one count; the merger year's two counts
    # are two series
    row = next(r for r in brief.headline if r.indicator == "xa_dat_chuan")
    last_total, communes = truth["totals"][2024]
    assert row.latest.value == f"{last_total} xã"
    assert row.earliest is not None and row.earliest.basis == communes
    timeline = brief.timelines[f"xa_dat_chuan|{province}"]
    series = {series_of(p) for p in timeline}
    assert any("trước sáp nhập" in s for s in series) and any("sau sáp nhập" in s for s in series)
    for p in timeline:
        if int(p.as_of[:4]) < truth["merger"]:
            assert "sau sáp nhập" not in series_of(p), (p.value, p.as_of)
        if int(p.as_of[:4]) > truth["merger"]:
            assert "trước sáp nhập" not in series_of(p), (p.value, p.as_of)
    # the pilot communes' averages stand apart from the province's
    averages = next(r for r in brief.headline if r.indicator == "tieu_chi_binh_quan")
    assert "/15" not in averages.latest.value and averages.change.startswith("tăng")
