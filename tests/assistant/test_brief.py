"""Conference briefs from the facts index (fake embedder, real Chroma): every figure cited
verbatim, conflicts shown side by side, targets beside results, honest when empty, and a Word
document an official can open."""

import io
import re

import pytest
from docx import Document as Docx

from assistant import Assistant
from assistant.brief_export import brief_docx, brief_markdown, write_brief
from base.errors import QuestionError
from tests.assistant.test_brief_rows import assert_rows_hold
from tests.conftest import FakeEmbedder, index_articles

ARTICLES = {
    "ha-giang-2021.txt": (
        "Hà Giang tổng kết xây dựng nông thôn mới năm 2021\n\n"
        "Cập nhật: 28/12/2021 08:00\n\n"
        "Đến hết năm 2021, toàn tỉnh Hà Giang có 64 xã đạt chuẩn nông thôn mới; bình quân mỗi xã "
        "đạt 12,4 tiêu chí. Đồng chí Nguyễn Văn Sơn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ "
        "trì hội nghị.\n\n"
        "Năm 2022, tỉnh phấn đấu nâng tổng số xã đạt chuẩn nông thôn mới lên 72 xã."
    ),
    "ha-giang-2022.txt": (
        "Hà Giang: kết quả nông thôn mới năm 2022\n\n"
        "Cập nhật: 30/12/2022 09:00\n\n"
        "Đến hết năm 2022, toàn tỉnh Hà Giang có 70 xã đạt chuẩn nông thôn mới; bình quân mỗi xã "
        "đạt 13,1 tiêu chí. Ngày 15/12/2022, UBND tỉnh ban hành Quyết định số 2345/QĐ-UBND công "
        "nhận 6 xã đạt chuẩn nông thôn mới.\n\n"
        "Tuy nhiên, chương trình còn những hạn chế như: thu nhập của người dân vùng cao còn "
        "thấp; việc huy động nguồn lực xã hội hóa gặp khó khăn.\n\n"
        "Chủ tịch UBND tỉnh yêu cầu các huyện: tập trung hỗ trợ các xã về đích; đẩy mạnh "
        "chương trình OCOP."
    ),
    "ha-giang-bao-khac.txt": (
        "Báo cáo nhanh về nông thôn mới tỉnh Hà Giang\n\n"
        "Cập nhật: 31/12/2022 10:00\n\n"
        "Đến hết năm 2022, toàn tỉnh Hà Giang có 71 xã đạt chuẩn nông thôn mới."
    ),
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return index_articles(tmp_path_factory.mktemp("brief"), ARTICLES)


def _cited_values_hold(brief) -> int:
    """Every value of the brief appears verbatim in the quote it cites; returns how many."""
    checked = 0
    points = [p for ps in brief.timelines.values() for p in ps]
    points += [t.target for t in brief.targets] + [r.latest for r in brief.headline]
    for p in points:
        assert p.value in brief.citation(p.citation).quote, (p.value, p.citation)
        checked += 1
    return checked


def test_headline_timeline_and_targets_for_a_province_and_period(bot):
    brief = bot.brief(place="Hà Giang", year_from=2021, year_to=2022)
    rows = {r.indicator: r for r in brief.headline}
    communes = rows["xa_dat_chuan"]
    assert communes.latest.as_of == "2022-12" and communes.latest.value in ("70 xã", "71 xã")
    assert communes.earliest.value == "64 xã" and communes.change.startswith("tăng")
    assert rows["tieu_chi_binh_quan"].latest.value == "13,1 tiêu chí"
    timeline = brief.timelines["xa_dat_chuan|Hà Giang"]
    assert [p.as_of for p in timeline] == sorted(p.as_of for p in timeline)
    target = next(t for t in brief.targets if t.target.indicator == "xa_dat_chuan")
    assert target.target.value == "72 xã" and target.result is not None
    assert _cited_values_hold(brief) >= 6
    assert_rows_hold(brief)


def test_two_sources_disagreeing_are_shown_side_by_side(bot):
    brief = bot.brief(place="Hà Giang", year_from=2022, year_to=2022)
    conflict = next(c for c in brief.conflicts if c.indicator == "xa_dat_chuan")
    values = sorted(p.value for p in conflict.points)
    assert values == ["70 xã", "71 xã"]
    sources = {brief.citation(p.citation).source for p in conflict.points}
    assert sources == {"ha-giang-2022.txt", "ha-giang-bao-khac.txt"}
    text = brief_markdown(brief)
    assert "70 xã [" in text and "71 xã [" in text


def test_decisions_and_people_are_listed_with_their_quotes(bot):
    brief = bot.brief(place="Hà Giang")
    decisions = [m.text for m in brief.decisions]
    assert any("2345/QĐ-UBND" in d for d in decisions)
    person = next(m for m in brief.people if "Nguyễn Văn Sơn" in m.text)
    assert "Chủ tịch UBND tỉnh" in person.role
    assert "Nguyễn Văn Sơn" in brief.citation(person.citation).quote


def test_an_empty_brief_says_so_and_points_to_what_exists(bot):
    brief = bot.brief(place="Hà Giang", year_from=2015, year_to=2016)
    assert brief.empty and "không có số liệu nào trong" in brief.empty_reason
    assert brief.nearest_years and min(brief.nearest_years) >= 2021
    elsewhere = bot.brief(place="Hà Giangg")
    assert elsewhere.empty and "Hà Giang" in elsewhere.nearest_places
    assert "Không có số liệu" in brief_markdown(elsewhere)


@pytest.mark.parametrize(
    "kwargs, wrong",
    [
        ({"place": "  "}, "Địa bàn trống"),
        ({"year_from": "hai nghìn"}, "không phải một năm"),
        ({"year_from": 2023, "year_to": 2021}, "lớn hơn"),
        ({"year_to": 3000}, "ngoài khoảng"),
        ({"indicators": ["so_bo"]}, "Chỉ tiêu không có"),
    ],
)
def test_a_bad_request_names_the_problem(bot, kwargs, wrong):
    with pytest.raises(QuestionError, match=wrong):
        bot.brief(**kwargs)


def test_the_word_document_holds_the_tables_the_chart_and_verbatim_sources(bot, tmp_path):
    brief = bot.brief(place="Hà Giang", year_from=2021, year_to=2022)
    path = write_brief(brief, tmp_path / "bao-cao.docx")
    doc = Docx(str(path))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Số liệu chính" in text and "Tài liệu đã dùng" in text
    quotes = dict(re.findall(r"^\[(\d+)\] .*?: “(.*)”$", text, flags=re.M))
    headline = doc.tables[0]
    assert [c.text for c in headline.rows[0].cells][:3] == [
        "Chỉ tiêu",
        "Địa bàn",
        "Giá trị mới nhất",
    ]
    checked = 0
    for table in doc.tables:
        header = [c.text for c in table.rows[0].cells]
        value_col = next((i for i, h in enumerate(header) if h.startswith("Giá trị")), None)
        for row in table.rows[1:]:
            cells = [c.text for c in row.cells]
            for cell in cells:  # 'value [n]' in one cell
                for value, n in re.findall(r"([^;\[\]]+?) \[(\d+)\]", cell):
                    assert value.strip() in quotes[n], (value, quotes[n])
                    checked += 1
            if value_col is not None and "Nguồn" in header:  # the value, and [n] under 'Nguồn'
                n = re.fullmatch(r"\[(\d+)\]", cells[header.index("Nguồn")]).group(1)
                assert cells[value_col] in quotes[n], (cells[value_col], quotes[n])
                checked += 1
    assert checked >= 8
    images = [r for r in doc.part.rels.values() if "image" in r.reltype]
    assert images, "the timeline chart is in the document"


def test_the_sections_in_words_hold_the_articles_items_verbatim_in_every_format(bot, tmp_path):
    brief = bot.brief(place="Hà Giang", year_from=2021, year_to=2022)
    limits = [s.text for s in brief.words.limits]
    tasks = [s.text for s in brief.words.tasks]
    assert limits == [
        "thu nhập của người dân vùng cao còn thấp",
        "việc huy động nguồn lực xã hội hóa gặp khó khăn",
    ]
    assert tasks == ["tập trung hỗ trợ các xã về đích", "đẩy mạnh chương trình OCOP"]
    highlights = brief.words.highlights
    assert highlights and all(s.text == brief.citation(s.citation).quote for s in highlights)
    for said in brief.words.limits + brief.words.tasks:
        assert said.text in brief.citation(said.citation).quote

    md = brief_markdown(brief)
    sections = re.findall(r"^## (\d+)\. (.+)$", md, flags=re.M)
    assert [title for _, title in sections[:4]] == [
        "Số liệu chính",
        "Kết quả nổi bật",
        "Tồn tại, hạn chế",
        "Nhiệm vụ, giải pháp",
    ]
    assert [int(n) for n, _ in sections] == list(range(1, len(sections) + 1))
    limits_md = md.split("## 3. Tồn tại, hạn chế")[1].split("\n## ")[0]
    assert [line[2:].rsplit(" [", 1)[0] for line in limits_md.split("\n") if line] == limits

    doc = Docx(str(write_brief(brief, tmp_path / "bao-cao.docx")))
    paragraphs = [p.text for p in doc.paragraphs]
    at = paragraphs.index("4. Nhiệm vụ, giải pháp")
    assert [p.rsplit(" [", 1)[0] for p in paragraphs[at + 1 : at + 3]] == tasks

    quiet = bot.brief(place="Hà Giang", year_from=2021, year_to=2021)
    assert quiet.words.limits == []  # the 2021 article states none
    assert "không nêu tồn tại, hạn chế" in brief_markdown(quiet)


def test_markdown_and_bad_output_names(bot, tmp_path):
    brief = bot.brief(place="Hà Giang")
    md = write_brief(brief, tmp_path / "bao-cao.md").read_text(encoding="utf-8")
    assert md.startswith("# Báo cáo số liệu nông thôn mới: Hà Giang")
    with pytest.raises(QuestionError, match=".docx"):
        write_brief(brief, tmp_path / "bao-cao.pdf")
    assert not (tmp_path / "bao-cao.pdf").exists()
    assert io.BytesIO(brief_docx(brief)).getbuffer().nbytes > 0


def test_a_brief_over_a_generated_multi_year_collection(tmp_path):
    """Three yearly reports per district (benchmarks/synth): one timeline point per year, the
    newest as the headline, every value in the quote it cites."""
    import subprocess
    import sys
    from collections import defaultdict

    from base.settings import Settings
    from tests.conftest import ROOT

    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks/synth/generate.py"),
            "--out",
            str(tmp_path / "g"),
            "--seed",
            "3",
            "--districts",
            "3",
            "--near-identical",
            "0",
        ],
        check=True,
        capture_output=True,
    )
    bot = Assistant(Settings.from_env({"NTM_HOME": str(tmp_path / "idx")}), embedder=FakeEmbedder())
    assert not bot.ingest([tmp_path / "g" / "docs"]).rejected
    years = defaultdict(set)
    for f in bot.facts(indicator="xa_dat_chuan"):
        if f.place_level == "huyen" and f.kind in ("total", "value") and f.time_hi:
            years[f.place].add(f.time_hi[:4])
    place = next(p for p, ys in sorted(years.items()) if len(ys) >= 3)
    brief = bot.brief(place=place)
    timeline = brief.timelines[f"xa_dat_chuan|{place}"]
    assert len({p.as_of[:4] for p in timeline}) >= 3
    row = next(r for r in brief.headline if r.indicator == "xa_dat_chuan")
    assert row.latest.as_of == max(p.as_of for p in timeline) and row.change
    assert _cited_values_hold(brief) >= 4
    assert_rows_hold(brief)  # targets are stated plans, changes like with like


# -- one language in every download ------------------------------------------------------------
@pytest.fixture(scope="module")
def lang_son(tmp_path_factory):
    """The Lạng Sơn brief of 2019–2021 over the bundled articles."""
    from tests.conftest import DOCUMENTS

    articles = {p.name: p.read_text(encoding="utf-8") for p in DOCUMENTS.iterdir()}
    bot = index_articles(tmp_path_factory.mktemp("brief-lang"), articles)
    return bot.brief(place="Lạng Sơn", year_from=2019, year_to=2021)


def _docx_text(data: bytes) -> tuple[str, list[list[str]]]:
    doc = Docx(io.BytesIO(data))
    cells = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    text = "\n".join([p.text for p in doc.paragraphs] + ["\t".join(row) for row in cells])
    return text, cells


def test_an_english_brief_speaks_english_around_the_documents_words(lang_son, tmp_path):
    from tests.languages import other_language

    md = brief_markdown(lang_son, "en")
    assert md.startswith("# NTM figures: Lạng Sơn, 2019–2021\n")
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    assert headings[:5] == [
        "1. Headline figures",
        "2. Main results",
        "3. Shortcomings and difficulties",
        "4. Tasks and solutions",
        "5. Timelines",
    ]
    assert "| Indicator | Place | Latest value | As of | Change | Source |" in md
    # figures in English units and number format, changes in English words
    row = next(line for line in md.splitlines() if line.startswith("| average criteria per"))
    assert "| 13.15 criteria | 8/2021 | up 1.61 (from 11.54 criteria, 12/2019) |" in row
    assert "| 65 communes | 8/2021 |" in md and "total, after the merger, over 181 communes" in md
    word, cells = _docx_text(brief_docx(lang_son, "en"))
    assert cells[0] == ["Indicator", "Place", "Latest value", "As of", "Change", "Source"]
    for text in (md, word):
        leaks = other_language(text, "en")  # quotes, sentences, titles and names aside
        assert not leaks, leaks
    # the documents' words stay as written: every quote verbatim, the items of the sections
    for c in lang_son.citations:
        assert f"“{c.quote}”" in word
    for item in lang_son.words.limits:
        assert f"- {item.text} [{item.citation}]" in md
    written = write_brief(lang_son, tmp_path / "brief.md", lang="en").read_text(encoding="utf-8")
    assert written == md


def test_a_vietnamese_brief_has_no_english_and_is_the_default(lang_son, tmp_path):
    from tests.languages import other_language

    md = brief_markdown(lang_son, "vi")
    assert md == brief_markdown(lang_son)
    assert md.startswith("# Báo cáo số liệu nông thôn mới: Lạng Sơn, 2019–2021\n")
    assert "| 13,15 tiêu chí | tháng 8/2021 | tăng 1,61 (từ 11,54 tiêu chí, 12/2019) |" in md
    word, cells = _docx_text(brief_docx(lang_son))
    assert cells[0] == ["Chỉ tiêu", "Địa bàn", "Giá trị mới nhất", "Thời điểm", "Thay đổi", "Nguồn"]
    for text in (md, word):
        leaks = other_language(text, "vi")
        assert not leaks, leaks
    with pytest.raises(QuestionError, match="'fr'"):
        write_brief(lang_son, tmp_path / "brief.md", lang="fr")
