"""Tasks, solutions and requests: 'Chủ tịch UBND tỉnh yêu cầu các địa phương làm gì?', 'những
giải pháp nào', 'đã làm gì để …', 'kiến nghị … theo hướng nào', 'What measures …?'."""

from __future__ import annotations

import re
from typing import ClassVar

from assistant.answering.kinds import register
from assistant.answering.kinds.passage import PassageType
from assistant.answering.records import QuestionKind


class TasksType(PassageType):
    kind: ClassVar[QuestionKind] = QuestionKind.TASKS
    order = 56
    time_bounds = True
    question_cue = re.compile(
        r"\b(nhiem vu|giai phap|lam gi|viec gi|nhung viec|de nghi|kien nghi|de xuat|yeu cau|"
        r"chi dao|tap trung vao|buoc di|measures|solutions|tasks|steps|asked|requested|"
        r"directed|urged)\b"
    )
    # directives and their verbs ('đề nghị', 'tập trung', 'đẩy nhanh'), not 'thực hiện' or
    # 'cần', which any report uses
    # ('hoàn thành nhiệm vụ xây dựng nông thôn mới' is a district's standing, not a task)
    evidence_cue = re.compile(
        r"\b(de nghi|yeu cau|chi dao|giao nhiem vu|de xuat|kien nghi|(?<!hoan thanh )nhiem vu|"
        r"giai phap|"
        r"tap trung|tiep tuc|day manh|day nhanh|tang cuong|khan truong|chu trong|uu tien|tasks?|"
        r"urged?|asked|requested|directed|focus\w*|measures?|solutions?)\b"
    )
    # 'giao' the verb ('giao nhiệm vụ', 'giao cho'), not 'giáo dục' or 'giao thông' folded
    # and 'yêu cầu' that asks, not one that measures ('chậm so với yêu cầu', 'đáp ứng yêu cầu')
    leads = re.compile(
        # (not the steering committee, 'Ban Chỉ đạo', nor a lead that a comma ends)
        r"\b(de nghi|(?<!so voi )(?<!theo )(?<!ung )yeu cau|(?<!ban )chi dao(?!\s*,)|"
        r"giao (?:nhiem vu|cho|trach nhiem)|kien nghi|de xuat)\b"
    )


register(TasksType())
