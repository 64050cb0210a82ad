"""The rules table: every weight, factor, window and threshold of the answering stages, named
once, grouped by stage, each with one line of why.

The defaults below are the table. A JSON file of the same shape (``{"group": {"name":
value}}``, any subset) overrides them: ``benchmarks/fit_rules.py`` writes one after fitting,
``NTM_RULES`` names one for a run, and a ``rules.json`` beside this module, if present, is
loaded by default. ``ntm rules`` prints the table.

Usage::

    rules = Rules.default()
    rules.place.in_paragraph                           # 0.95
    rules = rules.replace(**{"confidence.threshold": 0.3})
    Rules.load(Path("fitted.json")).confidence.threshold
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path

from assistant.answering import rules_file
from base.errors import SettingsError

DEFAULT_FILE = Path(__file__).with_name("rules.json")


def rule(value, why: str):
    """A named rule: its default value and one line of why."""
    if isinstance(value, dict):
        return field(default_factory=lambda: dict(value), metadata={"why": why})
    return field(default=value, metadata={"why": why})


@dataclass(frozen=True)
class AnalyseRules:
    """analyse: reading the question."""

    min_latin_share: float = rule(
        0.6, "share of a question's letters that must be Latin (Vietnamese or English)"
    )
    english_min_hints: int = rule(
        2, "English function words ('how', 'the', …) an English question has at least"
    )
    english_max_marked: float = rule(
        0.3, "share of words with Vietnamese diacritics an English question stays under"
    )
    head_words: int = rule(4, "words before the asked slot that describe it ('đã đạt [bao nhiêu]')")
    tail_words: int = rule(
        6, "words after the asked slot's unit that describe it ('xã [đạt chuẩn NTM]')"
    )
    follow_up_words: int = rule(
        7, "a question this short naming a new place or year continues the last one"
    )


@dataclass(frozen=True)
class GatherRules:
    """gather: the passages read for a question."""

    passages: int = rule(10, "passages the hybrid search returns")
    fact_passages: int = rule(
        8, "passages the facts index may add for the asked indicator and place"
    )


@dataclass(frozen=True)
class PlaceRules:
    """judge · place check: how strongly the evidence vouches for each asked place."""

    in_sentence: float = rule(1.0, "the sentence names the place")
    in_paragraph: float = rule(0.95, "its paragraph names it")
    in_title: float = rule(0.9, "the document's title names it")
    district_in_document: float = rule(0.6, "only elsewhere in the document, for a district")
    sole_commune: float = rule(
        0.6, "a commune named only elsewhere in a document that names no other commune"
    )
    last_commune: float = rule(
        0.6, "a commune the text named last, a little above the sentence (a speaker's commune)"
    )
    main_commune: float = rule(
        0.5, "a commune the document names more often than any other, none other nearby"
    )
    last_commune_chars: int = rule(600, "characters above the sentence read for that commune")
    in_document: float = rule(0.8, "only elsewhere in the document, for a province")
    press_tag: float = rule(0.8, "the document is that province's newspaper ('LSO -')")
    no_province_named: float = rule(0.35, "the document names no province at all")
    no_district_named: float = rule(
        0.5, "the document names no district: perhaps the asked one's own"
    )
    province_for_district: float = rule(
        0.3, "the whole province's sentence, for a district (not a figure)"
    )
    higher_for_commune: float = rule(
        0.5, "a district's or province's sentence, for a commune (not a figure)"
    )
    district_for_province: float = rule(0.6, "a district's sentence, for the whole province")


@dataclass(frozen=True)
class TimeRules:
    """judge · time check: a figure's (or sentence's) time against the asked one."""

    undated: float = rule(0.55, "no time at all: still evidence, weaker than the right time")
    starting_point: float = rule(
        0.5, "a figure said of the start ('Khi bắt đầu …, xã chỉ đạt 4 tiêu chí'), not asked"
    )
    document_far: float = rule(0.05, "another time, known only from the document's date")
    written_in_year: float = rule(
        0.8, "an undated figure of an undated article whose latest stated year is the one asked"
    )
    written_before: float = rule(
        0.0, "an undated figure of an undated article whose latest stated year is long before"
    )
    written_before_years: int = rule(
        2, "years after an undated article's latest stated year from which it is of another time"
    )
    long_months: int = rule(14, "months from which a time is a period ('giai đoạn 2016-2020')")
    year_months: int = rule(12, "months of a year: shorter asked times are points")
    near_months: int = rule(2, "months a report may come after the time asked about")
    period_for_point: float = rule(0.6, "a period's figure for a question about one point in it")
    point_in_period: float = rule(0.7, "one point's figure for a question about a period")
    year_for_month: float = rule(0.8, "the year is right, the month unknown")
    report_after_year: float = rule(0.8, "dated in the first months after the asked year")
    near_by_document: float = rule(
        0.85, "the document dated within the report lag of the asked time"
    )
    near: float = rule(0.7, "the figure dated within the report lag of the asked time")
    document_within_year: float = rule(0.25, "the document dated within a year of the asked time")
    event_floor: float = rule(
        0.4, "least factor of an event's time (a person, a date) not dated by its sentence"
    )
    event_floor_sentence: float = rule(
        0.25, "least factor when the sentence itself gives another time"
    )
    bounded_floor: float = rule(
        0.1, "least factor of another time for words a time bounds (the difficulties of 2015)"
    )


@dataclass(frozen=True)
class WordRules:
    """judge · word checks: the question's words in the sentence and its document."""

    rare_terms: int = rule(3, "the question's rarest words, one of which the document must have")
    absent_words: float = rule(
        0.6, "weight against answers when the collection lacks the question's words"
    )
    condition_floor: float = rule(
        0.7, "factor when the document states none of the moment's numbers ('khi … 7 xã')"
    )
    condition_share: float = rule(0.3, "factor added for the share of those numbers it states")


@dataclass(frozen=True)
class ValueRules:
    """judge · value fit: the words around a candidate value."""

    clause: float = rule(0.8, "weight of the clause's share of the question's words")
    window: float = rule(0.2, "weight of the surrounding window's share")
    reach_back: int = rule(60, "characters before a name or place that its clause takes in")
    window_chars: int = rule(80, "characters each side of a value that its window takes in")
    words_after: int = rule(10, "words after a value read for the question's slot words")
    words_before: int = rule(5, "words before a value read for the question's head words")
    tail: float = rule(0.4, "weight of the slot's words found after the value, in order")
    head: float = rule(0.2, "weight of the head's words found before it")
    part_label: float = rule(
        0.75, "share of the slot's words before a value that makes it the part asked about"
    )
    total_of_parts: float = rule(
        0.3, "factor: a total followed by 'trong đó' when a later part carries the asked label"
    )
    carried_tail: float = rule(
        0.8, "slot match of a figure whose indicator comes from the figure before it"
    )
    stated_numbers: float = rule(0.3, "bonus for the question's numbers in the value's clause")
    own_number: float = rule(0.5, "penalty when the value is the question's own number")
    compared: float = rule(0.3, "penalty when 'so với' comes right before the value (a baseline)")
    starting_point: float = rule(
        0.3, "a value after 'từ' that 'xuống/lên' another follows: where a move started"
    )
    compared_chars: int = rule(25, "characters before a value read for 'so với' and 'tăng'")
    change: float = rule(0.3, "bonus for 'tăng'/'giảm' right before the value of a change question")


@dataclass(frozen=True)
class FigureRules:
    """judge · figure checks: a stored figure against the asked one."""

    same_indicator: float = rule(0.3, "bonus: the asked indicator")
    related_indicator: float = rule(
        0.7, "a related indicator ('đạt 19/19 tiêu chí' for 'được công nhận')"
    )
    other_indicator: float = rule(
        0.35, "another indicator of the same family ('nâng cao', 'đạt chuẩn')"
    )
    other_family: float = rule(
        0.0, "an indicator of another family (an income asked, the funds mobilised found)"
    )
    unknown_indicator: float = rule(0.85, "a figure whose indicator is unknown")
    unasked_average: float = rule(0.5, "an average per commune for a question that asks for none")
    planned_total: float = rule(0.3, "bonus: a planned total for 'nâng tổng số lên bao nhiêu'")
    planned_addition: float = rule(0.6, "a planned addition for a planned-total question")
    increment_asked: float = rule(0.2, "bonus: an increment for 'thêm bao nhiêu'")
    total_for_increment: float = rule(0.4, "a total for 'thêm bao nhiêu'")
    value_for_increment: float = rule(0.6, "a plain value for 'thêm bao nhiêu'")
    unasked_increment: float = rule(0.35, "an increment for a question about the standing figure")
    total: float = rule(0.3, "bonus: a total for 'có bao nhiêu'")
    other_part: float = rule(0.6, "a part ('trong đó …') of another indicator")
    unasked_part: float = rule(
        0.8, "a part ('trong đó …') of the same indicator, for a question that asks no part"
    )
    stated_number: float = rule(
        0.3, "bonus for the share of the question's numbers that describe the figure"
    )
    stated_missing: float = rule(0.35, "none of the question's numbers describes it")
    own_number: float = rule(0.3, "the figure is the question's own number")
    other_place: float = rule(0.3, "a figure of another place of the same level")
    other_place_word: float = rule(
        0.5, "a count of other places of the asked level ('7 thị trấn' for 'bao nhiêu xã')"
    )
    other_counted: float = rule(
        0.3,
        "a count of other things or a share for a count of a noun ('242 xã' for 'bao nhiêu trường')",
    )
    finer_place: float = rule(
        0.6, "a figure of a lower level ('a district's for a province question')"
    )
    coarser_place: float = rule(
        0.3, "a figure of a higher level ('the district's for a commune question')"
    )
    national_place: float = rule(
        0.0, "the whole country's figure never answers for a province, district or commune"
    )
    unasked_category: float = rule(
        0.5, "a category word near the figure the question does not ask ('nâng cao')"
    )
    missing_category: float = rule(0.6, "a count of places without the category the question asks")
    category_words_after: int = rule(14, "words after a figure read for category words")
    category_chars_before: int = rule(30, "characters before a figure read for category words")


@dataclass(frozen=True)
class PersonRules:
    """judge · person type."""

    role_words: int = rule(12, "words after a name read as its office")
    other_rank: float = rule(
        0.6, "a deputy or standing member for the office asked, or the reverse"
    )


@dataclass(frozen=True)
class DateRules:
    """judge · date type."""

    precision: float = rule(
        0.3, "bonus: a day for 'ngày nào', a month for 'tháng nào', a year for 'năm nào'"
    )
    coarser: float = rule(0.5, "a month or a year for 'ngày nào'")
    echo: float = rule(
        0.1,
        "factor: a date the question itself states ('ngày nào … công nhận … năm 2022' "
        "answered 'năm 2022') tells the reader nothing",
    )


@dataclass(frozen=True)
class YearRules:
    """judge · year type ('năm nào')."""

    baseline: float = rule(
        0.3, "a year the sentence compares with ('so với năm 2015') is no event's year"
    )
    unasked_target: float = rule(
        0.5, "a target's horizon ('phấn đấu đến năm 2025') for a question about what happened"
    )
    asked_target: float = rule(0.3, "bonus: a target's horizon for a question about the target")
    result_for_target: float = rule(
        0.0, "a year of what happened never answers a question about a target"
    )


@dataclass(frozen=True)
class OrdinalRules:
    """judge · ordinal type ('thứ mấy')."""

    other_field: float = rule(
        0.4,
        "an order counted in another field than the question's ('đầu tiên ở ĐBSCL' for "
        "'thứ mấy cả nước')",
    )


@dataclass(frozen=True)
class DecisionRules:
    """judge · decision type."""

    basis_chars: int = rule(
        30, "characters before a decision read for 'căn cứ', 'theo quy định tại'"
    )
    legal_basis: float = rule(0.4, "the decision cited as a legal basis, not the one asked")
    described: float = rule(
        0.8,
        "share of the question's words after 'nào' that, following a decision cited as a "
        "basis, make it the one asked ('… về việc ban hành Bộ tiêu chí …')",
    )
    other_type: float = rule(0.4, "a document of another type than the one asked ('Đề án nào')")
    pending: float = rule(
        0.0,
        "a decision named for a recognition still to come ('để được xét công nhận … theo "
        "Quyết định số …'), for a question that asks which decision recognised",
    )
    place_before: int = rule(120, "characters before a decision read for the asked place")
    place_after: int = rule(160, "characters after it read for the asked place")
    place_named: float = rule(0.5, "bonus for the share of asked places named around the decision")


@dataclass(frozen=True)
class PlaceAnswerRules:
    """judge · place and list types."""

    lies_in_chars: int = rule(40, "characters after a place read for the place it lies in")
    lies_in_gap: int = rule(2, "characters at most between a place and the one it lies in")
    lies_in_asked: float = rule(0.4, "bonus: it lies in the asked place")
    lies_elsewhere: float = rule(0.4, "it lies in another place of the asked level")
    list_without_names: float = rule(
        0.5, "a sentence that names no place, for 'which places' (it is answered whole)"
    )
    count_met: float = rule(
        0.4, "bonus: a sentence names as many places as the question counts ('Hai bản … nào')"
    )
    count_short: float = rule(0.6, "a sentence names fewer places than the question counts")
    count_other: float = rule(
        0.3, "the sentence counts its list otherwise ('5 xã … là: …' for 'which four communes')"
    )
    polarity_chars: int = rule(
        60, "characters before a place (a third of them after) read for 'chưa' (not yet)"
    )
    other_polarity: float = rule(
        0.3, "places said not to be there yet for 'which reached', or the reverse"
    )


@dataclass(frozen=True)
class PassageRules:
    """gather and judge · the types that answer in words (limits, causes, tasks, goals …)."""

    list_chars: int = rule(
        1500, "characters of the lines a sentence ending in ':' announces, read with it"
    )
    back_reference: float = rule(
        0.5, "a passage whose only word of the kind points back ('để thực hiện mục tiêu này')"
    )
    tier_in_document: float = rule(
        0.7, "a passage of no tier when only elsewhere the document speaks of the asked one"
    )
    announcer_reach: int = rule(
        80, "characters between the kind's words and the ':' that announces a list"
    )
    cue: float = rule(
        0.8, "bonus: the passage has words of the asked kind ('khó khăn', 'đề nghị' …)"
    )
    no_cue: float = rule(0.4, "a passage without any word of the asked kind")
    no_cue_echoed: float = rule(
        0.6, "a passage without any word of the asked kind that repeats the question's words"
    )
    listed: float = rule(0.3, "bonus: the answer is a list the passage announces")
    heading: float = rule(0.3, "a title or heading line (no final stop) is no answer in words")
    heading_words: int = rule(20, "words at most of a line without a final stop that is a heading")
    echo: float = rule(0.6, "bonus for the share of the question's word pairs the passage repeats")
    defines: float = rule(0.8, "bonus: the passage says what the asked subject is ('X là …')")
    echo_enough: float = rule(
        0.25, "a passage repeating this share of them needs no word of the kind"
    )
    states_result: float = rule(
        0.6, "bonus: a summary's sentence states a result the facts reader stored"
    )
    states_nothing: float = rule(
        0.5, "a summary's sentence that states no stored figure ('Covid-19', '2021-2025')"
    )
    paragraph_reach: int = rule(
        400, "characters of a found passage's paragraph read before and after it, for words"
    )
    more_sentences: int = rule(2, "following sentences of the paragraph that go on with the answer")
    more_chars: int = rule(700, "characters those following sentences may add at most")


@dataclass(frozen=True)
class TargetRules:
    """judge · target check."""

    result_for_target: float = rule(0.3, "a result for a question about a plan")
    plan_for_allotted: float = rule(
        1.0, "a plan's figure for a question about what was allotted ('bố trí bao nhiêu vốn')"
    )
    no_plan_words: float = rule(
        0.75, "a sentence without a figure nor any word of a plan, for a plan question"
    )
    paragraph_chars: int = rule(200, "characters of the paragraph's start read for words of a plan")


@dataclass(frozen=True)
class BlendRules:
    """judge · prior score: the blend of meaning, words and value."""

    dense: float = rule(0.30, "weight of the passage's meaning similarity to the question")
    cov_sentence: float = rule(0.20, "weight of the sentence's share of the question's words")
    cov_context: float = rule(0.10, "weight of the share in the sentence, its paragraph and title")
    cov_document: float = rule(0.10, "weight of the share in the whole document")
    bigram: float = rule(0.05, "weight of the question's word pairs in the sentence")
    value: float = rule(0.25, "weight of the best value's fit")
    value_cap: float = rule(2.0, "most the value's fit counts for")
    fact_hit_dense: float = rule(
        0.5, "share of the best similarity given to a passage only the facts index found"
    )


@dataclass(frozen=True)
class RankRules:
    """rank: the ranking logit."""

    prior_floor: float = rule(1e-4, "least prior read as a probability")
    prior_ceiling: float = rule(0.999, "most prior read as a probability")
    logit_clip: float = rule(30.0, "logits are clipped to ± this before the calibrated score")
    log_floor: float = rule(1e-3, "least factor whose log is a feature")
    bias: float = rule(0.0, "bias of a fitted ranker (with weights)")
    weights: dict = rule({}, "fitted ranker: feature -> weight; empty ranks by the prior")


@dataclass(frozen=True)
class ConfidenceRules:
    """rank · calibration and abstention (fitted by benchmarks/fit_rules.py)."""

    best_weight: float = rule(0.528415, "weight of the best candidate's logit")
    margin_weight: float = rule(
        0.600431, "weight of its margin over the runner-up with another value"
    )
    bias: float = rule(0.034103, "bias of the calibration")
    margin_cap: float = rule(
        4.0, "most the margin counts for (also the margin of a lone candidate)"
    )
    threshold: float = rule(
        0.25, "abstain below this calibrated confidence (NTM_MIN_CONFIDENCE overrides)"
    )


@dataclass(frozen=True)
class SelectRules:
    """select: what is shown beside the best answer."""

    timeline_score: float = rule(
        0.75, "least share of the best's score for another time's value to be listed"
    )
    timeline_value: float = rule(0.8, "least share of the best's value fit for it to be listed")
    also_score: float = rule(
        0.8, "least share of the best's score for a second document to corroborate"
    )
    corroborating: int = rule(5, "candidates after the best read for a corroborating document")
    twin_chars: int = rule(400, "characters within which a figure counted another way is its twin")
    related_passages: int = rule(3, "passages shown with a refusal")
    related_coverage: float = rule(0.01, "weight of word coverage in ordering those passages")
    gathered: int = rule(4, "sentences at most a summary gathers")
    gather_score: float = rule(
        0.5, "least share of the best's score for a sentence to join a summary"
    )
    summary_said: int = rule(
        3, "items of the limits, and of the tasks, a summary adds after its figures"
    )


@dataclass(frozen=True)
class BriefRules:
    """brief: a conference brief's figures (``assistant.brief``)."""

    basis_tolerance: float = rule(
        0.02,
        "two denominators within this share of each other count the same places (one read "
        "from a rounded share: '65 xã, chiếm 35,91%' is 65 of 181)",
    )
    plan_reach: int = rule(
        600, "characters before a target's sentence its paragraph's plan words may open"
    )
    decision_chars: int = rule(
        160, "characters of what a decision did, cut back to a whole clause when longer"
    )
    role_chars: int = rule(140, "characters after a person's name read for their office")


@dataclass(frozen=True)
class Rules:
    """Every rule of the answering stages, by group (see the module's docstring)."""

    analyse: AnalyseRules = field(default_factory=AnalyseRules)
    gather: GatherRules = field(default_factory=GatherRules)
    place: PlaceRules = field(default_factory=PlaceRules)
    time: TimeRules = field(default_factory=TimeRules)
    words: WordRules = field(default_factory=WordRules)
    value: ValueRules = field(default_factory=ValueRules)
    figure: FigureRules = field(default_factory=FigureRules)
    person: PersonRules = field(default_factory=PersonRules)
    date: DateRules = field(default_factory=DateRules)
    year: YearRules = field(default_factory=YearRules)
    ordinal: OrdinalRules = field(default_factory=OrdinalRules)
    decision: DecisionRules = field(default_factory=DecisionRules)
    place_answer: PlaceAnswerRules = field(default_factory=PlaceAnswerRules)
    passage: PassageRules = field(default_factory=PassageRules)
    target: TargetRules = field(default_factory=TargetRules)
    blend: BlendRules = field(default_factory=BlendRules)
    rank: RankRules = field(default_factory=RankRules)
    confidence: ConfidenceRules = field(default_factory=ConfidenceRules)
    select: SelectRules = field(default_factory=SelectRules)
    brief: BriefRules = field(default_factory=BriefRules)
    trained_on: tuple[str, ...] = ()  # the data the fitted rules were fitted on

    @staticmethod
    @lru_cache(maxsize=1)
    def default() -> Rules:
        """The table, with ``rules.json`` beside this module applied when there is one."""
        return Rules.load(DEFAULT_FILE) if DEFAULT_FILE.exists() else Rules()

    @classmethod
    def for_settings(cls, settings) -> Rules:
        """The rules a run uses: the file ``NTM_RULES`` names, else the default table."""
        if not settings.rules_file:
            return cls.default()
        try:
            return cls.load(settings.rules_file)
        except SettingsError as exc:
            raise SettingsError(f"NTM_RULES: {exc}") from None

    @classmethod
    def load(cls, path: Path) -> Rules:
        """The defaults with the values of a JSON file applied; a clear error naming the
        file and the entry when it cannot be read or names an unknown rule."""
        changes, trained_on = rules_file.read(path, _GROUPS)
        rules = cls().replace(_source=str(path), **changes)
        return replace(rules, trained_on=trained_on)

    def replace(self, _source: str = "", **changes) -> Rules:
        """A copy with rules changed: ``replace(**{"confidence.threshold": 0.3})``."""
        where = f" ({_source})" if _source else ""
        groups = {name: getattr(self, name) for name in _GROUPS}
        for key, value in changes.items():
            group, _, name = key.partition(".")
            known = {f.name: f for f in fields(_GROUPS[group])} if group in _GROUPS else {}
            if name not in known:
                raise SettingsError(
                    f"Không có quy tắc '{key}'{where}. (Unknown rule; `ntm rules` lists them.)"
                )
            value = rules_file.checked(key, value, known[name])
            groups[group] = replace(groups[group], **{name: value})
        return replace(self, **groups)

    def to_dict(self) -> dict:
        """``{"group": {"name": value}}`` for every rule (what ``load`` reads)."""
        out: dict = {
            group: {f.name: getattr(getattr(self, group), f.name) for f in fields(cls)}
            for group, cls in _GROUPS.items()
        }
        if self.trained_on:
            out["trained_on"] = list(self.trained_on)
        return out

    def save(self, path: Path, only: tuple[str, ...] = ()) -> None:
        """Write the rules (only these groups when given) as JSON."""
        data = self.to_dict()
        if only:
            data = {k: v for k, v in data.items() if k in only or k == "trained_on"}
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")

    def table(self) -> list[tuple[str, str, object, str]]:
        """(group, name, value, why) of every rule, in the table's order."""
        return [
            (group, f.name, getattr(getattr(self, group), f.name), f.metadata["why"])
            for group, cls in _GROUPS.items()
            for f in fields(cls)
        ]

    def markdown(self) -> str:
        lines = ["| rule | value | why |", "|---|---|---|"]
        for group, name, value, why in self.table():
            lines.append(f"| `{group}.{name}` | {value} | {why} |")
        return "\n".join(lines)


# group name -> its class, from the fields of ``Rules``: a new group is one class and one field
_GROUPS = {f.name: f.default_factory for f in fields(Rules) if f.name != "trained_on"}
