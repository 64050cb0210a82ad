"""Time expressions: what a figure's time is, and what a question asks about."""

import pytest

from base.times import read_times


def _one(text: str, ref: str | None = None):
    found = read_times(text, ref)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "role", "lo", "hi"),
    [
        ("Tính đến tháng 6/2018, toàn tỉnh có 41/88 xã", "asof", (2018, 6), (2018, 6)),
        ("Tính đến trung tuần tháng 12/2016, tỉnh có thêm 4 xã", "asof", (2016, 12), (2016, 12)),
        ("Năm 2015, Lâm Đồng có 21 xã", "date", (2015, 1), (2015, 12)),
        ("giai đoạn 2016 – 2020", "period", (2016, 1), (2020, 12)),
        ("6 tháng đầu năm 2021", "period", (2021, 1), (2021, 6)),
        ("tăng 10 xã so với năm 2015", "baseline", (2015, 1), (2015, 12)),
        ("thu nhập gấp hơn 2,5 lần năm 2015", "baseline", (2015, 1), (2015, 12)),
        ("giá trị sản xuất gấp mấy lần năm 2011?", "baseline", (2011, 1), (2011, 12)),
        ("phấn đấu đến năm 2025 có 80% số xã", "target", (2025, 1), (2025, 12)),
        ("phấn đấu năm 2022 có thêm 13 xã", "target", (2022, 1), (2022, 12)),
        ("Cuối năm 2016, Gia Lai có 31 xã", "asof", (2016, 10), (2016, 12)),
        ("đến tháng 12-2020, toàn huyện có 7/7 xã", "asof", (2020, 12), (2020, 12)),
        ("Ban Thời sự-Thứ bảy, ngày 22/12/2018 19:53 GMT+7", "date", (2018, 12), (2018, 12)),
    ],
)
def test_a_time_expression_is_read_with_its_role(text, role, lo, hi):
    t = _one(text)
    assert (t.role, t.lo, t.hi) == (role, lo, hi)
    assert t.text in text and text[t.start : t.end] == t.text


def test_relative_times_need_the_document_date():
    assert read_times("Đến nay, toàn huyện có 7/7 xã") == []
    now = _one("Đến nay, toàn huyện có 7/7 xã", ref="2022-07-15")
    assert now.relative and now.lo == now.hi == (2022, 7) and now.role == "asof"
    months = _one("7 tháng đầu năm, toàn tỉnh có thêm 5 xã", ref="2021-08-02")
    assert (months.lo, months.hi) == ((2021, 1), (2021, 7))


def test_document_numbers_and_amounts_are_not_years():
    assert read_times("Quyết định số 2021/QĐ-UBND và 2.020 tỷ đồng") == []
    assert [t.text for t in read_times("Quyết định số 1104/QĐ-UBND ngày 18/6/2015")] == [
        "18/6/2015"
    ]


def test_the_date_a_plan_was_issued_dates_no_figure():
    """'theo Kế hoạch số 680 …, ngày 19-2-2019': the plan's date, not when its 70 hamlets
    are to be recognised; a decision's date does date the recognition it makes."""
    (plan,) = read_times(
        "phấn đấu công nhận 70 ấp đạt chuẩn NTM theo Kế hoạch số 680 của UBND tỉnh, ngày 19-2-2019."
    )
    assert plan.role == "issued" and plan.text == "19-2-2019"
    (resolution,) = read_times("Nghị quyết số 20-NQ/TU, ngày 12/8/2011 của Ban Chấp hành")
    assert resolution.role == "issued"
    (decision,) = read_times("Quyết định số 92/QĐ-TTg ngày 8/4/2020 công nhận 5 xã đạt chuẩn")
    assert decision.role == "date"


def test_donating_is_not_now_though_it_folds_like_it():
    said = "Nhân dân đóng góp 236 tỷ đồng và hiến trên 90.000 m2 đất. Hiện có 20 xã đạt chuẩn."
    assert [t.text for t in read_times(said, "2020-12-18")] == ["Hiện có"]
    # typed without diacritics, 'hien' is still now
    assert [t.text for t in read_times("hien dat 19 tieu chi", "2020-12-18")] == ["hien"]
