"""What every figure of one sentence looks up, read once per sentence: its clauses, times,
places before and after it, and whether a target's words reach it."""

from __future__ import annotations

import bisect
import re

from base.lexicon import tier_of
from base.times import TimeRef
from ingest.facts.kinds import _REACHED, _TARGET
from ingest.facts.mentions import _ASIDE, _CLAUSE_END
from ingest.facts.places import (
    _ENGLISH_SCOPE,
    _ENGLISH_SCOPES,
    _SCOPE,
    KnownNames,
    english_places_in,
    places_in,
)
from ingest.facts.times import _ATTACHED

# a part of a group named before: 'trong đó', 'trong số đó' (folded)
_PART_OF = re.compile(r"\btrong (?:so )?do\b")
# what met the standard, said after its count ('… vườn mẫu đạt chuẩn'), folded
_MET = re.compile(r"\b(?:da )?dat chuan\b")


# A figure's clause (what it counts, whether it is a total, a target…) is read no further than
# this many characters either side of it; articles' clauses are far shorter.
_CLAUSE_REACH = 200


# The places kept before a figure: more than an address can chain ('xã …, huyện …, tỉnh …').
_PLACES_KEPT = 16


# where a figure's own time may end ('70 triệu đồng/ha năm 2010'): a wider pattern than
# _ATTACHED, whose longest match bounds where an attached time can start
_ATTACHED_REACH = re.compile(r"[\s(/]*\w*[\s(]*(?:(?:vao|trong)\s+)?")


_CLAUSE_END_AT = re.compile(r"(?=([;.!?:()\n]|,\s|\s-\s|\s–\s))")


class _SentenceIndex:
    """What the figures of one sentence look up, found once per sentence: its places and
    scopes, clause ends, semicolons, times and first target cue. Each figure then looks up
    what lies before or after it by bisection, so reading a sentence stays linear in its
    length however many figures it holds. (A place is read as the whole sentence names it,
    where a figure's own scan used to stop at the figure: the same in every article read.)"""

    def __init__(
        self,
        sentence: str,
        folded: str,
        times: list[TimeRef],
        known: KnownNames | None,
        english: bool = False,
    ) -> None:
        self.folded = folded
        self.figure_ends: list[int] = []  # where the sentence's figures end (English reading)
        if english:
            self.places = english_places_in(sentence)
            self.scopes = [
                (m.start(), "", _ENGLISH_SCOPES[next(k for k, v in m.groupdict().items() if v)])
                for m in _ENGLISH_SCOPE.finditer(folded)
            ]
        else:
            self.places = places_in(sentence, 0, len(sentence), known)
            self.scopes = [
                (
                    m.start(),
                    "",
                    tier_of(m.group(1) or "toan " + (m.group(2) or m.group(3) or m.group(4))),
                )
                for m in _SCOPE.finditer(folded)
            ]
        self.place_at = [p[0] for p in self.places]
        self.scope_at = [p[0] for p in self.scopes]
        # a short aside in brackets ('tỷ lệ hộ nghèo (theo chuẩn mới) còn 3,69%') ends no
        # clause: the words before it still say what the figure counts
        asides = [m.span() for m in _ASIDE.finditer(folded)]
        self.clause_ends = [
            hit.end()
            for hit in _CLAUSE_END.finditer(folded)
            if not any(a <= hit.start() < b for a, b in asides)
        ]
        self.clause_marks = [
            (hit.start(), hit.start() + len(hit.group(1)))
            for hit in _CLAUSE_END_AT.finditer(folded)
        ]
        self.clause_mark_at = [c[0] for c in self.clause_marks]
        self.semicolons = [hit.start() for hit in re.finditer(";", folded)]
        self.times = sorted(times, key=lambda t: t.start)
        self.time_at = [t.start for t in self.times]
        self.time_reach: list[int] = []  # the furthest end of the times up to each one
        for t in self.times:
            self.time_reach.append(max(t.end, self.time_reach[-1] if self.time_reach else 0))
        self.first_target_time = min((t.start for t in times if t.role == "target"), default=None)
        self.target = _TARGET.search(folded)

    def places_before(self, at: int) -> list[tuple[int, str, str]]:
        """The last places and scopes ('toàn tỉnh') named before ``at``: places first."""
        i = bisect.bisect_left(self.place_at, at)
        j = bisect.bisect_left(self.scope_at, at)
        return self.places[max(0, i - _PLACES_KEPT) : i] + self.scopes[max(0, j - _PLACES_KEPT) : j]

    def places_after(self, at: int) -> list[tuple[int, str, str]]:
        """The first place or scope named after ``at`` within its clause (English writes
        '785 communes nationwide', '34 districts in Phu Tho province')."""
        end = self.next_clause_end(at)[0]
        found = [p for p in self.places + self.scopes if at <= p[0] < end]
        return sorted(found)[:1]

    def clause_start(self, at: int) -> int:
        """Where the clause of a figure at ``at`` starts: after the last clause end before it."""
        i = bisect.bisect_right(self.clause_ends, at)
        return self.clause_ends[i - 1] if i else 0

    def next_clause_end(self, at: int) -> tuple[int, int]:
        """The span of the first clause end at or after ``at`` (the sentence's end if none)."""
        i = bisect.bisect_left(self.clause_mark_at, at)
        if i < len(self.clause_marks):
            return self.clause_marks[i]
        return len(self.folded), len(self.folded)

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``folded[start:end]``: between the nearest ';' (or sentence ends)."""
        i = bisect.bisect_left(self.semicolons, start)
        j = bisect.bisect_left(self.semicolons, end)
        a = self.semicolons[i - 1] + 1 if i else 0
        return a, self.semicolons[j] if j < len(self.semicolons) else len(self.folded)

    def in_time(self, at: int) -> bool:
        """Whether ``at`` lies inside one of the sentence's time expressions."""
        i = bisect.bisect_right(self.time_at, at)
        return bool(i) and self.time_reach[i - 1] > at

    def times_attached(self, unit_end: int) -> list[TimeRef]:
        """The times that follow a figure whose unit ends at ``unit_end`` with nothing but
        _ATTACHED between ('70 triệu đồng/ha năm 2010')."""
        reach = _ATTACHED_REACH.match(self.folded, unit_end).end()
        i = bisect.bisect_left(self.time_at, unit_end)
        j = bisect.bisect_right(self.time_at, reach)
        return [t for t in self.times[i:j] if _ATTACHED.fullmatch(self.folded, unit_end, t.start)]

    def reached_after_plan(self, at: int) -> bool:
        """Whether the sentence says a figure at ``at`` is reached ('đã đạt', 'hiện có')
        after its last plan word or target time: the plan's words name who aims ('5 xã điểm
        phấn đấu đạt chuẩn … đã đạt trung bình 10,8 tiêu chí'), the figure is a result."""
        last, registered = -1, False
        for cue in _TARGET.finditer(self.folded, 0, at):
            last, registered = cue.end(), cue.group(1) == "dang ky"
        if registered and self._met_of_registered(last, at):
            return True
        if self.first_target_time is not None and self.first_target_time < at:
            last = max(last, self.first_target_time)
        return last >= 0 and _REACHED.search(self.folded, last, at) is not None

    def _met_of_registered(self, cue_end: int, at: int) -> bool:
        """Whether a figure at ``at`` counts those of the registered that met the standard:
        '… hộ đăng ký xây dựng vườn mẫu, trong đó có 230 khu dân cư, 2.300 vườn đạt chuẩn'
        (the registering is done; the part of it the figure counts is a result)."""
        end = self.clause(at, at)[1]
        return (
            _PART_OF.search(self.folded, cue_end, at) is not None
            and _MET.search(self.folded, at, end) is not None
        )

    def target_before(self, at: int) -> bool:
        """Whether a target cue ('phấn đấu', 'kế hoạch') or a target time comes before ``at``."""
        if self.first_target_time is not None and self.first_target_time < at:
            return True
        first = self.target
        if first is None or at == 0 or first.start() >= at:
            return False
        # the first cue reaches past ``at``: another, shorter one may end before it
        return first.end() <= at or _TARGET.search(self.folded[:at], first.start()) is not None
