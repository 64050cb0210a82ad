"""The numbered documents' table: a document's type is read by its name, else by its code."""

import pytest

from base.documents import document_type


@pytest.mark.parametrize(
    "written, name",
    [
        ("Kết luận số 71-KL/TU", "kết luận"),
        ("các Quyết định: 476/QĐ-UBND, 477/QĐ-UBND", "quyết định"),
        ("số 476/QĐ-UBND", "quyết định"),  # no name: the code says
        ("Số: 75/KH-UBND", "kế hoạch"),
        ("Nghị quyết 04-NQ/HU", "nghị quyết"),
        ("Đề án số 16/ĐA-UBND", "đề án"),
    ],
)
def test_a_documents_type_is_read_by_its_name_else_its_code(written, name):
    assert document_type(written).name == name


def test_a_number_with_no_known_code_has_no_type():
    assert document_type("số 602/VPUBND-KT") is None
