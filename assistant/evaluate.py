"""Scoring the assistant on a question set (the format of eval/FORMAT.md).

Usage::

    questions, problems = load_questions(Path("eval/questions.jsonl"))
    report = run_eval(Assistant(), questions)
    print(report.accuracy, report.per_tag)

Scoring is exactly FORMAT.md's: an answerable question is correct when the assistant did not
abstain, its **direct answer** (the answer text up to its first blank line) matches every
``must_include`` pattern (case-insensitive, on NFC text) and at least one citation names a gold
source with a quote that is verbatim text of that document; an unanswerable question is correct
when the assistant abstained. The older, looser figure (patterns matched anywhere in the answer,
quoted evidence included) is reported beside it as ``accuracy_whole_text``.
"""

from __future__ import annotations

import html
import json
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from assistant.answering import kinds
from assistant.answering.records import AnswerKind
from base.errors import AssistantError, QuestionSetError
from base.text import markdown_literal
from base.types import Answer


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answerable: bool
    answer: str = ""
    must_include: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class LineProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"dòng {self.line}: {self.message}"


@dataclass
class QuestionResult:
    question: Question
    answer: Answer | None
    correct: bool
    error: str | None = None
    gold_rank: int | None = None  # rank of the first retrieved chunk from a gold source
    verbatim: int = 0
    citations: int = 0
    failure: str = ""
    correct_whole_text: bool = False  # the old rule: patterns anywhere in the answer
    unscored: str = ""  # why the answer could not be scored (a pattern ran past its budget)
    trace: dict | None = None  # why the answer was chosen or refused (failed questions)

    def to_dict(self) -> dict:
        data = self.answer.to_dict() if self.answer else {"question": self.question.question}
        data.update(id=self.question.id, correct=self.correct)
        if self.error:
            data["error"] = self.error
        if self.failure:
            data["failure"] = self.failure
        if self.trace is not None:
            data["trace"] = self.trace
        return data


@dataclass
class EvalReport:
    results: list[QuestionResult] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def accuracy(self) -> float:
        """Share right by FORMAT.md's rule: the value must be in the direct answer."""
        return sum(r.correct for r in self.results) / self.total if self.total else 0.0

    @property
    def accuracy_whole_text(self) -> float:
        """Share right when a value anywhere in the answer counts (the rule before)."""
        return sum(r.correct_whole_text for r in self.results) / self.total if self.total else 0.0

    def reliability(self, thresholds=(0.5, 0.6, 0.7, 0.8, 0.9)) -> list[dict]:
        """Among the answers given with confidence ≥ c, how many are right (for each c)."""
        given = [r for r in self.results if r.answer and not r.answer.abstained]
        rows = []
        for c in thresholds:
            above = [r for r in given if r.answer.confidence >= c]
            right = sum(r.correct for r in above)
            rows.append(
                {
                    "min_confidence": c,
                    "answers": len(above),
                    "right": right,
                    "precision": round(right / len(above), 4) if above else None,
                }
            )
        return rows

    @property
    def per_tag(self) -> dict[str, tuple[int, int]]:
        tags: dict[str, list[int]] = {}
        for r in self.results:
            for tag in r.question.tags or ("(không nhãn)",):
                tags.setdefault(tag, [0, 0])
                tags[tag][0] += r.correct
                tags[tag][1] += 1
        return {t: (c, n) for t, (c, n) in sorted(tags.items())}

    def _answerable(self) -> list[QuestionResult]:
        return [r for r in self.results if r.question.answerable and r.question.sources]

    @property
    def hit_at_1(self) -> float:
        rows = self._answerable()
        return sum(r.gold_rank == 1 for r in rows) / len(rows) if rows else 0.0

    @property
    def hit_at_5(self) -> float:
        rows = self._answerable()
        return (
            sum(r.gold_rank is not None and r.gold_rank <= 5 for r in rows) / len(rows)
            if rows
            else 0.0
        )

    @property
    def mrr(self) -> float:
        rows = self._answerable()
        return sum(1 / r.gold_rank for r in rows if r.gold_rank) / len(rows) if rows else 0.0

    @property
    def verbatim_share(self) -> float:
        total = sum(r.citations for r in self.results)
        return sum(r.verbatim for r in self.results) / total if total else 1.0

    @property
    def abstention(self) -> tuple[float, float]:
        """(precision, recall) of abstaining, unanswerable questions being the positives."""
        abstained = [r for r in self.results if r.answer and r.answer.abstained]
        negatives = [r for r in self.results if not r.question.answerable]
        right = [r for r in abstained if not r.question.answerable]
        precision = len(right) / len(abstained) if abstained else 1.0
        recall = len(right) / len(negatives) if negatives else 1.0
        return precision, recall

    @property
    def latencies(self) -> list[float]:
        return [r.answer.timings_ms.get("total_ms", 0.0) for r in self.results if r.answer]

    def latency(self) -> tuple[float, float]:
        values = sorted(self.latencies)
        if not values:
            return 0.0, 0.0
        p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
        return statistics.median(values), p95

    def summary(self) -> dict:
        precision, recall = self.abstention
        median, p95 = self.latency()
        return {
            "questions": self.total,
            "correct": sum(r.correct for r in self.results),
            "accuracy": round(self.accuracy, 4),
            "accuracy_whole_text": round(self.accuracy_whole_text, 4),
            "reliability": self.reliability(),
            "per_tag": {
                t: {"correct": c, "total": n, "accuracy": round(c / n, 4)}
                for t, (c, n) in self.per_tag.items()
            },
            "retrieval": {
                "hit@1": round(self.hit_at_1, 4),
                "hit@5": round(self.hit_at_5, 4),
                "mrr": round(self.mrr, 4),
            },
            "citations_verbatim": round(self.verbatim_share, 4),
            "abstention": {"precision": round(precision, 4), "recall": round(recall, 4)},
            "bad_shapes": [
                f"{r.question.id}: {problem}"
                for r in self.results
                if r.answer and (problem := shape_problem(r.answer))
            ],
            "latency_ms": {"median": round(median, 1), "p95": round(p95, 1)},
            "malformed_lines": [str(p) for p in self.problems],
            "unscored": [f"{r.question.id}: {r.unscored}" for r in self.results if r.unscored],
        }


# -- reading a question set ---------------------------------------------------------------------
# Question sets are user input (uploaded on the evaluation page): bounded in size, and their
# patterns compiled with the `regex` engine and matched under a time budget, so that no
# pattern can hold the app's process (`re` keeps the interpreter lock while it backtracks).
MAX_QUESTIONS = 5000
MAX_PATTERNS = 20
MAX_PATTERN_CHARS = 300
MATCH_TIMEOUT_S = 0.25


class Unscorable(Exception):
    """A pattern took longer than ``MATCH_TIMEOUT_S`` on an answer."""


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str):
    """The compiled ``must_include`` pattern (case-insensitive), or ValueError saying why not."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise ValueError(
            f"mẫu must_include dài {len(pattern)} ký tự, tối đa {MAX_PATTERN_CHARS} "
            f"(pattern too long): {pattern[:40]!r}…"
        )
    nested = _nested_quantifier(pattern)
    if nested:
        raise ValueError(
            f"mẫu must_include “{pattern}” lồng lượng từ (“{nested}”), có thể chạy rất lâu; hãy "
            "viết lại, ví dụ [\\d.,]+ thay cho (\\d+[.,])* (nested quantifiers can take "
            "forever)"
        )
    try:
        return regex.compile(pattern, regex.IGNORECASE | regex.V0)
    except (regex.error, OverflowError, RecursionError) as exc:
        raise ValueError(
            f"biểu thức chính quy sai trong must_include: {pattern!r} ({exc})"
        ) from None


def _nested_quantifier(pattern: str) -> str | None:
    """The first group that repeats without bound and holds a part that does too ('(\\D*\\d*)*'),
    the shape of catastrophic backtracking; None if there is none."""
    open_at: list[tuple[int, bool]] = []  # (start, holds an unbounded repeat)
    i, in_class = 0, False
    unbounded = re.compile(r"[*+]|\{\d*,\}")
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            open_at.append((i, False))
        elif ch == ")" and open_at:
            start, inner = open_at.pop()
            repeat = unbounded.match(pattern, i + 1)
            if inner and repeat:
                return pattern[start : repeat.end()]
            if (inner or repeat) and open_at:
                open_at[-1] = (open_at[-1][0], True)
        elif unbounded.match(pattern, i) and open_at:
            open_at[-1] = (open_at[-1][0], True)
        i += 1
    return None


def load_questions(path: Path) -> tuple[list[Question], list[LineProblem]]:
    """Questions of a JSONL file, and the problems of the lines that could not be read."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise QuestionSetError(
            f"Không tìm thấy bộ câu hỏi {path}. (Question set not found.)"
        ) from None
    except OSError as exc:
        raise QuestionSetError(f"Không đọc được bộ câu hỏi {path}: {exc.strerror}.") from None
    return parse_questions(raw, str(path))


def parse_questions(
    raw: bytes, name: str = "bộ câu hỏi"
) -> tuple[list[Question], list[LineProblem]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise QuestionSetError(
            f"{name} không phải văn bản UTF-8. (The question set must be UTF-8 JSON Lines.)"
        ) from None
    questions: list[Question] = []
    problems: list[LineProblem] = []
    seen: set[str] = set()
    lines = text.splitlines()
    if sum(1 for line in lines if line.strip()) > MAX_QUESTIONS:
        raise QuestionSetError(
            f"{name} có hơn {MAX_QUESTIONS} dòng; hãy chia nhỏ bộ câu hỏi. (At most "
            f"{MAX_QUESTIONS} questions per set.)"
        )
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            question = _parse_line(line, number)
        except ValueError as exc:
            problems.append(LineProblem(number, str(exc)))
            continue
        if question.id in seen:
            problems.append(LineProblem(number, f"id '{question.id}' bị trùng (duplicate id)"))
            continue
        seen.add(question.id)
        questions.append(question)
    if not questions and not problems:
        raise QuestionSetError(f"{name} không có câu hỏi nào. (The question set is empty.)")
    return questions, problems


def _parse_line(line: str, number: int) -> Question:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"không phải JSON hợp lệ ({exc.msg}, cột {exc.colno})") from None
    if not isinstance(data, dict):
        raise ValueError("mỗi dòng phải là một đối tượng JSON (an object)")
    qid = data.get("id")
    if not isinstance(qid, str | int) or isinstance(qid, bool) or not str(qid).strip():
        raise ValueError("thiếu trường 'id' (missing id)")
    question = data.get("question")
    if not isinstance(question, str) or not question.strip():
        raise ValueError("thiếu hoặc trống trường 'question' (missing question)")
    answerable = data.get("answerable", True)
    if not isinstance(answerable, bool):
        raise ValueError("'answerable' phải là true hoặc false")
    lists = {}
    for key in ("must_include", "sources", "tags"):
        value = data.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"'{key}' phải là một danh sách chuỗi (a list of strings)")
        lists[key] = tuple(value)
    if len(lists["must_include"]) > MAX_PATTERNS:
        raise ValueError(f"quá {MAX_PATTERNS} mẫu must_include (too many patterns)")
    for pattern in lists["must_include"]:
        compile_pattern(pattern)
    if answerable and not lists["sources"]:
        raise ValueError("câu hỏi trả lời được cần 'sources' (answerable questions need sources)")
    answer = data.get("answer", "")
    return Question(
        id=str(qid),
        question=question,
        answerable=answerable,
        answer=answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False),
        must_include=lists["must_include"],
        sources=lists["sources"],
        tags=lists["tags"],
        line=number,
    )


# -- scoring ------------------------------------------------------------------------------------
def direct_answer(answer: Answer) -> str:
    """What a reader sees first: the answer text up to its first blank line (FORMAT.md)."""
    return answer.answer.strip().split("\n\n")[0]


# a last word that leaves the answer cut ('8 năm triển', '7 xã phấn'), not one that ends a
# phrase ('trên hành trình phát triển', 'những tiêu chí đã đạt')
_FRAGMENT_END = re.compile(
    r"(?<![\w])(?:phấn|(?<!phát )triển|(?<!đã )(?<!chưa )(?<!không )(?<!đều )đạt|và|của|có|"
    r"là|được|các|những|với|trong|tại|theo|về)$"
)


_SEVERAL = ("list", "count", "ratio", "percent", "money", "length", "area", "passage")


def shape_problem(answer: Answer) -> str | None:
    """Why the direct answer is not a well-formed value (a figure with its unit, a name, a
    decision, a date, a list), or None. A fragment such as '8 năm triển' or '7 xã phấn' is a
    problem; so is a timestamp given as a person's title."""
    if answer.abstained or not answer.value:
        return None
    value = answer.value.strip()
    # a list, or one figure counted two ways ('74/207 xã (trước …); 65/181 xã (sau …)')
    parts = [v.strip() for v in value.split(";")] if answer.kind in _SEVERAL else [value]
    shape = kinds.REGISTRY.shape(answer.kind) if answer.kind else None
    for part in parts:
        if not part:
            return "phần trả lời rỗng (empty part)"
        if _FRAGMENT_END.search(part):
            return f"câu trả lời bị cắt dở (fragment): “{part}”"
        if shape is None:
            problem = None
        elif answer.kind == AnswerKind.PASSAGE:
            problem = shape(part, items=len(parts))  # an item of a long list may be a name
        else:
            problem = shape(part)
        if problem:
            return problem
    return None


def score(
    question: Question, answer: Answer, doc_texts: dict[str, str], *, whole_text: bool = False
) -> tuple[bool, str, int, int]:
    """(correct, why not, verbatim citations, citations) for one answer.

    The patterns must match the direct answer; with ``whole_text`` (the old rule) anywhere
    in the answer, quoted evidence included.
    """
    verbatim = 0
    for c in answer.citations:
        text = doc_texts.get(c.source)
        if text is not None and c.quote and text[c.start : c.end] == c.quote and c.quote in text:
            verbatim += 1
    if not question.answerable:
        return (
            answer.abstained,
            "" if answer.abstained else "lẽ ra phải từ chối trả lời",
            verbatim,
            len(answer.citations),
        )
    if answer.abstained:
        return False, "đã từ chối trả lời", verbatim, len(answer.citations)
    body = unicodedata.normalize("NFC", answer.answer if whole_text else direct_answer(answer))
    for pattern in question.must_include:
        try:
            found = compile_pattern(pattern).search(body, timeout=MATCH_TIMEOUT_S, concurrent=True)
        except TimeoutError:
            raise Unscorable(
                f"mẫu “{pattern}” chạy quá {MATCH_TIMEOUT_S:g} s trên câu trả lời; không chấm "
                "được (the pattern ran past its time budget; not scored)"
            ) from None
        if not found:
            where = "" if whole_text else " trong câu trả lời trực tiếp (direct answer)"
            return False, f"thiếu {pattern!r}{where}", verbatim, len(answer.citations)
    for c in answer.citations:
        text = doc_texts.get(c.source)
        if c.source in question.sources and text is not None and c.quote and c.quote in text:
            return True, "", verbatim, len(answer.citations)
    return False, "không trích dẫn tài liệu đúng", verbatim, len(answer.citations)


# candidates (and ruled-out sentences) a failed question's trace keeps, for the report
TRACE_CANDIDATES = 3


def run_eval(
    assistant,
    questions: list[Question],
    progress: Callable[[int, int, str], None] | None = None,
) -> EvalReport:
    report = EvalReport()
    doc_texts: dict[str, str] = {}
    for i, q in enumerate(questions):
        started = time.perf_counter()
        trace = None
        try:
            answer, trace = assistant.explain(q.question)
            error = None
        except AssistantError as exc:
            answer = Answer(
                q.question,
                str(exc),
                True,
                timings_ms={"total_ms": (time.perf_counter() - started) * 1000},
            )
            error = str(exc)
        for c in answer.citations:
            if c.source not in doc_texts:
                try:
                    doc_texts[c.source] = assistant.document(c.source).text
                except AssistantError:
                    doc_texts[c.source] = ""
        unscored = ""
        try:
            correct, why, verbatim, cited = score(q, answer, doc_texts)
            loose = correct or score(q, answer, doc_texts, whole_text=True)[0]
        except Unscorable as exc:
            correct, loose, verbatim, cited = False, False, 0, len(answer.citations)
            why = unscored = str(exc)
        gold_rank = None
        if q.answerable and q.sources:
            try:
                hits = assistant.search(q.question, k=10)
                gold_rank = next((h.rank for h in hits if h.doc.source in q.sources), None)
            except AssistantError:
                pass
        report.results.append(
            QuestionResult(
                q,
                answer,
                correct,
                error,
                gold_rank,
                verbatim,
                cited,
                why,
                loose,
                unscored,
                trace.to_dict(TRACE_CANDIDATES) if trace is not None and not correct else None,
            )
        )
        if progress:
            progress(i + 1, len(questions), q.id)
    return report


# -- output -------------------------------------------------------------------------------------
def format_summary(report: EvalReport) -> str:
    s = report.summary()
    lines = [
        f"Độ chính xác (accuracy, giá trị trong câu trả lời trực tiếp / value in the direct "
        f"answer): {s['correct']}/{s['questions']} = {s['accuracy']:.1%}",
        f"  theo cách chấm cũ, giá trị ở bất cứ đâu trong câu trả lời (old rule, value anywhere): "
        f"{s['accuracy_whole_text']:.1%}",
        "Theo nhãn (per tag):",
    ]
    for tag, v in s["per_tag"].items():
        lines.append(f"  {tag:<16} {v['correct']}/{v['total']} = {v['accuracy']:.0%}")
    r = s["retrieval"]
    lines.append(
        f"Truy hồi nguồn đúng (retrieval): hit@1 {r['hit@1']:.1%} · hit@5 {r['hit@5']:.1%} · MRR {r['mrr']:.3f}"
    )
    lines.append(f"Trích dẫn nguyên văn (verbatim citations): {s['citations_verbatim']:.1%}")
    a = s["abstention"]
    lines.append(
        f"Từ chối trả lời (abstention): precision {a['precision']:.1%} · recall {a['recall']:.1%}"
    )
    lat = s["latency_ms"]
    lines.append(f"Độ trễ (latency): median {lat['median']:.0f} ms · p95 {lat['p95']:.0f} ms")
    lines.append(
        f"Câu trả lời trực tiếp sai dạng (malformed direct answers): {len(s['bad_shapes'])}"
    )
    lines.extend(f"  {line}" for line in s["bad_shapes"])
    lines.append("Độ tin cậy (reliability): trong các câu trả lời có độ tin cậy ≥ c, tỷ lệ đúng")
    for row in s["reliability"]:
        share = "—" if row["precision"] is None else f"{row['precision']:.0%}"
        lines.append(
            f"  c ≥ {row['min_confidence']:.1f}: {row['right']}/{row['answers']} đúng = {share}"
        )
    failed = [r for r in report.results if not r.correct]
    if failed:
        lines.append("Câu sai (failed):")
        for r in failed:
            given = (r.answer.answer if r.answer else "").split("\n")[0][:120]
            lines.append(
                f"  {r.question.id}: {r.failure} — mong đợi (expected) “{r.question.answer}”, "
                f"trả lời (given) “{given}”"
            )
    if s["unscored"]:
        lines.append("Không chấm được (could not be scored), tính là sai:")
        lines.extend(f"  {line}" for line in s["unscored"])
    if report.problems:
        lines.append("Dòng lỗi (malformed lines), đã bỏ qua:")
        lines.extend(f"  {p}" for p in report.problems)
    return "\n".join(lines)


def _histogram(values: list[float], bins: int = 10) -> list[tuple[float, float, int]]:
    if not values:
        return []
    low, high = min(values), max(values)
    width = (high - low) / bins or 1.0
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, int((v - low) / width))] += 1
    return [(low + i * width, low + (i + 1) * width, c) for i, c in enumerate(counts)]


def render_markdown(report: EvalReport) -> str:
    s = report.summary()
    out = [
        "# Báo cáo đánh giá NTM Assistant",
        "",
        "```",
        format_summary(report),
        "```",
        "",
        "## Độ chính xác theo nhãn (accuracy per tag)",
        "",
    ]
    for tag, v in s["per_tag"].items():
        bar = "█" * round(20 * v["accuracy"])
        out.append(
            f"- {markdown_literal(tag)} {bar} {v['accuracy']:.0%} ({v['correct']}/{v['total']})"
        )
    out += ["", "## Phân bố độ trễ (latency histogram, ms)", ""]
    hist = _histogram(report.latencies)
    peak = max((c for _, _, c in hist), default=1) or 1
    for low, high, count in hist:
        out.append(f"- {low:7.0f}–{high:7.0f} ms {'█' * round(20 * count / peak)} {count}")
    failed = [r for r in report.results if not r.correct]
    if failed:
        out += ["", "## Câu sai và vì sao (failed questions and why)", ""]
    for r in failed:
        given = direct_answer(r.answer) if r.answer else ""
        # what a question set or a document says is escaped: the report links and fetches nothing
        line = lambda text: markdown_literal(" ".join(str(text).split()))  # noqa: E731
        out += [
            f"### {line(r.question.id)}: {line(r.question.question)}",
            "",
            f"- mong đợi (expected): {line(r.question.answer or '—')}",
            f"- trả lời trực tiếp (direct answer): {line(given or '—')}",
            f"- lý do (why wrong): {line(r.failure or '—')}",
        ]
        if r.trace:
            out += ["", "```", *trace_lines(r.trace), "```"]
        out.append("")
    return "\n".join(out) + "\n"


def trace_lines(trace: dict) -> list[str]:
    """The lines of a question's trace (``Trace.to_dict``): the analysis, the best candidates
    with what each check said, the first sentences ruled out and why, the outcome."""
    lines = []
    for part in trace["parts"]:
        a = part["analysis"]
        lines.append(
            f"{part['question']} — loại {a['kind']}, đơn vị {a['unit'] or '—'}, nơi "
            f"{', '.join(a['places']) or '—'}, thời gian {', '.join(a['times']) or '—'}, "
            f"chỉ tiêu {a['indicator'] or '—'}"
        )
        for i, c in enumerate(part["candidates"], 1):
            checks = ", ".join(
                f"{k['check']} {k['factor']}" + (f" ({k['reason']})" if k["reason"] else "")
                for k in c["checks"]
                if k["factor"] != 1 or k["reason"]
            )
            lines.append(
                f"  {i}. {c['value'] or '(cả câu)'} — điểm {c['score']} — {c['source']}"
                + (f" — {checks}" if checks else "")
            )
        for c in part["rejected"]:
            lines.append(f"  ✗ {c['source']} [{c['start']}:{c['end']}]: {c['reason'] or 'điểm 0'}")
        lines.append(f"  → {part['outcome']}")
    return lines


def render_html(report: EvalReport) -> str:
    s = report.summary()
    esc = html.escape
    rows = []
    tags = list(s["per_tag"].items())
    bar_h, width = 22, 520
    for i, (tag, v) in enumerate(tags):
        y = i * (bar_h + 6)
        w = max(1, int(v["accuracy"] * (width - 200)))
        rows.append(
            f'<text x="0" y="{y + 16}" font-size="13">{esc(tag)}</text>'
            f'<rect x="150" y="{y}" width="{w}" height="{bar_h}" fill="#2f7d4f"/>'
            f'<text x="{155 + w}" y="{y + 16}" font-size="13">{v["accuracy"]:.0%} '
            f"({v['correct']}/{v['total']})</text>"
        )
    tag_svg = (
        f'<svg role="img" aria-label="accuracy per tag" width="{width}" '
        f'height="{len(tags) * (bar_h + 6) + 4}">{"".join(rows)}</svg>'
    )
    hist = _histogram(report.latencies)
    peak = max((c for _, _, c in hist), default=1) or 1
    bars = []
    for i, (low, high, count) in enumerate(hist):
        h = int(150 * count / peak)
        bars.append(
            f'<rect x="{i * 48 + 4}" y="{170 - h}" width="40" height="{h}" fill="#35608f">'
            f"<title>{low:.0f}–{high:.0f} ms: {count}</title></rect>"
            f'<text x="{i * 48 + 4}" y="188" font-size="10">{low:.0f}</text>'
        )
    hist_svg = f'<svg role="img" aria-label="latency histogram" width="{len(hist) * 48 + 40}" height="195">{"".join(bars)}</svg>'
    failed = "".join(
        f"<tr><td>{esc(r.question.id)}</td><td>{esc(r.question.question)}</td>"
        f"<td>{esc(r.question.answer)}</td><td>{esc((r.answer.answer if r.answer else '')[:300])}</td>"
        f"<td>{esc(r.failure)}"
        + (
            f"<details><summary>vì sao (why)</summary><pre>{esc(chr(10).join(trace_lines(r.trace)))}"
            "</pre></details>"
            if r.trace
            else ""
        )
        + "</td></tr>"
        for r in report.results
        if not r.correct
    )
    return f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Báo cáo đánh giá NTM Assistant</title>
<style>body{{font-family:sans-serif;max-width:960px;margin:2em auto}}td,th{{border:1px solid #ccc;padding:4px;vertical-align:top}}table{{border-collapse:collapse}}</style>
</head><body><h1>Báo cáo đánh giá NTM Assistant</h1>
<pre>{esc(format_summary(report))}</pre>
<h2>Độ chính xác theo nhãn (accuracy per tag)</h2>{tag_svg}
<h2>Phân bố độ trễ (latency histogram, ms)</h2>{hist_svg}
<h2>Câu sai (failed questions)</h2>
<table><tr><th>id</th><th>câu hỏi</th><th>mong đợi</th><th>trả lời</th><th>lý do</th></tr>{failed}</table>
</body></html>
"""


def check_report_path(path: Path) -> None:
    """Refuse, before any question is asked, a report path that cannot be written."""
    if path.is_dir():
        raise QuestionSetError(
            f"--report {path}: đây là một thư mục; hãy cho đường dẫn một tệp .html hoặc .md, ví "
            f"dụ {path / 'bao-cao.html'} (a folder: give a file path)"
        )
    if path.suffix.lower() not in (".html", ".htm", ".md"):
        raise QuestionSetError(
            f"--report {path}: chỉ hỗ trợ .html hoặc .md. (Report must be .html or .md.)"
        )
    if not path.parent.is_dir():
        raise QuestionSetError(
            f"--report {path}: thư mục {path.parent} không tồn tại (the folder does not exist)"
        )


def write_report(report: EvalReport, path: Path) -> None:
    check_report_path(path)
    html_report = path.suffix.lower() in (".html", ".htm")
    content = render_html(report) if html_report else render_markdown(report)
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as err:
        raise QuestionSetError(
            f"--report {path}: không ghi được ({err.strerror or err}) (cannot write the report)"
        ) from err


# `ntm eval`'s exit status when some lines of the question set could not be read, or some
# answers could not be scored
EXIT_MALFORMED = 4


def run_eval_cli(assistant, args, settings) -> int:
    if args.min_accuracy is not None:
        threshold = args.min_accuracy / 100 if args.min_accuracy > 1 else args.min_accuracy
        if not 0 <= threshold <= 1:
            raise QuestionSetError("--min-accuracy phải trong khoảng 0–1 (hoặc 0–100%).")
    else:
        threshold = None
    if args.report:
        check_report_path(args.report)
    questions, problems = load_questions(args.questions)
    for p in problems:
        print(f"ntm eval: {args.questions}: {p}", file=sys.stderr)
    bar = None
    if settings.progress:
        from tqdm import tqdm

        bar = tqdm(total=len(questions), desc="Đánh giá", unit="câu", file=sys.stderr)

    def tick(done, total, qid):
        if bar:
            bar.update(1)

    report = run_eval(assistant, questions, progress=tick)
    report.problems = problems
    if bar:
        bar.close()
    if args.answers_out:
        with open(args.answers_out, "w", encoding="utf-8") as fh:
            for r in report.results:
                fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    if args.report:
        write_report(report, args.report)
    if args.json:
        print(json.dumps(report.summary(), ensure_ascii=False, indent=2))
    else:
        print(format_summary(report))
    if threshold is not None and report.accuracy < threshold:
        print(
            f"ntm eval: độ chính xác {report.accuracy:.1%} thấp hơn ngưỡng {threshold:.1%} "
            "(accuracy below --min-accuracy)",
            file=sys.stderr,
        )
        return 1
    unscored = [r for r in report.results if r.unscored]
    if problems or unscored:
        print(
            f"ntm eval: {len(problems)} dòng của {args.questions} không đọc được, "
            f"{len(unscored)} câu không chấm được (malformed lines skipped, questions not "
            f"scored; exit code {EXIT_MALFORMED})",
            file=sys.stderr,
        )
        return EXIT_MALFORMED
    return 0
