"""The brief's sections in words over invented articles (no index, no model): the items a
sentence announces, verbatim, each cited; the meeting's own sentences left out; another
province's words left out; nothing invented when the documents say nothing."""

from assistant.brief_words import MOST_ITEMS, Section, read_sections
from tests.assistant.answering.kit import document

CONFERENCE = document(
    "Hội nghị sơ kết nông thôn mới tỉnh Hòa Bình năm 2022\n\n"
    "Ngày 20/7/2022, UBND tỉnh Hòa Bình tổ chức hội nghị sơ kết 6 tháng và triển khai nhiệm vụ "
    "6 tháng cuối năm. Các đại biểu đã thảo luận những khó khăn và đề xuất giải pháp.\n\n"
    "Đến nay toàn tỉnh có 85 xã đạt chuẩn nông thôn mới.\n\n"
    "Tuy nhiên, chương trình vẫn còn những khó khăn, hạn chế như: nguồn vốn đối ứng của các xã "
    "còn thiếu; việc giải ngân vốn sự nghiệp còn chậm; một số tiêu chí chưa bền vững.\n\n"
    "Kết luận hội nghị, Chủ tịch UBND tỉnh đề nghị các sở, ngành, địa phương:\n"
    "- Đẩy nhanh tiến độ giải ngân nguồn vốn của chương trình;\n"
    "- Rà soát, nâng cao chất lượng các tiêu chí đã đạt;\n"
    "- Tăng cường công tác tuyên truyền, vận động người dân.\n",
    title="Hội nghị sơ kết nông thôn mới tỉnh Hòa Bình năm 2022",
    date="2022-07-21",
    provinces=("Hòa Bình",),
    source="hoa-binh-2022.txt",
)

NEIGHBOUR = document(
    "Tin vắn\n\n"
    "Tại tỉnh Sơn La, những khó khăn, vướng mắc gồm: thiếu đất sạch để xây trường; giá vật liệu "
    "tăng cao.\n",
    date="2022-06-01",
    source="son-la.txt",
)

QUIET = document(
    "Lễ đón nhận danh hiệu\n\n"
    "Xã Tân Lập đón nhận bằng công nhận đạt chuẩn nông thôn mới trong niềm vui của người dân.\n",
    source="le-don-nhan.txt",
)


class Citer:
    """Numbers quotes as the brief does, and keeps them to check against the text."""

    def __init__(self, *docs):
        self.docs = {d.meta.source: d for d in docs}
        self.quotes: dict[int, tuple[str, str]] = {}

    def __call__(self, source: str, start: int, end: int) -> int:
        n = len(self.quotes) + 1
        self.quotes[n] = (source, self.docs[source].text[start:end])
        return n


def test_limits_and_tasks_are_the_items_the_articles_announce_verbatim_and_cited():
    cite = Citer(CONFERENCE)
    found = read_sections([CONFERENCE], "Hòa Bình", cite)
    assert [s.text for s in found.limits] == [
        "nguồn vốn đối ứng của các xã còn thiếu",
        "việc giải ngân vốn sự nghiệp còn chậm",
        "một số tiêu chí chưa bền vững",
    ]
    assert [s.text for s in found.tasks] == [
        "Đẩy nhanh tiến độ giải ngân nguồn vốn của chương trình",
        "Rà soát, nâng cao chất lượng các tiêu chí đã đạt",
        "Tăng cường công tác tuyên truyền, vận động người dân",
    ]
    for said in found.limits + found.tasks:
        source, quote = cite.quotes[said.citation]
        assert source == "hoa-binh-2022.txt" and said.text in quote
    # the meeting's own words ('thảo luận những khó khăn', 'triển khai nhiệm vụ') are no item
    everything = " ".join(s.text for s in found.limits + found.tasks)
    assert "thảo luận" not in everything and "triển khai nhiệm vụ" not in everything


def test_highlights_are_the_given_sentences_once_each():
    cite = Citer(CONFERENCE)
    sentence = "Đến nay toàn tỉnh có 85 xã đạt chuẩn nông thôn mới."
    found = read_sections([], "Hòa Bình", cite, highlights=[(sentence, 1), (sentence, 1)])
    assert [(s.text, s.citation) for s in found.highlights] == [(sentence, 1)]


def test_another_provinces_difficulties_are_not_the_places():
    cite = Citer(CONFERENCE, NEIGHBOUR)
    found = read_sections([CONFERENCE, NEIGHBOUR], "Hòa Bình", cite)
    assert not any("đất sạch" in s.text for s in found.limits)
    # with no place asked, they are
    found = read_sections([NEIGHBOUR], None, Citer(NEIGHBOUR))
    assert [s.text for s in found.limits] == [
        "thiếu đất sạch để xây trường",
        "giá vật liệu tăng cao",
    ]


def test_documents_that_state_nothing_give_empty_sections_with_words_saying_so():
    found = read_sections([QUIET], None, Citer(QUIET))
    assert found.of(Section.LIMITS) == [] and found.of(Section.TASKS) == []
    assert "không nêu tồn tại, hạn chế" in Section.LIMITS.none_said()


def test_many_documents_share_the_section_and_none_is_repeated():
    copies = [
        document(
            CONFERENCE.text.replace("năm 2022", f"năm {2015 + i}"),
            date=f"{2015 + i}-07-21",
            source=f"hoa-binh-{i}.txt",
        )
        for i in range(5)
    ]
    found = read_sections(copies, "Hòa Bình", Citer(*copies))
    assert len(found.limits) == 3  # the same three items, once each
    assert len(found.tasks) <= MOST_ITEMS
