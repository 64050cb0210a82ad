"""The judge's checks, each a pure function of a sentence (or a figure) and the question's
frame that returns a ``Check`` (a factor, 0 to rule the sentence out, and why):

- ``place``: the sentence speaks of the asked places, at the asked level;
- ``tier``: of the asked tier of the standard ('nâng cao', 'kiểu mẫu');
- ``time``: at the asked time (a figure's own time, or the sentence's);
- ``words``: the question's words, its rarest ones, the moment it describes;
- ``target``: a plan for a plan, a result for a result;
- ``figure``: a figure's unit, indicator, kind, category and place against the asked one.

Each module has its own test table in ``tests/assistant/answering/``.
"""
