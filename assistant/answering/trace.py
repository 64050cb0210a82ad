"""The typed trace of an answer: what each stage made of the question, and what each check
said about each candidate. ``ntm ask --explain`` and the evaluation report show it, so a user
or a developer can see why an answer was chosen or refused; the fitting script reads the
candidates' features from it.

Usage::

    answer, trace = answerer.explain("Huyện Đình Lập có bao nhiêu xã đạt chuẩn NTM?")
    print(trace.render("vi"))
    trace.to_dict()["parts"][0]["candidates"][0]["checks"]
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answering.records import Frame, Ranked, Ranking, Verdict


@dataclass(frozen=True)
class PartTrace:
    """One (part of a) question through the stages."""

    question: str
    frame: Frame
    passages: int
    ranking: Ranking
    threshold: float
    answered: bool

    @property
    def verdicts(self) -> tuple[Verdict, ...]:
        return tuple(r.verdict for r in self.ranking.ranked) + self.ranking.rejected

    def outcome(self) -> str:
        c, t = self.ranking.confidence, self.threshold
        if self.answered:
            return f"trả lời: độ tin cậy {c:.3f} ≥ ngưỡng {t:.2f} (answered)"
        if not self.ranking.ranked:
            return "từ chối: không còn câu nào qua các bước kiểm tra (refused: no candidate left)"
        return f"từ chối: độ tin cậy {c:.3f} < ngưỡng {t:.2f} (refused: below the threshold)"

    def to_dict(self, limit: int | None = None) -> dict:
        f = self.frame
        ranked = self.ranking.ranked[:limit] if limit else self.ranking.ranked
        rejected = self.ranking.rejected[:limit] if limit else self.ranking.rejected
        return {
            "question": self.question,
            "analysis": {
                "kind": str(f.kind),
                "unit": f.unit,
                "places": [p.display for p in f.places],
                "times": [t.text for t in f.times],
                "indicator": f.indicator or None,
                "measure": str(f.measure) or None,
                "target": f.target,
                "english": f.english,
            },
            "passages": self.passages,
            "confidence": round(self.ranking.confidence, 4),
            "threshold": self.threshold,
            "answered": self.answered,
            "outcome": self.outcome(),
            "candidates": [_candidate(r.verdict, r) for r in ranked],
            "rejected": [_candidate(v, None) for v in rejected],
        }


def _candidate(verdict: Verdict, ranked: Ranked | None) -> dict:
    s = verdict.sentence
    return {
        "source": s.doc.meta.source,
        "start": s.start,
        "end": s.end,
        "sentence": s.text,
        "value": verdict.value,
        "prior": round(verdict.prior, 4),
        "rank": round(ranked.rank, 4) if ranked else None,
        "score": round(ranked.score, 4) if ranked else None,
        "checks": [
            {"check": str(c.name), "factor": round(c.factor, 4), "reason": c.reason}
            for c in verdict.checks
        ],
        "reason": verdict.reason,
    }


@dataclass(frozen=True)
class Trace:
    """The question's trace: one part, or one per part of a question asking several things."""

    question: str
    parts: tuple[PartTrace, ...]

    def to_dict(self, limit: int | None = None) -> dict:
        return {"question": self.question, "parts": [p.to_dict(limit) for p in self.parts]}

    def render(self, limit: int = 5) -> str:
        """A plain-text account: the analysis, the best candidates with every check's factor,
        the first candidates ruled out with why, and the outcome."""
        lines: list[str] = []
        for part in self.parts:
            data = part.to_dict(limit)
            a = data["analysis"]
            lines.append(f"Câu hỏi (question): {part.question}")
            lines.append(
                f"  phân tích (analysis): loại {a['kind']}, đơn vị {a['unit'] or '—'}, "
                f"nơi {', '.join(a['places']) or '—'}, thời gian {', '.join(a['times']) or '—'}, "
                f"chỉ tiêu {a['indicator'] or '—'}, số đo {a['measure'] or '—'}"
            )
            lines.append(f"  đoạn văn đã đọc (passages read): {part.passages}")
            lines.append("  ứng viên tốt nhất (best candidates):")
            for i, c in enumerate(data["candidates"], 1):
                lines.append(
                    f"   {i}. {c['value'] or '(cả câu)'} — điểm {c['score']} (logit {c['rank']}, "
                    f"prior {c['prior']}) — {c['source']} [{c['start']}:{c['end']}]"
                )
                lines.append(f"      “{_short(c['sentence'])}”")
                for check in c["checks"]:
                    why = f" — {check['reason']}" if check["reason"] else ""
                    lines.append(f"      {check['check']}: {check['factor']}{why}")
            if data["rejected"]:
                lines.append("  bị loại (ruled out):")
                for c in data["rejected"]:
                    why = c["reason"] or "điểm bằng 0 (score 0)"
                    lines.append(f"   - {c['source']} [{c['start']}:{c['end']}]: {why}")
            lines.append(f"  kết quả (outcome): {part.outcome()}")
        return "\n".join(lines)


def _short(text: str, size: int = 160) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
