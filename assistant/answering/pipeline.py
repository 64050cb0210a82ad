"""The extractive answerer: the stages wired together.

    analyse -> gather -> judge -> rank -> select -> compose

No language model is needed: the answer is read off the retrieved passages, or the assistant
abstains. Each stage is a module of this package with typed records between them
(``records``); every weight is a named rule (``rules``); what differs between kinds of
questions lives in the question types (``kinds``).

Usage::

    answerer = Answerer(retriever, embedder, store, settings)
    answer = answerer.ask("Thái Nguyên có bao nhiêu xã đạt chuẩn NTM?")
    answer, trace = answerer.explain("Thái Nguyên có bao nhiêu xã đạt chuẩn NTM?")
"""

from __future__ import annotations

import logging
import time
import unicodedata
from collections.abc import Callable, Sequence

from assistant.answering import kinds
from assistant.answering.analyse import analyze
from assistant.answering.compose import Composed, answer_of, combine, refusal_of
from assistant.answering.features import feature_names
from assistant.answering.followup import asked_in_english, previous_questions, resolve_follow_up
from assistant.answering.gather import Gatherer
from assistant.answering.judge import judge
from assistant.answering.rank import rank
from assistant.answering.records import Selection
from assistant.answering.rules import Rules
from assistant.answering.select import select
from assistant.answering.split import split_question
from assistant.answering.trace import PartTrace, Trace
from assistant.answering.wording import check_lang, frame_lang
from base.errors import QuestionError, SettingsError
from base.settings import Settings
from base.types import Answer

log = logging.getLogger(__name__)


def check_question(question: object, settings: Settings, rules: Rules | None = None) -> str:
    """The question, trimmed, or a QuestionError saying what is wrong with it."""
    rules = rules or Rules.default()
    if not isinstance(question, str):
        raise QuestionError("Câu hỏi phải là văn bản. (The question must be text.)")
    text = unicodedata.normalize("NFC", question).strip()
    if not text:
        raise QuestionError("Câu hỏi đang trống: hãy nhập câu hỏi. (The question is empty.)")
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        raise QuestionError(
            "Câu hỏi không có chữ nào: hãy nhập câu hỏi bằng tiếng Việt hoặc tiếng Anh. "
            "(The question has no words.)"
        )
    if len(text) > settings.max_question_chars:
        raise QuestionError(
            f"Câu hỏi quá dài ({len(text)} ký tự, tối đa {settings.max_question_chars}, "
            "cài đặt NTM_MAX_QUESTION_CHARS): hãy hỏi ngắn gọn hơn. "
            f"(The question is too long: {len(text)} characters, at most "
            f"{settings.max_question_chars}.)"
        )
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    if latin / len(letters) < rules.analyse.min_latin_share:
        raise QuestionError(
            "Câu hỏi viết bằng chữ viết khác: hiện chỉ hỗ trợ tiếng Việt (có hoặc không dấu) "
            "và tiếng Anh. (Only Vietnamese and English questions are supported.)"
        )
    return text


class Answerer:
    """Finds the answer inside the retrieved passages; abstains when the evidence is weak.

    ``rules`` defaults to ``Rules.default()`` (or the file ``NTM_RULES`` names); the
    abstention threshold is ``rules.confidence.threshold`` unless ``NTM_MIN_CONFIDENCE`` sets
    another.
    """

    def __init__(self, retriever, embedder, store, settings: Settings, rules: Rules | None = None):
        self.settings = settings
        if rules is None:
            rules = Rules.for_settings(settings)
        unknown = set(rules.rank.weights) - set(feature_names())
        if unknown:
            raise SettingsError(
                f"Quy tắc rank.weights nêu đặc trưng không có: {', '.join(sorted(unknown))}. "
                "(The rules weigh features no feature function sets.)"
            )
        self.rules = rules
        self.gatherer = Gatherer(retriever, embedder, store, rules)

    @property
    def threshold(self) -> float:
        """The abstention threshold: the setting's, else the rules table's."""
        if self.settings.min_confidence is not None:
            return self.settings.min_confidence
        return self.rules.confidence.threshold

    def ask(
        self,
        question: str,
        history: Sequence | None = None,
        filters=None,
        lang: str | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> Answer:
        """The answer to ``question``, or an abstention.

        ``progress`` is told each stage as it starts: "search", "read", "compose". ``lang``
        is the interface language ("vi", "en", or None for automatic): the words around the
        quoted evidence are English when it is "en" or the question is English.
        """
        return self._run(question, history, filters, lang, progress, None)

    def explain(
        self, question: str, history: Sequence | None = None, filters=None, lang: str | None = None
    ) -> tuple[Answer, Trace]:
        """The answer and the trace of how it was reached (see ``trace``)."""
        parts: list[PartTrace] = []
        answer = self._run(question, history, filters, lang, None, parts)
        return answer, Trace(answer.resolved_question or answer.question, tuple(parts))

    def _run(self, question, history, filters, lang, progress, traces) -> Answer:
        lang = check_lang(lang)
        text = check_question(question, self.settings, self.rules)
        rules = self.rules.analyse
        resolved = resolve_follow_up(text, previous_questions(history), rules)
        lang = frame_lang(lang, asked_in_english(text, resolved, rules))
        resolved_out = resolved if resolved != text else None
        parts = split_question(resolved)
        if len(parts) == 1:  # the question, or what it asks without a redundant part
            return self._ask_one(
                text, parts[0], resolved_out, filters, lang, progress, traces
            ).answer
        composed = [
            self._ask_one(part, part, None, filters, lang, progress, traces) for part in parts
        ]
        return combine(text, resolved_out, parts, composed, lang)

    def _compound(self, text, resolved_out, frame, parts, filters, lang, progress, traces):
        """A question answered from the answers of others: each part asked alone, the
        answers side by side under their labels, and what they say together."""
        labels = [label for label, _ in parts]
        questions = [question for _, question in parts]
        composed = [self._ask_one(q, q, None, filters, lang, progress, traces) for q in questions]
        conclusion = kinds.get(frame.kind).conclude(frame, [c.selection for c in composed], lang)
        answer = combine(text, resolved_out, questions, composed, lang, labels, conclusion)
        return Composed(answer)

    def _ask_one(self, text, resolved, resolved_out, filters, lang, progress, traces) -> Composed:
        timings: dict[str, float] = {}
        started = time.perf_counter()
        if progress:
            progress("search")
        frame = analyze(resolved, self.rules)
        parts = kinds.get(frame.kind).parts(frame)
        if parts:
            return self._compound(text, resolved_out, frame, parts, filters, lang, progress, traces)
        analysed = time.perf_counter()
        hits = self.gatherer.search(frame, filters, timings)
        searched = time.perf_counter()
        if progress:
            progress("read")
        evidence = self.gatherer.gather(frame, hits, filters)
        ranking = rank(judge(evidence, self.rules), self.rules)
        if progress:
            progress("compose")
        chosen = select(evidence, ranking, self.rules, self.threshold, lang)
        if isinstance(chosen, Selection):
            composed = answer_of(text, chosen, resolved_out, lang)
        else:
            composed = refusal_of(text, chosen, resolved_out, lang)
        if traces is not None:
            traces.append(
                PartTrace(
                    resolved,
                    frame,
                    len(evidence.hits),
                    ranking,
                    self.threshold,
                    isinstance(chosen, Selection),
                )
            )
        timings.update(
            analyze_ms=(analysed - started) * 1000,
            extract_ms=(time.perf_counter() - searched) * 1000,
        )
        composed.answer.timings_ms.update(timings)
        return composed
