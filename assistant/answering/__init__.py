"""Answering a question from the documents, as a pipeline of small typed stages.

    analyse  (analyse.py)   question -> Frame: what is asked, where, when, of what kind
    gather   (gather.py)    Frame -> Evidence: passages, their documents, stored facts, sentences
    judge    (judge.py)     Evidence -> Verdicts: the checks of checks/, the best value (fit.py)
    rank     (rank.py)      Verdicts -> Ranking: best first, with a calibrated confidence
    select   (select.py)    Ranking -> Selection (findings) or Refusal
    compose  (compose.py)   Selection -> Answer (text with numbered, verbatim citations)

``records.py`` holds the records between stages and the enums of every kind; ``rules.py``
the table of every weight and threshold; ``kinds/`` the registry of question types (one
module per type); ``pipeline.py`` wires the stages into the ``Answerer``; ``trace.py`` records
why each candidate won or lost.
"""

from assistant.answering.pipeline import Answerer, check_question
from assistant.answering.rules import Rules
from assistant.answering.trace import Trace

__all__ = ["Answerer", "Rules", "Trace", "check_question"]
